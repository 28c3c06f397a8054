/**
 * The kiosk as an offline app: after its first sync it boots and guides a visitor with the network cut;
 * a new app build waits while a visitor is busy and takes over, with a full reload, once the screen is
 * idle; the kill switch removes the service worker. Build first (`npx vite build`): (a) serves dist/.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serveKiosk } from '../scripts/kiosk-server.ts';
import { kioskOnFeed, publish } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const LOCALES = [
  {
    code: 'zh',
    hall: '示例市政务服务中心',
    services: /^办事指南/,
    service: '普通护照签发',
    maps: /^楼层导览/,
    mapTitle: '楼层导览',
    home: '首页',
  },
  {
    code: 'en',
    hall: 'Shili City Government Service Center',
    services: /^Service guides/,
    service: 'Ordinary passport (first issue, renewal and replacement)',
    maps: /^Floor maps/,
    mapTitle: 'Floor maps',
    home: 'Home',
  },
] as const;
const VIEWPORTS = { landscape: { width: 1920, height: 1080 }, portrait: { width: 1080, height: 1920 } };
const MINUTE = 60_000;

/** Resolves once a service worker controls the page: its install, the whole precache, has finished. */
async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

const appVersion = (page: Page) => page.locator('meta[name="app-version"]');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** Set on a document; gone after a reload. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { sameDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => 'sameDocument' in window);
const registrations = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);

for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
  for (const locale of LOCALES) {
    test.describe(`${orientation}, ${locale.code}`, () => {
      test.use({ viewport });

      test('a visitor finds a service and the floor maps with the network cut after the first sync', async ({
        page,
        context,
      }) => {
        const kiosk = await kioskOnFeed();
        await page.goto(`${kiosk.url}/`);
        await expect(heading(page)).toHaveText('示例市政务服务中心');
        await offlineReady(page);

        await context.setOffline(true);
        await page.reload();
        // Really offline: the feed cannot be reached, and the page came from the service worker.
        expect(
          await page.evaluate(() =>
            fetch('./feed/channels/stable.json').then(
              () => 'online',
              () => 'offline',
            ),
          ),
        ).toBe('offline');
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

        await expect(heading(page)).toHaveText('示例市政务服务中心');
        if (locale.code === 'en') await page.getByRole('button', { name: 'English' }).click();
        await expect(heading(page)).toHaveText(locale.hall);
        await page.screenshot({
          path: `e2e/.artifacts/screens/offline-home-${orientation}-${locale.code}.png`,
        });

        await page.getByRole('button', { name: locale.services }).click();
        await page.getByRole('button', { name: locale.service }).click();
        await expect(heading(page)).toHaveText(locale.service);

        await page.getByRole('button', { name: locale.home, exact: true }).click();
        await expect(heading(page)).toHaveText(locale.hall);
        await page.getByRole('button', { name: locale.maps }).click();
        await expect(heading(page)).toHaveText(locale.mapTitle);
        await kiosk.close();
      });
    });
  }
}

