/**
 * The browser is killed in the middle of a sync, at several points, and restarted on the same profile:
 * the kiosk shows the old version or the new one, complete — never a mix, never a blank page.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from './fixtures/chromium-process.ts';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { atTestDay, expect, test } from './fixtures/test.ts';

const MARK = '（二版）';
/** The second version changes the hall's name and several services, each in its own file. */
function secondVersion(folder: string): void {
  const edit = (file: string, from: string) => {
    const path = join(folder, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, `${from}${MARK}`));
  };
  edit('hall.yaml', 'zh-CN: 示例市政务服务中心');
  for (const f of readdirSync(join(folder, 'services')).slice(0, 8)) {
    const text = readFileSync(join(folder, 'services', f), 'utf8');
    const name = /^name:\n {2}zh-CN: (.+)$/m.exec(text)![1]!;
    edit(`services/${f}`, `zh-CN: ${name}`);
  }
}

/** What the screen shows must be one whole version: every changed name marked, or none. */
async function shownVersion(page: Page): Promise<1 | 2> {
  await expect(page.locator('.home h1')).toBeVisible();
  const hall = (await page.locator('.home h1').textContent()) ?? '';
  await page.getByRole('button', { name: /办事指南/ }).click();
  await expect(page.getByRole('list', { name: 'services' })).toBeVisible();
  const names = [
    hall,
    ...(await page.getByRole('list', { name: 'services' }).getByRole('listitem').allTextContents()),
  ];
  await page.getByRole('button', { name: '首页' }).click();
  const marked = names.filter((n) => n.includes(MARK)).length;
  const footer = (await page.locator('footer').textContent()) ?? '';
  if (marked === 0) {
    expect(footer).toContain('内容版本 1');
    return 1;
  }
  expect(marked, `a mix: ${marked} of 9 names are of the second version`).toBe(9);
  expect(footer).toContain('内容版本 2');
  return 2;
}

// After how many of the second version's files the browser dies; Infinity: after all of them.
for (const killAfter of [0, 1, 4, Number.POSITIVE_INFINITY]) {
  test(`shows a whole version after a crash with ${killAfter} new files served`, async () => {
    test.setTimeout(60_000);
    const folder = copyOfSample();
    let onFile: ((path: string) => Promise<void>) | undefined;
    const kiosk = await kioskOnFeed(folder, async (path) => onFile?.(path));
    const profile = mkdtempSync(join(tmpdir(), 'sunlight-profile-'));
    const url = `${kiosk.url}/`;

    let chromium = await launchChromium(profile);
    let page = await (await atTestDay(chromium.browser.contexts()[0]!)).newPage();
    await page.goto(url);
    expect(await shownVersion(page)).toBe(1);

    secondVersion(folder);
    publish(folder, kiosk.feed);
    let served = 0;
    let killed: Promise<void> | undefined;
    onFile = async (path) => {
      if (!path.startsWith('files/') || killed) return;
      if (served++ >= killAfter) killed = chromium.kill();
    };
    // A reload checks the feed at once; the kill comes while it downloads (or just after, for Infinity).
    await page.reload().catch(() => {});
    if (killAfter === Number.POSITIVE_INFINITY) {
      await page.waitForTimeout(150).catch(() => {});
      killed = chromium.kill();
    }
    // The download starts after the page has loaded: wait for the kill to have happened.
    for (let i = 0; i < 500 && !killed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(killed, 'the browser was killed mid-sync').toBeDefined();
    await killed;
    onFile = undefined;

    // Restart on the same profile with the feed unreachable: only what the store holds can show.
    chromium = await launchChromium(profile);
    const context = await atTestDay(chromium.browser.contexts()[0]!);
    await context.route('**/feed/**', (route) => route.abort());
    page = await context.newPage();
    await page.goto(url);
    const afterCrash = await shownVersion(page);

    // With the feed back, the terminal finishes the update and shows the second version whole.
    await context.unroute('**/feed/**');
    await page.reload();
    await expect(page.getByText(/内容版本 2/)).toBeVisible({ timeout: 15_000 });
    expect(await shownVersion(page)).toBe(2);
    test.info().annotations.push({ type: 'after crash', description: `version ${afterCrash}` });
    await chromium.kill();
    await kiosk.close();
  });
}
