/** How the worker answers: each strategy a small named function over Workbox, in the order index.ts applies them. */

import type { RouteHandlerCallbackOptions, RouteMatchCallbackOptions } from 'workbox-core/types.js';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { deleteWorkboxCaches, type InstallEvent, type MessageFromPage, worker } from './scope.ts';

/** The query parameter that switches the worker off (docs/pwa.md, "Kill switch"); app-updates.ts reads it too. */
const KILL_SWITCH = { name: 'sw', value: 'off' };

/**
 * Install: download every app shell file (listed with its revision at build time) into the precache;
 * fetch: answer those URLs from it. Activate: drop the precaches of older Workbox releases. A new
 * worker's install never touches what the active one serves: Workbox keeps one cache and swaps
 * entries only when the new worker activates (after SKIP_WAITING, at idle).
 */
export function precacheAppShell(entries: readonly PrecacheEntry[]): void {
  precacheAndRoute([...entries]);
  cleanupOutdatedCaches();
}

/**
 * Sync's requests never reach the worker: the feed (`/feed/` here, or another origin) goes straight
 * to the network, declared at install (Static Routing API). Without it, each download wakes the
 * worker for nothing, and Chromium can leave a new worker waiting after SKIP_WAITING when such a
 * request wakes the old one mid-switch. Where the API is missing, the fetch handler passes them on.
 */
export function feedBypassesWorker(event: InstallEvent): void {
  if (typeof event.addRoutes !== 'function') return;
  const here = new URL(worker.registration.scope);
  const sameOrigin = { protocol: here.protocol.slice(0, -1), hostname: here.hostname, port: here.port };
  const routes = event
    .addRoutes([
      // A pathname pattern must start at the root: `*/feed/*` would not match `/feed/…`.
      { condition: { urlPattern: { pathname: `${here.pathname}feed/*` } }, source: 'network' },
      { condition: { not: { urlPattern: sameOrigin } }, source: 'network' },
    ])
    // Routes only spare work: a browser refusing them must not fail the install.
    .catch((e: unknown) => console.warn('static routes refused; the feed passes through the worker', e));
  event.waitUntil(routes);
}

/**
 * The kiosk is one page: any navigation in scope (`/`, `/?device=…&idle=…`, `/index.html`) gets the
 * precached index.html, so it boots with no network. Feed paths and files are left to the network.
 */
export function navigationsToAppShell(): void {
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('index.html'), {
      denylist: [/\/feed\//, /\.(?:json|js|css|map|txt|png|jpe?g|webp|svg|woff2?|webmanifest)(?:\?|$)/],
    }),
  );
}

/**
 * `?sw=off` on the start URL: unregister, delete the precache, and load the page from the network.
 * Works even when the cached app is too broken to run its own kill switch. Offline, the switch waits:
 * the cached shell answers (and the page itself then unregisters, app-updates.ts).
 */
export function killSwitchOnQuery(): void {
  const asked = ({ request, url }: RouteMatchCallbackOptions) =>
    request.mode === 'navigate' && url.searchParams.get(KILL_SWITCH.name) === KILL_SWITCH.value;
  const switchOff = async (options: RouteHandlerCallbackOptions): Promise<Response> => {
    let fromNetwork: Response;
    try {
      fromNetwork = await fetch(options.request);
    } catch {
      return createHandlerBoundToURL('index.html')(options);
    }
    await worker.registration.unregister();
    await deleteWorkboxCaches();
    return fromNetwork;
  };
  registerRoute(asked, switchOff);
}

/** The page sends SKIP_WAITING (workbox-window's `messageSkipWaiting`) only when the screen is idle. */
export function skipWaitingWhenAsked(event: MessageFromPage): void {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') event.waitUntil(worker.skipWaiting());
}

/**
 * The first worker takes the page that installed it, so a terminal is offline-ready from its first
 * boot without a reload. Later workers inherit the page from the one they replace.
 */
export function controlOpenPages(): Promise<void> {
  return worker.clients.claim();
}
