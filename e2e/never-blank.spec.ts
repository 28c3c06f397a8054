/** Never a black screen: a render that fails, a boot that hangs, and a watchdog that reloads only at idle. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { openPanel } from './fixtures/staff.ts';
import { OPEN_DAY, ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

let kiosk: Awaited<ReturnType<typeof kioskOnFeed>>;
test.beforeAll(async () => {
  kiosk = await kioskOnFeed();
});
test.afterAll(async () => kiosk.close());

const breakRendering = (page: Page) =>
  page.evaluate(() => (window as unknown as { sunlightBreak: () => void }).sunlightBreak());

async function expectFallback(page: Page) {
  const fallback = page.getByTestId('fallback');
  await expect(fallback).toBeVisible();
  await expect(fallback).toContainText('示例市政务服务中心');
  await expect(fallback).toContainText('本机暂时出现故障');
  await expect(fallback).toContainText('请到一楼综合咨询服务台咨询工作人员。');
  await expect(fallback).toContainText('Shili City Government Service Center');
  await expect(fallback).toContainText(
    'Please ask the staff at the Information desk, 1st floor (ground floor).',
  );
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test(`a screen that fails to render shows the hall and its help desk, then recovers (${orientation})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openKiosk(page, kiosk.url, 'en', '?e2e');
    await page.getByRole('button', { name: /Service guides/ }).click();
    await breakRendering(page);
    await expectFallback(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/fallback-${orientation}.png` });
    // Staff can see what happened on the panel, which lies outside what failed.
    await openPanel(page);
    const health = page.getByRole('region', { name: 'App health (newest first)' });
    await expect(health.getByRole('listitem').first()).toContainText('Render failed');
    await expect(health.getByRole('listitem').first()).toContainText('sunlightBreak');
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: /重新开始/ }).click();
    await expect(page.getByTestId('fallback')).toBeHidden();
    // A fresh start: home, in the default language.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  });
}

test('with nobody there, a failed render is retried by itself', async ({ page }) => {
  await openKiosk(page, kiosk.url, 'zh', '?e2e');
  await breakRendering(page);
  await expectFallback(page);
  await page.clock.runFor(21_000);
  await expect(page.getByTestId('fallback')).toBeHidden();
  await page.mouse.click(960, 540);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
});

test('a screen that keeps failing is reloaded, with the reason logged', async ({ page }) => {
  await openKiosk(page, kiosk.url, 'zh', '?e2e');
  await page.evaluate(() => (window as unknown as { sunlightBreak: (n: number) => void }).sunlightBreak(3));
  await expectFallback(page);
  await page.clock.runFor(21_000);
  await expectFallback(page);
  await page.clock.runFor(21_000);
  await expectFallback(page);
  const reloaded = page.waitForEvent('load');
  await page.clock.runFor(21_000);
  await reloaded;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  const log = await page.evaluate(() => localStorage.getItem('sunlight.resilience.log') ?? '');
  expect(log).toContain('rendering failed 3 times in a row');
});

test('a boot that never finishes shows the fallback from the last good content, not a blank page', async ({
  page,
}) => {
  // The content store stops answering on the next boot (as a wedged IndexedDB does).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('wedge-storage'))
      IDBFactory.prototype.open = function open() {
        // A request that never succeeds nor fails (idb needs it to look like an IDBRequest).
        return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
      };
  });
  await openKiosk(page, kiosk.url, 'zh');
  await page.evaluate(() => sessionStorage.setItem('wedge-storage', '1'));
  await page.reload();
  await expect(page.getByText('正在启动…')).toBeVisible();
  await page.clock.runFor(91_000);
  await expectFallback(page);
});

/** A hall zone where the sample hall (open 09:00–17:30 at most) is closed right now: Beijing or, 12–13 h away, New York. */
function closedHallTimeZone(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    ),
  );
  return hour >= 8 && hour < 19 ? 'America/New_York' : 'Asia/Shanghai';
}

// Real time, not page.clock: Playwright's fake clock replaces `performance`, and with it the heap figure.
test('the watchdog reloads a page over its heap limit only once nobody is using it', async ({ browser }) => {
  test.setTimeout(120_000);
  // Opening hours are read in the hall's zone (not the terminal's): a copy of the sample hall closed right now.
  const folder = copyOfSample();
  const hallYaml = join(folder, 'hall.yaml');
  writeFileSync(
    hallYaml,
    readFileSync(hallYaml, 'utf8').replace(/^timeZone: .*$/m, `timeZone: ${closedHallTimeZone()}`),
  );
  const closedHall = await kioskOnFeed(folder);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${closedHall.url}/?e2e&heapMiB=1&idle=5&watchdogUptime=5`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('示例市政务服务中心');
  const heap = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  expect(heap).toBeGreaterThan(2 ** 20);
  await page.evaluate(() => Object.assign(window, { beforeReload: true }));

  // A visitor keeps touching for 20 s, past the minimum uptime: the heap is over the limit, nothing reloads.
  for (let i = 0; i < 10; i++) {
    await heading.click();
    await page.waitForTimeout(2_000);
  }
  expect(await page.evaluate(() => 'beforeReload' in window)).toBe(true);

  // They leave: "still there?" (15 s), the wipe, the playlist, and then the reload.
  await page.waitForEvent('load', { timeout: 60_000 });
  expect(await page.evaluate(() => 'beforeReload' in window)).toBe(false);
  const log = await page.evaluate(() => localStorage.getItem('sunlight.resilience.log') ?? '');
  expect(log).toMatch(/watchdog: JS heap \d+ MiB is over the limit of 1 MiB/);
  // The page after the reload works: within the cooldown it does not reload again.
  await heading.click();
  await expect(heading).toHaveText('示例市政务服务中心');
  await context.close();
  await closedHall.close();
});

test.describe('on an open day', () => {
  test('the fallback is never shown on a normal terminal', async ({ page }) => {
    await page.clock.install({ time: OPEN_DAY });
    await page.goto(`${kiosk.url}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    expect(await page.evaluate(() => 'sunlightBreak' in window)).toBe(false);
  });
});
