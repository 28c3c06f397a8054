/**
 * A fresh Debian terminal reads aloud: the launcher starts Chromium so that it talks to speech-dispatcher
 * (espeak-ng's Mandarin and English voices, docs/terminal-speech.md), and the kiosk offers read aloud in both
 * of the hall's languages. The staff panel says so, and says when a language has no voice.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { kioskFlags } from '../scripts/terminal/launch.ts';
import { kioskOnFeed } from './fixtures/feed.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { atTestDay, expect, test } from './fixtures/test.ts';

const SPEECH_DISPATCHER = '/usr/bin/speech-dispatcher';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as the launcher starts it (its flags, its own profile), headless, on the kiosk's URL. */
async function terminalBrowser(url: string): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'sunlight-terminal-'));
  // Playwright sets the profile and the page itself; every other flag is the launcher's.
  const args = kioskFlags(url, profile).filter((f) => f !== url && !f.startsWith('--user-data-dir='));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', ...args],
    viewport: { width: 1920, height: 1080 },
  });
  return atTestDay(context);
}

/** The voices the page sees, once Chromium has asked speech-dispatcher (they arrive after load). */
async function voiceLanguages(page: Page): Promise<string[]> {
  await expect
    .poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return page.evaluate(() => [...new Set(speechSynthesis.getVoices().map((v) => v.lang))]);
}

test.describe('a terminal started by the launcher', () => {
  test.skip(
    !existsSync(SPEECH_DISPATCHER),
    `${SPEECH_DISPATCHER} is not installed: apt-get install speech-dispatcher espeak-ng speech-dispatcher-espeak-ng (docs/terminal-speech.md)`,
  );

  test('has a Mandarin and an English voice, and offers read aloud in both languages', async () => {
    const kiosk = await kioskOnFeed();
    const context = await terminalBrowser(`${kiosk.url}/`);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${kiosk.url}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
      const langs = await voiceLanguages(page);
      expect(
        langs.some((l) => /^(zh|cmn)\b/i.test(l)),
        `voices: ${langs.join(', ')}`,
      ).toBe(true);
      expect(
        langs.some((l) => /^en\b/i.test(l)),
        `voices: ${langs.join(', ')}`,
      ).toBe(true);

      await page.getByRole('button', { name: '无障碍', exact: true }).click();
      await expect(
        page.getByRole('dialog', { name: '无障碍设置' }).getByRole('button', { name: /^朗读/ }),
      ).toBeVisible();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Accessibility', exact: true }).click();
      await expect(
        page.getByRole('dialog', { name: 'Accessibility' }).getByRole('button', { name: /^Read aloud/ }),
      ).toBeVisible();

      await page.reload();
      await openPanel(page);
      await expect(fact(page, '朗读语音')).toContainText('zh-CN');
      await expect(fact(page, '朗读语音')).not.toHaveClass(/problem/);
    } finally {
      await context.close();
      await kiosk.close();
    }
  });
});

test('the staff panel says when the terminal has no speech voice', async ({ page }) => {
  // Playwright's Chromium runs without --enable-speech-dispatcher: no voice at all, as on a bare terminal.
  const kiosk = await kioskOnFeed();
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await openPanel(page);
  const speech = fact(page, '朗读语音');
  await expect(speech).toContainText('本机没有可用的朗读语音');
  await expect(speech).toContainText('zh-CN');
  await expect(speech).toContainText('en');
  await expect(speech).toHaveClass(/problem/);
  await page.getByRole('dialog').getByRole('button', { name: 'English' }).click();
  await expect(fact(page, 'Speech voices')).toContainText('No speech voice on this terminal');
  await kiosk.close();
});
