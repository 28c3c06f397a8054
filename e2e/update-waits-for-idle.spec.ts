/** A visitor reads a service guide while a new version is published: nothing changes under their finger. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { storedPointers } from './fixtures/terminal-store.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

test('shows a new version only after the idle time has passed', async ({ page, context }) => {
  const folder = copyOfSample();
  const kiosk = await kioskOnFeed(folder);
  const now = TEST_DAY.getTime();
  await page.clock.install({ time: now });
  await page.clock.pauseAt(now + 1000);
  // The clock jumps a minute at a time below: long feed timeouts, so a jump mid-download is no stall.
  await page.goto(`${kiosk.url}/?idle=60&feedTimeout=3600&feedStall=3600`);
  await page.getByRole('button', { name: /办事指南/ }).click();
  await page.getByRole('button', { name: '普通护照签发' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('普通护照签发');

  const path = join(folder, 'services/passport.yaml');
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('zh-CN: 普通护照签发', 'zh-CN: 普通护照签发（新规）'),
  );
  const { manifest } = publish(folder, kiosk.feed);
  // The network drops and returns: the kiosk checks the feed at once and downloads the new version.
  const downloaded = page.waitForResponse((r) => r.url().endsWith(manifest));
  await context.setOffline(true);
  await context.setOffline(false);
  await downloaded;
  await expect.poll(async () => (await storedPointers(page)).staged).toBe(2);

  await page.clock.runFor(50_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('普通护照签发');
  await expect(page.getByText(/内容版本 1/)).toBeVisible();

  // Idle: "still there?" counts down, the visit is wiped, and only then the new version is shown.
  await page.clock.runFor(15_000 + 16_000);
  await page.mouse.click(960, 540);
  await expect(page.getByText(/内容版本 2/)).toBeVisible();
  await page.getByRole('button', { name: /办事指南/ }).click();
  await expect(page.getByRole('button', { name: '普通护照签发（新规）' })).toBeVisible();
  await kiosk.close();
});
