/**
 * Timings taken in Chromium with the CPU throttled through CDP: cold boots from the service worker's
 * cache with the network off, and taps from one screen to the next. Marks are taken in the page
 * (performance.now), so Playwright's own round trips are not counted.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export const CPU_SLOWDOWN = 4;
/** The home tiles, by the start of their accessible name (title, then hint). */
const TILES = [/^办事指南/, /^部门导航/, /^收费标准/, /^投诉监督/, /^公告/, /^楼层导览/];
const HOME_BUTTON = '首页';
const HOME_TILE_TEXT = '办事指南';

/** What the bench's page scripts leave on the window. */
type BenchWindow = Window & { benchHomePainted?: number; benchNextScreen?: Promise<number> };

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // No HTTP or memory cache: each boot reads the app shell from the service worker's Cache Storage.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return cdp;
}

/**
 * In the page, from its first script: the time the home tiles are first painted (a frame after they
 * render: the task after the next animation frame). Functions run in the page hold no named inner
 * functions: tsx would wrap them in a `__name` helper the page does not have.
 */
function markHomePainted(tileText: string): void {
  new MutationObserver((_, observer) => {
    const tile = [...document.querySelectorAll('button')].some((b) => b.textContent?.includes(tileText));
    if (!tile) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        (window as BenchWindow).benchHomePainted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Boots the kiosk `runs` times in a fresh tab, offline, with its service worker stopped before each
 * boot (as after a terminal restart): navigation start → home tiles painted, in ms.
 */
export async function coldBoots(context: BrowserContext, url: string, runs: number): Promise<number[]> {
  await context.addInitScript(markHomePainted, HOME_TILE_TEXT);
  await context.setOffline(true);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await throttle(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto(url);
    await page.waitForFunction(() => (window as BenchWindow).benchHomePainted !== undefined, null, {
      timeout: 60_000,
    });
    const fromCache = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!fromCache) throw new Error('cold boot: the page was not served by the service worker');
    samples.push(await page.evaluate(() => (window as BenchWindow).benchHomePainted!));
    await page.close();
  }
  return samples;
}

/**
 * In the page: from the next pointerdown to a frame after a new h1 (another element or other text)
 * is in the document. Resolves `window.benchNextScreen` with the ms.
 */
function armNextScreen(): void {
  const before = document.querySelector('h1');
  const beforeText = before?.textContent;
  let start: number | undefined;
  window.addEventListener(
    'pointerdown',
    (e) => {
      start = e.timeStamp;
    },
    { capture: true, once: true },
  );
  (window as BenchWindow).benchNextScreen = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const h1 = document.querySelector('h1');
      if (start === undefined || !h1 || (h1 === before && h1.textContent === beforeText)) return;
      observer.disconnect();
      const tapped = start;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - tapped);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function tapAndTime(page: Page, tap: () => Promise<void>): Promise<number> {
  await page.evaluate(armNextScreen);
  await tap();
  return page.evaluate(() => (window as BenchWindow).benchNextScreen!);
}

/** `navigations` taps on home tiles (each tile in turn), each followed by a tap on Home: ms per tap. */
export async function tapToNextScreen(
  context: BrowserContext,
  url: string,
  navigations: number,
): Promise<{ toScreen: number[]; toHome: number[] }> {
  const page = await context.newPage();
  await throttle(page);
  await page.goto(url);
  await page.waitForFunction(() => (window as BenchWindow).benchHomePainted !== undefined, null, {
    timeout: 60_000,
  });
  const toScreen: number[] = [];
  const toHome: number[] = [];
  for (let i = 0; i < navigations; i++) {
    const tile = page.getByRole('button', { name: TILES[i % TILES.length]! });
    toScreen.push(await tapAndTime(page, () => tile.click()));
    const home = page.getByRole('button', { name: HOME_BUTTON, exact: true });
    toHome.push(await tapAndTime(page, () => home.click()));
  }
  await page.close();
  return { toScreen, toHome };
}
