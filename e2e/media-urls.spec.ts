/**
 * A terminal runs for months through many versions: once a new version shows, the old version's images are
 * let go (their blob URLs revoked), while a file the new version shares keeps its URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { openPanel } from './fixtures/staff.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

/** Whether the page can still load an image from a blob URL (the CSP allows blob: for images only). */
const readable = (page: Page, url: string) =>
  page.evaluate(
    (u) =>
      new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = u;
      }),
    url,
  );

/** The floor plans' URLs: the first floor's (where the help desk is), then the second's. */
async function planUrls(page: Page): Promise<[string, string]> {
  await page.getByRole('button', { name: '找工作人员帮忙' }).click();
  const plan = page.locator('.map-plan img');
  const first = (await plan.getAttribute('src'))!;
  await page.getByRole('tab', { name: /^二楼/ }).click();
  await expect(plan).not.toHaveAttribute('src', first);
  return [first, (await plan.getAttribute('src'))!];
}

test("after an update, the old version's changed images are let go and unchanged ones keep their URL", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const folder = copyOfSample();
  const kiosk = await kioskOnFeed(folder);
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByText(/内容版本 1/)).toBeVisible();
  const [oldFirst, oldSecond] = await planUrls(page);
  expect(await readable(page, oldFirst)).toBe(true);

  // Staff publish a new first-floor plan; the second floor's is unchanged.
  const svg = join(folder, 'media/floor-1.svg');
  writeFileSync(svg, readFileSync(svg, 'utf8').replace('</svg>', '<!-- redrawn --></svg>'));
  publish(folder, kiosk.feed);
  await openPanel(page);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('已更新：现在显示版本 2')).toBeVisible();
  await page.getByRole('button', { name: '关闭' }).click();
  await page.clock.runFor(5_000);

  await page.mouse.click(960, 700);
  const [newFirst, newSecond] = await planUrls(page);
  expect(newFirst).not.toBe(oldFirst);
  expect(await readable(page, newFirst)).toBe(true);
  expect(newSecond).toBe(oldSecond);
  expect(await readable(page, newSecond)).toBe(true);
  expect(await readable(page, oldFirst)).toBe(false);
  await kiosk.close();
});
