/**
 * A visitor's accessibility modes: one tap away on every screen; large text really is 150 % and never
 * scrolls sideways; reach mode leaves nothing to tap in the upper half; read aloud speaks the screen in
 * the visitor's language and hides without a voice; a wiped visit leaves every mode off.
 */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { allScreens, openScreen, setModes } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

type Kiosk = Awaited<ReturnType<typeof kioskOnFeed>>;
let kiosk: Kiosk;
test.beforeAll(async () => {
  kiosk = await kioskOnFeed();
});
test.afterAll(async () => kiosk.close());

/** Opens home; the walks touch nothing, so by default the visit outlasts them (a long idle time). */
async function boot(page: Page, idleSeconds = 3600): Promise<void> {
  await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=${idleSeconds}`);
  await expect(page.locator('.home')).toBeVisible();
}

/** What sticks out sideways: the page or a scroller wider than its box, or an element past the screen's right edge. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) found.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of document.querySelectorAll('.shell, .shell *')) {
      if (el.closest('svg, .visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // Pan-and-zoom frames (flow chart, floor plan) clip on purpose: they have their own zoom buttons.
      const panZoom = el.matches('.flow-frame, .map-plan');
      if (!panZoom && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name(el)} scrolls or clips sideways: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > innerWidth + 1 && !el.closest('.flow-frame, .map-plan')) {
        found.push(`${name(el)} ends at ${Math.round(box.right)} > ${innerWidth}`);
      }
    }
    return found;
  });
}

/** Everything a visitor could tap whose visible part starts above `line` (clipped parts do not count). */
function tappableAbove(page: Page, line: number): Promise<string[]> {
  return page.evaluate((line) => {
    const found: string[] = [];
    const tappable = document.querySelectorAll(
      'button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="switch"], [tabindex]:not([tabindex="-1"])',
    );
    for (const el of tappable) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let top = box.top;
      let bottom = box.bottom;
      // Clip by every scrolling or clipping ancestor, as the finger sees it.
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible') continue;
        const clip = a.getBoundingClientRect();
        top = Math.max(top, clip.top);
        bottom = Math.min(bottom, clip.bottom);
      }
      top = Math.max(top, 0);
      bottom = Math.min(bottom, innerHeight);
      if (bottom - top < 1) continue; // scrolled out of sight
      if (top < line) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        found.push(`${el.tagName.toLowerCase()} "${label}" at ${Math.round(top)}`);
      }
    }
    return found;
  }, line);
}

test.describe('portrait and landscape', () => {
  for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
    test(`large text: 150 %, and no screen scrolls sideways (${orientation})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await boot(page);
      const bodySize = () =>
        page.locator('.home-hall .hours-badge').evaluate((el) => {
          const zoom = (el as HTMLElement & { currentCSSZoom: number }).currentCSSZoom;
          return parseFloat(getComputedStyle(el).fontSize) * zoom;
        });
      const normal = await bodySize();
      await setModes(page, ['largeText']);
      expect(await bodySize()).toBeGreaterThanOrEqual(normal * 1.5);
      const failures: string[] = [];
      for (const locale of ['zh-CN', 'en']) {
        for (const { screen } of allScreens()) {
          await openScreen(page, screen, locale);
          for (const f of await sidewaysOverflow(page))
            failures.push(`${locale} ${JSON.stringify(screen)}: ${f}`);
        }
        // The sheet of toggles too, in this language.
        const open = locale === 'en' ? 'Accessibility' : '无障碍';
        await page.getByRole('navigation').getByRole('button', { name: open, exact: true }).click();
        await expect(page.locator('#access-sheet')).toBeVisible();
        for (const f of await sidewaysOverflow(page)) failures.push(`${locale} sheet: ${f}`);
      }
      expect(failures).toEqual([]);
    });

    test(`reach: nothing to tap in the upper half of any screen (${orientation})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await boot(page);
      const half = viewport.height / 2;
      expect(await tappableAbove(page, half), 'without reach mode, home has controls up high').not.toEqual(
        [],
      );
      const failures: string[] = [];
      for (const modes of [['reach'], ['reach', 'largeText']] as const) {
        await setModes(page, modes);
        for (const locale of ['zh-CN', 'en']) {
          for (const { screen } of allScreens()) {
            await openScreen(page, screen, locale);
            for (const f of await tappableAbove(page, half)) {
              failures.push(`${modes.join('+')} ${locale} ${JSON.stringify(screen)}: ${f}`);
            }
          }
        }
      }
      // The sheet of toggles itself, open on top of the home screen.
      await setModes(page, ['reach']);
      await openScreen(page, { name: 'home' }, 'zh-CN');
      await page.getByRole('button', { name: '无障碍', exact: true }).click();
      await expect(page.getByRole('dialog', { name: '无障碍设置' })).toBeVisible();
      for (const f of await tappableAbove(page, half)) failures.push(`sheet: ${f}`);
      expect(failures).toEqual([]);
    });
  }
});

test('every screen has the modes one tap away, and they apply at once', async ({ page }) => {
  test.setTimeout(120_000);
  await boot(page);
  for (const { screen } of allScreens()) {
    await openScreen(page, screen, 'zh-CN');
    await page
      .getByRole('navigation', { name: '常用操作' })
      .getByRole('button', { name: '无障碍', exact: true })
      .click();
    const sheet = page.getByRole('dialog', { name: '无障碍设置' });
    await expect(sheet.getByRole('button', { name: /^大字/ })).toHaveAttribute('aria-pressed', 'false');
    await expect(sheet.getByRole('button', { name: /^低位操作/ })).toBeVisible();
    await expect(sheet.getByRole('button', { name: /^高对比度/ })).toBeVisible();
    await sheet.getByRole('button', { name: '关闭' }).click();
    await expect(sheet).toBeHidden();
  }
  await page.getByRole('button', { name: '无障碍', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: '无障碍设置' });
  const largeText = sheet.getByRole('button', { name: /^大字/ });
  await largeText.click();
  await expect(page.locator('.shell')).toHaveClass(/large-text/);
  // The state is said in words, not only in colour.
  await expect(largeText).toHaveAttribute('aria-pressed', 'true');
  await expect(largeText).toContainText('开');
  await sheet.getByRole('button', { name: /^高对比度/ }).click();
  await expect(page.locator('.shell')).toHaveClass(/high-contrast/);
  await expect(page.locator('.shell')).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await largeText.click();
  await expect(largeText).toContainText('关');
  await expect(page.locator('.shell')).not.toHaveClass(/large-text/);
});

test('a wiped visit leaves every mode off: the next visitor finds the usual screen', async ({ page }) => {
  await page.clock.install({ time: TEST_DAY });
  await boot(page, 10);
  await page.getByRole('button', { name: '无障碍', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: '无障碍设置' });
  for (const name of [/^大字/, /^低位操作/, /^高对比度/]) await sheet.getByRole('button', { name }).click();
  await expect(page.locator('.shell')).toHaveClass(/large-text/);
  await expect(page.locator('.shell')).toHaveClass(/reach/);
  await expect(page.locator('.shell')).toHaveClass(/high-contrast/);
  // Idle (10 s), then the "still there?" countdown (15 s), then the wipe.
  await page.clock.runFor((10 + 15 + 2) * 1000);
  await expect(page.locator('.shell')).toHaveCount(0);
  await page.mouse.click(540, 540);
  await expect(page.locator('main h1')).toHaveText('示例市政务服务中心');
  await expect(page.locator('.shell')).toHaveClass('shell screen-home');
  await expect(page.getByRole('dialog', { name: '无障碍设置' })).toHaveCount(0);
});

test.describe('read aloud', () => {
  test('has no toggle where the browser has no voice', async ({ page }) => {
    await boot(page);
    // Debian's headless Chromium has the API but no voice installed: the real case of a bare terminal.
    await page.waitForTimeout(500); // voices, when there are any, arrive just after load
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await page.getByRole('button', { name: '无障碍', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: '无障碍设置' });
    await expect(sheet.getByRole('button', { name: /^高对比度/ })).toBeVisible();
    await expect(sheet.getByRole('button', { name: /^朗读/ })).toHaveCount(0);
  });

  test('has no toggle, and nothing breaks, where the browser has no speech API at all', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // This terminal's browser has no speech API (the one browser API this suite removes or stubs).
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined });
    });
    await boot(page);
    await page.getByRole('button', { name: '无障碍', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: '无障碍设置' });
    await expect(sheet.getByRole('button', { name: /^大字/ })).toBeVisible();
    await expect(sheet.getByRole('button', { name: /^朗读/ })).toHaveCount(0);
    await sheet.getByRole('button', { name: /^大字/ }).click();
    await openScreen(page, { name: 'fees' }, 'en');
    expect(errors).toEqual([]);
  });

  test('speaks the screen in the visitor language, and starts again on a new screen or language', async ({
    page,
  }) => {
    // The one mock of a browser API in these journeys: headless Chromium has no voices, so
    // speechSynthesis is stubbed with a Chinese voice and an English one, and records what it is told.
    await page.addInitScript(() => {
      const said: { text: string; lang: string }[] = [];
      let cancels = 0;
      const voices = [
        { lang: 'zh-CN', name: 'Test Chinese', default: true, localService: true, voiceURI: 'zh' },
        { lang: 'en-GB', name: 'Test English', default: false, localService: true, voiceURI: 'en' },
      ];
      const synth = Object.assign(new EventTarget(), {
        getVoices: () => voices,
        speak: (u: SpeechSynthesisUtterance) => said.push({ text: u.text, lang: u.lang }),
        cancel: () => {
          cancels += 1;
          said.length = 0;
        },
        pause() {},
        resume() {},
        speaking: false,
        pending: false,
        paused: false,
      });
      Object.defineProperty(window, 'speechSynthesis', { value: synth });
      Object.assign(window, { speechLog: () => ({ said: [...said], cancels }) });
    });
    const log = () =>
      page.evaluate(() =>
        (
          window as unknown as { speechLog(): { said: { text: string; lang: string }[]; cancels: number } }
        ).speechLog(),
      );
    await boot(page);
    await openScreen(page, { name: 'fees' }, 'zh-CN');
    const heading = (await page.locator('main h1').textContent())!.trim();
    await page.getByRole('button', { name: '无障碍', exact: true }).click();
    await page.getByRole('dialog', { name: '无障碍设置' }).getByRole('button', { name: /^朗读/ }).click();
    await expect.poll(async () => (await log()).said.length).toBeGreaterThan(1);
    let said = (await log()).said;
    expect(said[0]).toEqual({ text: heading, lang: 'zh-CN' });
    expect(said.every((u) => u.lang === 'zh-CN')).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: what is read is what shows
    const mainText = await page.locator('main').evaluate((m) => (m as HTMLElement).innerText);
    for (const u of said) expect(mainText).toContain(u.text);

    // In English the reading starts again, in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(async () => (await log()).said[0]?.lang).toBe('en');
    said = (await log()).said;
    expect(said[0]!.text).toBe((await page.locator('main h1').textContent())!.trim());

    // Another screen: what was being read stops, the new screen is read.
    const cancelsBefore = (await log()).cancels;
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await expect.poll(async () => (await log()).said[0]?.text).toBe('Shili City Government Service Center');
    expect((await log()).cancels).toBeGreaterThan(cancelsBefore);
  });
});
