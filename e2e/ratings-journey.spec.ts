/**
 * Issue 13's journey, as people live it: two visitors rate the passport guide while the terminal is
 * offline (one 不满意 with two reasons, one 非常满意), the browser is killed once, a third visitor walks
 * away mid-rating; back online, the fleet service holds both ratings once, the console shows them with
 * the 差评 case and its reasons, and the provincial export carries both with the service's 事项编码.
 * The terminal is a real Chromium process on a profile (killed with SIGKILL), the network really cut,
 * the service real (PostgreSQL in CI), its clock on the test day.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchChromium, type RunningChromium } from './fixtures/chromium-process.ts';
import { consoleScreenshot } from './fixtures/console-screenshot.ts';
import { kioskOnFeed } from './fixtures/feed.ts';
import { type FleetService, startFleetService } from './fixtures/fleet.ts';
import { passMinutes, passUntil } from './fixtures/fleet-time.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { atTestDay, expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const STAFF = { name: 'zhao.min', password: 'a long enough password' };
const PASSPORT = '普通护照签发';
const PASSPORT_CODE = '11000000MB0141205X0100021001';

const startUrl = (kiosk: string, fleet: FleetService) =>
  `${kiosk}/?fleet=${encodeURIComponent(fleet.url)}&device=lobby-7&idle=30&feedTimeout=3600&feedStall=3600`;

/** What the terminal still holds for the service: ratings queued, and ratings inside signed reports waiting. */
async function waitingRatings(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('sunlight-fleet');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve) => {
        request.onsuccess = () => resolve(request.result);
      });
    const stores = [...db.objectStoreNames];
    if (!stores.includes('ratings')) return -1;
    const tx = db.transaction(['ratings', 'outbox']);
    const queued = (await read(tx.objectStore('ratings').getAllKeys())).length;
    const records = (await read(tx.objectStore('outbox').getAll())) as { ratings?: number }[];
    db.close();
    return queued + records.reduce((n, r) => n + (r.ratings ?? 0), 0);
  });
}

async function openPassportGuide(page: Page) {
  const home = page.getByRole('heading', { level: 1, name: '示例市政务服务中心' });
  // A touch ends the playlist; on home itself it would open a tile.
  if (!(await home.isVisible())) await page.mouse.click(960, 540);
  await expect(home).toBeVisible();
  await page.getByRole('button', { name: /办事指南/ }).click();
  await page.getByRole('button', { name: PASSPORT }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PASSPORT);
}

/** The guide's own question, at its end. */
const guideQuestion = (page: Page) => page.getByRole('region', { name: /这份办事指南对您有帮助吗/ });

async function rate(page: Page, level: string) {
  const question = guideQuestion(page);
  await question.scrollIntoViewIfNeeded();
  await question.getByRole('button', { name: level, exact: true }).click();
}

async function terminalOn(profile: string, url: string, offline: boolean) {
  const chromium = await launchChromium(profile);
  const context = await atTestDay(chromium.browser.contexts()[0]!);
  await context.setOffline(offline);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(url).catch(() => {});
  return { chromium, context, page };
}

