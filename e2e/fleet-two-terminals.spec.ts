/**
 * Issue 11's journey, all real: two terminals (two browser profiles, two device ids) on real feeds, the
 * fleet service on PostgreSQL (CI: FLEET_TEST_DATABASE_URL; PGlite elsewhere), and staff in the console.
 * Staff sign in and approve both; a new version is published and one terminal receives it with a
 * corrupted file; the console shows one terminal updated and one refusing, with the reason. The service
 * is then stopped for a while and started again: every report arrives, none twice.
 *
 * Terminal B's feed is a copy of A's with one of version 2's files damaged, as a broken mirror or proxy
 * would serve it. The service's clock follows the terminals' (the test day, moved as theirs move), so
 * the console judges "last seen" and "clock wrong" as it would in a hall.
 */

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveKiosk } from '../scripts/kiosk-server.ts';
import { consoleScreenshot } from './fixtures/console-screenshot.ts';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { type FleetService, type StoredReport, startFleetService } from './fixtures/fleet.ts';
import { outbox, passMinutes, passUntil, type Terminals } from './fixtures/fleet-time.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { atTestDay, expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const STAFF = { name: 'wang.li', password: 'a long enough password' };

if (process.env.CI && !process.env.FLEET_TEST_DATABASE_URL) {
  throw new Error('CI runs this journey on PostgreSQL: FLEET_TEST_DATABASE_URL is not set (.ci/run sets it)');
}

const startUrl = (kiosk: string, fleet: FleetService, device: string) =>
  `${kiosk}/?fleet=${encodeURIComponent(fleet.url)}&device=${device}&feedTimeout=3600&feedStall=3600`;

async function signIn(staff: Page, name: string, password: string, button: string) {
  await staff.getByLabel(name).fill(STAFF.name);
  await staff.getByLabel(password).fill(STAFF.password);
  await staff.getByRole('button', { name: button }).click();
}

async function fingerprintOf(page: Page): Promise<string> {
  await openPanel(page);
  const value = fact(page, '密钥指纹').locator('dd');
  await expect(value).toHaveText(/^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/);
  const fingerprint = (await value.textContent()) ?? '';
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
  return fingerprint;
}

/** Each report made was stored once, or was a heartbeat the outbox replaced and counted as dropped. */
function accountFor(reports: StoredReport[]) {
  const seqs = reports.map((r) => r.seq);
  const dropped = reports.reduce((n, r) => n + r.payload.dropped.heartbeats + r.payload.dropped.events, 0);
  return { seqs, dropped };
}

