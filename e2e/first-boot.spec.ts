/** A visitor opens the kiosk: it shows the hall's departments and services, loaded and verified from the feed. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';

test('shows the published sample hall and its services', async ({ page }) => {
  const kiosk = await kioskOnFeed();
  const scriptErrors: string[] = [];
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && scriptErrors.push(m.text()));
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await expect(page.getByText(/内容版本 1/)).toBeVisible();
  await page.getByRole('button', { name: /办事指南/ }).click();
  await expect(page.getByRole('list', { name: 'services' }).getByText('住房抵押权首次登记')).toBeVisible();
  expect(
    await page.getByRole('list', { name: 'services' }).getByRole('listitem').count(),
  ).toBeGreaterThanOrEqual(30);
  // The page runs under a strict CSP: a schema library needing eval would have failed here.
  expect(scriptErrors).toEqual([]);
  await kiosk.close();
});

test('refuses a feed whose channel file was altered on first boot, and says why', async ({ page }) => {
  const kiosk = await kioskOnFeed();
  const channelFile = join(kiosk.feed, 'channels/stable.json');
  const signed = JSON.parse((await import('node:fs')).readFileSync(channelFile, 'utf8'));
  signed.payload = signed.payload.replace('"version":1', '"version":9');
  writeFileSync(channelFile, JSON.stringify(signed));
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { name: '暂时无法显示内容' })).toBeVisible();
  await expect(page.getByText(/signature is not valid/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'services' })).toHaveCount(0);
  await kiosk.close();
});

test('says plainly that there is no content and no network, never a blank page', async ({
  page,
  context,
}) => {
  const kiosk = await kioskOnFeed();
  await context.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { name: '暂时无法显示内容' })).toBeVisible();
  await expect(page.getByText('Please ask at the help desk')).toBeVisible();
  await expect(page.getByText(/the feed cannot be reached/)).toBeVisible();
  await kiosk.close();
});

test('shows a preparing screen with progress while the first download runs', async ({ page }) => {
  const slow = (path: string) => new Promise<void>((r) => setTimeout(r, path.startsWith('files/') ? 120 : 0));
  const kiosk = await kioskOnFeed('content/sample', slow);
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { name: '正在准备内容…' })).toBeVisible();
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(page.getByText(/^\d+ \/ \d+$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心', { timeout: 20_000 });
  await kiosk.close();
});