test('two ratings given offline and through a crash reach the console once, with the 差评 case and the export', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const fleet = await startFleetService({ clockAt: new Date(TEST_DAY) });
  const kiosk = await kioskOnFeed();
  const profile = mkdtempSync(join(tmpdir(), 'sunlight-profile-'));
  let terminal: { chromium: RunningChromium; context: BrowserContext; page: Page } | undefined;
  try {
    // The terminal starts online (the service worker caches the app), is approved, then loses the network.
    terminal = await terminalOn(profile, startUrl(kiosk.url, fleet), false);
    let { page } = terminal;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await openPanel(page);
    const printCell = fact(page, '密钥指纹').locator('dd');
    await expect(printCell).toHaveText(/^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/);
    const fingerprint = (await printCell.textContent()) ?? '';
    await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
    await passUntil(
      { pages: [page], fleet },
      () => fleet.terminals(),
      (t) => t.some((x) => x.fingerprint === fingerprint),
    );
    await fleet.approve(fingerprint, { hall: 'shili-center', place: '一楼大厅' });
    await terminal.context.setOffline(true);

    // The first visitor: the guide did not help, for two reasons, one of them a wrong materials list.
    await openPassportGuide(page);
    await rate(page, '不满意');
    const question = guideQuestion(page);
    await question.getByRole('button', { name: /指南有误或看不懂/ }).click();
    await question.getByRole('button', { name: /等候时间太长/ }).click();
    await question.getByRole('button', { name: /要带的材料/ }).click();
    await question.getByRole('button', { name: '提交', exact: true }).click();
    await expect(question.getByRole('heading', { name: '感谢您的评价' })).toBeVisible();
    // The visit ends (idle): the next visitor is someone else.
    await passMinutes({ pages: [page] }, 1);
    await expect(page.getByRole('heading', { name: PASSPORT })).toHaveCount(0);

    // The second visitor: very satisfied, in one tap.
    await openPassportGuide(page);
    await rate(page, '非常满意');
    await expect(guideQuestion(page).getByRole('heading', { name: '感谢您的评价' })).toBeVisible();
    await expect.poll(() => waitingRatings(page)).toBe(2);

    // Power cut: the browser dies outright, and comes back still offline.
    await terminal.chromium.kill();
    terminal = await terminalOn(profile, startUrl(kiosk.url, fleet), true);
    page = terminal.page;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    expect(await waitingRatings(page)).toBe(2);

    // A third visitor starts a 非常不满意, picks a reason, and walks away: nothing of it stays.
    await openPassportGuide(page);
    await rate(page, '非常不满意');
    await guideQuestion(page)
      .getByRole('button', { name: /工作人员态度不好/ })
      .click();
    await passMinutes({ pages: [page] }, 1);
    await expect(page.getByRole('heading', { name: PASSPORT })).toHaveCount(0);
    expect(await waitingRatings(page)).toBe(2);

    // The network comes back: both ratings arrive, once each.
    await terminal.context.setOffline(false);
    const stored = await passUntil(
      { pages: [page], fleet },
      () => fleet.ratings(),
      (r) => r.length >= 2,
    );
    await passMinutes({ pages: [page], fleet }, 3);
    expect(await fleet.ratings()).toHaveLength(2);
    expect(await waitingRatings(page)).toBe(0);
    const byLevel = Object.fromEntries(stored.map((r) => [r.level, r]));
    expect(byLevel[2]).toMatchObject({
      subject: 'guide',
      serviceName: PASSPORT,
      reasons: ['guide-wrong', 'waiting'],
      wrong: ['materials'],
    });
    expect(byLevel[5]).toMatchObject({ subject: 'guide', serviceName: PASSPORT, reasons: [] });
    const cases = await fleet.cases();
    expect(cases).toEqual([expect.objectContaining({ ratingId: byLevel[2]!.ratingId, status: 'new' })]);

    // Staff at the centre: the ratings page, the case with its reasons, the export.
    await fleet.addStaff(STAFF.name, STAFF.password);
    // bypassCSP: only for the screenshots' lent font (the console's CSP allows no inline style).
    const staff = await (
      await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true })
    ).newPage();
    await staff.goto(`${fleet.origin}/console/`);
    await staff.getByLabel('用户名').fill(STAFF.name);
    await staff.getByLabel('密码').fill(STAFF.password);
    await staff.getByRole('button', { name: '登录' }).click();
    await staff.goto(`${fleet.origin}/console/ratings?period=30d`);
    const passportRow = staff.getByRole('row', { name: new RegExp(PASSPORT) }).first();
    await expect(passportRow).toContainText('非常满意 1（50%）');
    await expect(passportRow).toContainText('不满意 1（50%）');
    await expect(passportRow).toContainText('50.0%');
    await consoleScreenshot(staff, 'fleet-console-ratings-zh');
    await staff.goto(`${fleet.origin}/console/cases`);
    const row = staff.getByRole('row', { name: new RegExp(PASSPORT) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('指南有误或看不懂');
    await expect(row).toContainText('等候时间太长');
    await expect(row).toContainText('lobby-7');
    await consoleScreenshot(staff, 'fleet-console-cases-zh');
    const csv = await staff.evaluate(
      async (url) => (await fetch(url)).text(),
      `${fleet.origin}/console/ratings/export.csv?period=30d`,
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(3);
    // Both rows name the guide and its 事项编码 (content/sample/services/passport.yaml).
    for (const line of lines.slice(1)) expect(line).toContain(`${PASSPORT_CODE}`);
    expect(lines.filter((line) => line.includes('不满意'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('非常满意'))).toHaveLength(1);
  } finally {
    await terminal?.chromium.kill();
    await kiosk.close();
    await fleet.close();
  }
});