test('the console shows one terminal updated and one refusing a corrupted update, and every report arrives once after an outage', async ({
  browser,
  context,
  page,
}) => {
  test.setTimeout(420_000);
  const fleet = await startFleetService({ clockAt: TEST_DAY });
  const folder = copyOfSample();
  const kioskA = await kioskOnFeed(folder);
  const feedB = mkdtempSync(join(tmpdir(), 'sunlight-feed-b-'));
  cpSync(kioskA.feed, feedB, { recursive: true });
  const kioskB = await serveKiosk('dist', feedB, 0);
  const contextB = await atTestDay(await browser.newContext({ viewport: { width: 1920, height: 1080 } }));
  const pageB = await contextB.newPage();
  // bypassCSP only so the screenshots can lend the page a CJK font (e2e/fixtures/console-screenshot.ts).
  const staffContext = await atTestDay(
    await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true }),
  );
  const staff = await staffContext.newPage();
  const terminals: Terminals = { pages: [page, pageB], fleet, settleMs: 200 };
  try {
    expect(context).not.toBe(contextB);
    await page.goto(startUrl(kioskA.url, fleet, 'lobby-a'));
    await pageB.goto(startUrl(kioskB.url, fleet, 'lobby-b'));
    for (const terminal of terminals.pages) {
      await expect(terminal.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    }
    const [fingerprintA, fingerprintB] = [await fingerprintOf(page), await fingerprintOf(pageB)];
    expect(fingerprintA).not.toBe(fingerprintB);
    await passUntil(
      terminals,
      () => fleet.terminals(),
      (list) => list.length === 2,
      15,
    );

    // Staff sign in and approve both terminals, comparing fingerprints with the terminals' panels.
    await fleet.addStaff(STAFF.name, STAFF.password);
    await staff.goto(`${fleet.origin}/console/`);
    await signIn(staff, '用户名', '密码', '登录');
    await expect(staff.getByRole('heading', { level: 2, name: '等待批准的终端' })).toBeVisible();
    for (const [device, fingerprint, place] of [
      ['lobby-a', fingerprintA, '一楼大厅东'],
      ['lobby-b', fingerprintB, '一楼大厅西'],
    ] as const) {
      const form = staff.getByRole('form', { name: `批准 ${device}` });
      await expect(staff.locator('.card').filter({ has: form })).toContainText(fingerprint);
      await form.getByLabel('大厅').fill('shili-center');
      await form.getByLabel('位置').fill(place);
      await form.getByRole('button', { name: `批准 ${device}` }).click();
      await expect(staff.getByRole('status').filter({ hasText: '已批准' })).toBeVisible();
    }
    await passUntil(
      terminals,
      async () => (await fleet.terminals()).map((t) => t.status),
      (statuses) => statuses.every((s) => s === 'approved'),
      15,
    );

    // A new version; terminal B's copy of the feed has one of its new files damaged.
    const before = new Set(readdirSync(join(kioskA.feed, 'files')));
    const path = join(folder, 'services/passport.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('zh-CN: 普通护照签发', 'zh-CN: 普通护照签发（新规）'),
    );
    const published = publish(folder, kioskA.feed);
    cpSync(kioskA.feed, feedB, { recursive: true });
    const added = readdirSync(join(feedB, 'files')).filter((f) => !before.has(f) && f.endsWith('.json'));
    const damaged = added.find((f) =>
      readFileSync(join(feedB, 'files', f), 'utf8').includes('普通护照签发（新规）'),
    );
    expect(damaged, `a new file of version 2 among ${added.join(', ')}`).toBeDefined();
    const bytes = readFileSync(join(feedB, 'files', damaged!));
    bytes[20] = bytes[20]! ^ 0x20;
    writeFileSync(join(feedB, 'files', damaged!), bytes);

    await passUntil(
      terminals,
      async () => (await fleet.reports(fingerprintA)).at(-1)?.payload.status.content.showing?.version,
      (shown) => shown === published.version,
      15,
    );
    await passUntil(
      terminals,
      async () => (await fleet.reports(fingerprintB)).at(-1)?.payload.status.lastRefusal?.message,
      (refusal) => refusal?.includes('hash check failed') ?? false,
      15,
    );

    // The console: A updated and healthy, B refusing with the reason in words; progress 1 of 2.
    await staff.goto(`${fleet.origin}/console/`);
    const rowA = staff
      .getByRole('row')
      .filter({ has: staff.getByRole('link', { name: 'lobby-a', exact: true }) });
    const rowB = staff
      .getByRole('row')
      .filter({ has: staff.getByRole('link', { name: 'lobby-b', exact: true }) });
    await expect(rowA).toContainText('正常');
    await expect(rowA).toContainText(String(published.version));
    await expect(rowB).toContainText('拒绝更新');
    await expect(rowB).toContainText('hash check failed');
    await consoleScreenshot(staff, 'fleet-console-terminals-zh');
    await staff.getByRole('link', { name: '更新进度' }).click();
    await expect(staff.getByRole('heading', { level: 1, name: '更新进度' })).toBeVisible();
    await expect(staff.getByText('2 台中有 1 台显示最新版本')).toBeVisible();
    await expect(staff.getByRole('listitem').filter({ hasText: 'lobby-b' })).toContainText('拒绝更新');
    await consoleScreenshot(staff, 'fleet-console-progress-zh');
    await staff.goto(`${fleet.origin}/console/?state=refusing`);
    await expect(rowB).toBeVisible();
    await expect(rowA).toHaveCount(0);

    // One terminal's page: its identity in full, and the commands above.
    await staff.goto(`${fleet.origin}/console/terminals/${fingerprintB}`);
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('终端 lobby-b');
    await expect(staff.getByText(fingerprintB)).toBeVisible();
    await expect(staff.getByRole('button', { name: '立即同步' })).toBeVisible();
    await consoleScreenshot(staff, 'fleet-console-terminal-zh');
    await staff.getByRole('link', { name: 'English' }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Terminal lobby-b');
    await consoleScreenshot(staff, 'fleet-console-terminal-en');

    // The service is stopped for half an hour and started again: every report arrives, none twice.
    const reportsBefore = {
      a: (await fleet.reports(fingerprintA)).length,
      b: (await fleet.reports(fingerprintB)).length,
    };
    await fleet.stop();
    await passMinutes(terminals, 31);
    expect((await outbox(page)).waiting).toBeGreaterThan(0);
    expect((await outbox(pageB)).waiting).toBeGreaterThan(0);
    await fleet.start();
    await passUntil(
      terminals,
      async () => [(await outbox(page)).waiting, (await outbox(pageB)).waiting],
      (sizes) => sizes.every((n) => n === 0),
      15,
    );
    for (const [terminal, fingerprint, count] of [
      [page, fingerprintA, reportsBefore.a],
      [pageB, fingerprintB, reportsBefore.b],
    ] as const) {
      const stored = await fleet.reports(fingerprint);
      const { seqs, dropped } = accountFor(stored);
      const { lastSeq, unreported } = await outbox(terminal);
      expect(new Set(seqs).size, 'no report stored twice').toBe(seqs.length);
      expect(seqs, 'stored in the order made').toEqual([...seqs].sort((x, y) => x - y));
      expect(stored.length, 'reports from the outage arrived').toBeGreaterThan(count);
      // Every number made is a stored report or one the outbox replaced and said it dropped.
      const trail = stored.map(
        (r) => `${r.seq}${r.payload.dropped.heartbeats ? `(-${r.payload.dropped.heartbeats})` : ''}`,
      );
      expect(seqs.length + dropped + unreported, `stored: ${trail.join(' ')}`).toBe(lastSeq);
    }
    // Staff idle for more than half an hour are signed out; the language they chose stays with them.
    await staff.goto(`${fleet.origin}/console/`);
    await expect(staff.getByRole('status')).toHaveText('Your sign-in has ended. Sign in again.');
    await signIn(staff, 'Name', 'Password', 'Sign in');
    await expect(rowA).toContainText('Healthy');
    await expect(rowB).toContainText('Refusing updates');
    await consoleScreenshot(staff, 'fleet-console-terminals-en');
  } finally {
    await contextB.close();
    await staffContext.close();
    await kioskA.close();
    await kioskB.close();
    await fleet.close();
  }
});
