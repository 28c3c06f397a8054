/**
 * Hall time is the hall's, not the terminal OS's: a terminal left on UTC (or set to New York) still says the
 * Beijing hall is open at 10:00 in Beijing, shows the hall's times on the staff panel and says its zone differs.
 */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { atTestDay, expect, test } from './fixtures/test.ts';

let kiosk: Awaited<ReturnType<typeof kioskOnFeed>>;
test.beforeAll(async () => {
  kiosk = await kioskOnFeed();
});
test.afterAll(async () => kiosk.close());

/** Home at TEST_DAY (Friday 10:00 in Beijing) on a terminal whose OS is in `timezoneId`. */
async function homeAt(browser: import('@playwright/test').Browser, timezoneId: string): Promise<Page> {
  const context = await atTestDay(await browser.newContext({ timezoneId }));
  const page = await context.newPage();
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  return page;
}

test('a terminal whose OS is on UTC says the hall is open at 10:00 in Beijing, and the panel flags the zone', async ({
  browser,
}) => {
  const page = await homeAt(browser, 'UTC');
  // 02:00 on the terminal's own clock, 10:00 in the hall: open in the morning period, until noon.
  const badge = page.locator('.home-hall');
  await expect(badge).toContainText('正在办公');
  await expect(badge).toContainText('办公到 12:00');
  await openPanel(page);
  await expect(fact(page, '时区')).toContainText('本机 UTC，大厅 Asia/Shanghai（按大厅时间显示）');
  // The hall's hour (the terminal's own clock says 02:00); its minutes move on while the test runs.
  await expect(fact(page, '本机时钟')).toContainText(/2026-12-04 10:\d\d/);
  await page.context().close();
});

test('a terminal set to New York, where it is still Thursday evening, says the same in English', async ({
  browser,
}) => {
  const page = await homeAt(browser, 'America/New_York');
  await page.getByRole('button', { name: 'English' }).click();
  const badge = page.locator('.home-hall');
  await expect(badge).toContainText('Open now');
  await expect(badge).toContainText('Today 09:00-12:00');
  await openPanel(page);
  await expect(fact(page, 'Time zone')).toContainText(
    "Terminal America/New_York, hall Asia/Shanghai (shown in the hall's time)",
  );
  await expect(fact(page, "Terminal's clock")).toContainText(/2026-12-04 10:\d\d/);
  await page.context().close();
});

test('a terminal in the hall zone says the zones agree', async ({ browser }) => {
  const page = await homeAt(browser, 'Asia/Shanghai');
  await expect(page.locator('.home-hall')).toContainText('正在办公');
  await openPanel(page);
  await expect(fact(page, '时区')).toContainText('Asia/Shanghai（本机与大厅一致）');
  await page.context().close();
});