test.describe('app updates', () => {
  // One pair of builds for the tests below, made once.
  test.describe.configure({ mode: 'serial' });
  const builds = { A: '', B: '', killSwitch: '' };

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    const root = mkdtempSync(join(tmpdir(), 'sunlight-app-'));
    builds.A = join(root, 'A');
    builds.B = join(root, 'B');
    await Promise.all([buildKiosk(builds.A, 'A'), buildKiosk(builds.B, 'B')]);
    // Build A as an operator would switch it off: the kill switch served in place of sw.js.
    builds.killSwitch = join(root, 'A-killed');
    cpSync(builds.A, builds.killSwitch, { recursive: true });
    copyFileSync(join(builds.A, 'sw-kill-switch.js'), join(builds.killSwitch, 'sw.js'));
  });

  test('a busy visitor keeps the running app; the new build takes over with a reload once the screen is idle', async ({
    page,
  }) => {
    const app = await serveSwappable(builds.A);
    await page.clock.install({ time: TEST_DAY });
    // Idle after 10 minutes without a touch: the visitor below touches every 8.
    await page.goto(`${app.url}/?idle=600`);
    await expect(heading(page)).toHaveText('示例市政务服务中心');
    await expect(appVersion(page)).toHaveAttribute('content', 'A');
    await offlineReady(page);

    await page.getByRole('button', { name: /^办事指南/ }).click();
    await page.getByRole('button', { name: '普通护照签发' }).click();
    await markDocument(page);
    app.publish(builds.B);
    // 32 minutes of a busy screen: the update check at 30 minutes finds build B.
    for (let i = 0; i < 4; i++) {
      await page.clock.runFor(8 * MINUTE);
      await heading(page).click();
    }
    await expect
      .poll(
        () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await page.clock.runFor(5 * MINUTE);
    await heading(page).click();
    await page.waitForTimeout(500);
    expect(await sameDocument(page)).toBe(true);
    await expect(heading(page)).toHaveText('普通护照签发');
    await expect(appVersion(page)).toHaveAttribute('content', 'A');

    // Nobody touches the screen for the idle time: build B takes over with a full reload.
    await page.clock.runFor(11 * MINUTE);
    await expect(appVersion(page)).toHaveAttribute('content', 'B', { timeout: 15_000 });
    expect(await sameDocument(page)).toBe(false);
    await expect(heading(page)).toHaveText('示例市政务服务中心');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    await app.close();
  });

  test('?sw=off on the start URL removes the service worker and its cache; the kiosk runs on', async ({
    page,
  }) => {
    const app = await serveSwappable(builds.A);
    await page.goto(`${app.url}/`);
    await offlineReady(page);
    expect(await registrations(page)).toBe(1);

    await page.goto(`${app.url}/?sw=off`);
    await expect(heading(page)).toHaveText('示例市政务服务中心');
    await expect.poll(() => registrations(page), { timeout: 15_000 }).toBe(0);
    expect(
      await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('workbox-'))),
    ).toEqual([]);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await expect(heading(page)).toHaveText('示例市政务服务中心');
    await app.close();
  });

  test('a kill-switch sw.js on the server removes the service worker at the next update check', async ({
    page,
  }) => {
    const app = await serveSwappable(builds.A);
    await page.goto(`${app.url}/`);
    await offlineReady(page);
    await markDocument(page);

    app.publish(builds.killSwitch);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => sameDocument(page).catch(() => true), { timeout: 15_000 }).toBe(false);
    await expect(heading(page)).toHaveText('示例市政务服务中心');
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    // The reloaded page registers sw.js again, gets the kill switch again, which leaves it alone: no loop.
    await markDocument(page);
    await expect.poll(() => registrations(page), { timeout: 15_000 }).toBe(0);
    await page.waitForTimeout(2000);
    expect(await sameDocument(page)).toBe(true);
    await app.close();
  });
});

/** `vite build` into `outDir`, with its app version marker. Both builds run at once: about 2 s. */
function buildKiosk(outDir: string, version: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'warn'],
      { env: { ...process.env, KIOSK_APP_VERSION: version }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr.on('data', (c: Buffer) => {
      log += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build ${version}:\n${log}`)),
    );
  });
}

/** Serves a build on the sample feed through a symlink, so a test can publish another build in its place. */
async function serveSwappable(build: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-served-'));
  const live = join(dir, 'live');
  symlinkSync(build, live);
  const feed = join(dir, 'feed');
  mkdirSync(feed);
  publish('content/sample', feed);
  const server = await serveKiosk(live, feed, 0);
  return {
    url: server.url,
    close: server.close,
    /** Swaps the served folder in one rename, as a deploy that switches a symlink does. */
    publish(next: string) {
      symlinkSync(next, `${live}.next`);
      renameSync(`${live}.next`, live);
    },
  };
}
