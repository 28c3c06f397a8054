/**
 * A bad server cannot wedge or flood a terminal. Between the real built kiosk and a real feed, a server
 * floods one new file of an update and trickles another: the terminal stops reading the flood just past
 * its declared size, aborts the trickle as stalled, says so on the staff panel, and takes the update at
 * the backoff's retry once the server behaves. `?feedStall=2` shortens the stall window so it runs in
 * seconds. Build first (`npx vite build`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badFeedServer } from './fixtures/bad-feed-server.ts';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

/**
 * What the server can push after the page hangs up: loopback socket buffers (autotuned to several MiB) and
 * Chromium's network service take bytes the page never reads (2–8 MiB measured on an idle machine). An endless
 * flood that the page kept reading would pass this within a second; the page's own copy stops at the size.
 */
const BUFFERED = 32 * 1024 * 1024;

test('a flooded file is cut off at its declared size, a trickled one is aborted as stalled, and the update comes once the server behaves', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const folder = copyOfSample();
  const { feed, ...kiosk } = await kioskOnFeed(folder);
  const bad = await badFeedServer(kiosk.url, feed);
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${bad.url}/?feedStall=2`);
  await expect(page.getByText(/内容版本 1/)).toBeVisible();

  // Version 2 changes one service: its document and the search index are new files.
  const before = new Set(readdirSync(join(feed, 'files')));
  const passport = join(folder, 'services/passport.yaml');
  writeFileSync(
    passport,
    readFileSync(passport, 'utf8').replace('zh-CN: 普通护照签发', 'zh-CN: 普通护照签发（新规）'),
  );
  publish(folder, feed);
  const envelope = JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8'));
  const manifest = `${JSON.parse(envelope.payload).manifest.hash}.json`;
  const added = readdirSync(join(feed, 'files')).filter((f) => !before.has(f) && f !== manifest);
  expect(added).toHaveLength(2);
  const [flooded, trickled] = added.map((f) => `files/${f}`) as [string, string];
  const declared = readFileSync(join(feed, flooded)).length;
  bad.misbehave(flooded, 'endless');
  bad.misbehave(trickled, 'trickle');

  await openPanel(page);
  await page.getByRole('button', { name: '立即同步' }).click();
  const failed = page.getByText(/^同步失败：/).first();
  await expect(failed).toContainText(
    `${flooded}): the feed sent more than the ${declared} bytes the manifest declares`,
    { timeout: 15_000 },
  );
  await expect(failed).toContainText(new RegExp(`${trickled}\\): stalled: \\d+ bytes in 2 s`));
  // Not "normal": the feed's status says the last failure until a check succeeds.
  await expect(fact(page, '内容源状态')).toContainText('最近一次检查失败：');
  await expect(fact(page, '正在显示')).toContainText('版本 1');

  // On the server: the terminal hung up on both, the flood just past the declared size.
  const flood = bad.answers.find((a) => a.path === flooded)!;
  const trickle = bad.answers.find((a) => a.path === trickled)!;
  expect(flood.closedByClient).toBe(true);
  expect(flood.bytesSent - declared).toBeLessThan(BUFFERED);
  expect(trickle.closedByClient).toBe(true);
  expect(trickle.bytesSent).toBeLessThan(10);

  // The server behaves again: the backoff's first retry (30 s ± 20 %) takes version 2.
  bad.behave();
  await page.clock.runFor(40_000);
  await expect(fact(page, '已下载，等待显示')).toContainText('版本 2', { timeout: 15_000 });
  await expect(fact(page, '内容源状态')).toContainText('正常');
  await bad.close();
  await kiosk.close();
});
