/**
 * A terminal reports to the real fleet service: its identity on the staff panel matches what the
 * service stored, its reports wait while the key is pending and while the service is down, and then
 * arrive once each, in order; commands staff give are carried out (a reload only when idle); a
 * terminal without fleet= sends nothing at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { type FleetService, startFleetService } from './fixtures/fleet.ts';
import { outbox, passMinutes, passUntil } from './fixtures/fleet-time.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { expect, test } from './fixtures/test.ts';

/** The clock jumps a minute at a time: long feed timeouts, so a jump mid-download is no stall. */
const startUrl = (kiosk: string, fleet: FleetService, extra = '') =>
  `${kiosk}/?fleet=${encodeURIComponent(fleet.url)}&device=lobby-1&feedTimeout=3600&feedStall=3600${extra}`;

const messages = (events: { message: string }[]) => events.map((e) => e.message).join('\n');

const dd = (page: Page, label: string) => fact(page, label).locator('dd');

async function closePanel(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('reports reach the fleet service: pending, approved, every one after an outage once and in order, commands carried out', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const fleet = await startFleetService();
  const folder = copyOfSample();
  const kiosk = await kioskOnFeed(folder);
  try {
    await page.goto(startUrl(kiosk.url, fleet));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');

    // The panel shows who this terminal is, as the service knows it: kept apart until approved.
    await openPanel(page);
    await expect(dd(page, '密钥指纹')).toHaveText(/^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/);
    const fingerprint = (await dd(page, '密钥指纹').textContent()) ?? '';
    await expect(dd(page, '报告用终端编号')).toHaveText('lobby-1');
    await expect(dd(page, '管理中心地址')).toHaveText(fleet.url);
    await expect(page.getByRole('img', { name: /终端编号和密钥指纹的二维码/ })).toBeVisible();
    await expect(dd(page, '管理中心最近确认')).toContainText('尚未获管理中心批准');
    await page.getByRole('region', { name: '向管理中心报告' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/.artifacts/screens/staff-panel-fleet-pending-landscape-zh.png' });
    expect(await fleet.terminals()).toEqual([
      expect.objectContaining({ fingerprint, deviceId: 'lobby-1', status: 'pending' }),
    ]);
    expect(await fleet.reports(fingerprint)).toEqual([]);
    await closePanel(page);

    // Staff approve it: the pending report is stored, and so is the next heartbeat.
    await fleet.approve(fingerprint, { hall: 'sample-hall', place: 'lobby' });
    const before = await passUntil(
      { pages: [page] },
      () => fleet.reports(fingerprint),
      (r) => r.length >= 2,
    );
    expect(before[0]!.payload.status.content.showing?.version).toBe(1);
    expect(before[0]!.payload.deviceId).toBe('lobby-1');

    // The service goes away for half an hour; meanwhile a new version is published and shown.
    await fleet.stop();
    const path = join(folder, 'services/passport.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('zh-CN: 普通护照签发', 'zh-CN: 普通护照签发（新规）'),
    );
    publish(folder, kiosk.feed);
    await passMinutes({ pages: [page] }, 30);
    await openPanel(page);
    await expect(dd(page, '正在显示')).toContainText('版本 2');
    await expect(dd(page, '待发送')).not.toContainText(/^0 份/);
    await closePanel(page);

    // Back: within the backoff's cap every waiting report arrives.
    await fleet.start();
    const after = await passUntil(
      { pages: [page] },
      () => fleet.reports(fingerprint),
      (r) => r.at(-1)?.payload.status.content.showing?.version === 2,
    );
    const seqs = after.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const events = await fleet.events(fingerprint);
    expect(
      events.filter((e) => e.kind === 'version-shown' && /^version 2 shown/.test(e.message)),
    ).toHaveLength(1);
    expect(
      events.filter((e) => e.kind === 'version-shown' && /^version 1 shown/.test(e.message)),
    ).toHaveLength(1);
    // The terminal's outbox empties (the last of a backlog may wait for one more retry), and what it made last is what the service has.
    const empty = await passUntil(
      { pages: [page] },
      async () => {
        const { waiting } = await outbox(page);
        return { waiting, stored: await fleet.reports(fingerprint) };
      },
      ({ waiting }) => waiting === 0,
    );
    await openPanel(page);
    await expect(dd(page, '待发送')).toContainText(/^0 份报告/);
    const lastMade = Number(/第 (\d+) 份/.exec((await dd(page, '最近一份报告').textContent()) ?? '')![1]);
    expect(empty.stored.at(-1)!.seq).toBe(lastMade);
    const allSeqs = empty.stored.map((r) => r.seq);
    expect(allSeqs).toEqual([...new Set(allSeqs)].sort((a, b) => a - b));
    await closePanel(page);

    // Staff ask for a sync now and attract-only: both carried out, once, and reported.
    const sync = await fleet.give(fingerprint, 'sync-now');
    const mode = await fleet.give(fingerprint, 'set-mode', 'attract');
    await passMinutes({ pages: [page] }, 6);
    await openPanel(page);
    await expect(fact(page, '模式')).toContainText('仅轮播');
    await expect(fact(page, '模式')).toContainText('工作人员');
    await closePanel(page);
    const carriedOut = new RegExp(`sync now.*${sync.id}[\\s\\S]*mode set by staff.*${mode.id}`);
    await passUntil(
      { pages: [page] },
      () => fleet.events(fingerprint),
      (e) => carriedOut.test(messages(e)),
    );
    const done = (await fleet.events(fingerprint)).filter((e) => e.message.includes(mode.id));
    expect(done).toHaveLength(1);
    const latest = (await fleet.reports(fingerprint)).at(-1)!.payload.status;
    expect(latest).toMatchObject({ mode: 'attract', modeSource: 'staff' });
  } finally {
    await kiosk.close();
    await fleet.close();
  }
});

test('a reload command waits until nobody uses the screen', async ({ page }) => {
  test.setTimeout(180_000);
  const fleet = await startFleetService();
  const kiosk = await kioskOnFeed();
  try {
    await page.goto(startUrl(kiosk.url, fleet, '&idle=900'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await openPanel(page);
    await expect(dd(page, '密钥指纹')).toHaveText(/^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/);
    const fingerprint = (await dd(page, '密钥指纹').textContent()) ?? '';
    await closePanel(page);
    await fleet.approve(fingerprint);

    // A visitor is reading a service guide when staff ask for a reload (a touch ends the playlist first).
    await page.mouse.click(960, 540);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await page.getByRole('button', { name: /办事指南/ }).click();
    await page.getByRole('button', { name: '普通护照签发' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('普通护照签发');
    await page.evaluate(() => Object.assign(window, { beforeReload: true }));
    await fleet.give(fingerprint, 'reload');
    // The command arrived (its waiting is reported), but the visit goes on undisturbed.
    await passUntil(
      { pages: [page] },
      () => fleet.events(fingerprint),
      (e) => /staff asked for a reload: waiting until nobody uses the screen/.test(messages(e)),
      8,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('普通护照签发');
    expect(await page.evaluate(() => 'beforeReload' in window)).toBe(true);

    // The visit ends; the reload comes then, and the next report says why.
    await passMinutes({ pages: [page] }, 12);
    await expect.poll(() => page.evaluate(() => 'beforeReload' in window)).toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    const reloads = await passUntil(
      { pages: [page] },
      async () => (await fleet.events(fingerprint)).filter((e) => e.kind === 'reload'),
      (e) => e.length > 0,
    );
    expect(reloads.map((e) => e.message)).toEqual([
      expect.stringMatching(/fleet: staff asked for a reload from the console/),
    ]);
  } finally {
    await kiosk.close();
    await fleet.close();
  }
});

test('a terminal without fleet= sends nothing, and its panel says reporting is off', async ({ page }) => {
  test.setTimeout(120_000);
  const kiosk = await kioskOnFeed();
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  try {
    await page.goto(`${kiosk.url}/?device=lobby-1&feedTimeout=3600&feedStall=3600`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await passMinutes({ pages: [page] }, 12);
    await openPanel(page);
    const section = page.getByRole('region', { name: '向管理中心报告' });
    await expect(section).toContainText('关闭（启动网址没有 fleet，本机不发送任何数据）');
    await expect(section.getByRole('img')).toHaveCount(0);
    expect([...origins]).toEqual([new URL(kiosk.url).origin]);
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain('sunlight-fleet');
  } finally {
    await kiosk.close();
  }
});

test.describe('without the service worker', () => {
  // The worker would answer from its precache, out of the route's reach: the chunk must really be lost.
  test.use({ serviceWorkers: 'block' });
  test('a terminal whose reporting code cannot load says so on its panel, and runs on', async ({ page }) => {
    test.setTimeout(120_000);
    const kiosk = await kioskOnFeed();
    // The reporting chunk is lost (a half-copied install, a proxy that drops it): its import fails.
    await page.route(/\/assets\/start-[^/]+\.js$/, (route) => route.abort('failed'));
    try {
      await page.goto(
        `${kiosk.url}/?device=lobby-1&fleet=http://127.0.0.1:9/&feedTimeout=3600&feedStall=3600`,
      );
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
      await passMinutes({ pages: [page] }, 1);
      await openPanel(page);
      const section = page.getByRole('region', { name: '向管理中心报告' });
      await expect(section.getByRole('alert')).toContainText('本机无法报告：报告程序没有载入');
      await expect(section).toContainText('http://127.0.0.1:9/');
    } finally {
      await kiosk.close();
    }
  });
});
