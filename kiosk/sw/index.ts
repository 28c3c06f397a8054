/**
 * The kiosk's service worker: keeps the app shell (HTML, JS, CSS, fonts, icons, manifest) so the
 * terminal boots with no network. The feed is never cached here: sync keeps content in IndexedDB.
 * A new worker waits until the page, at idle, asks it to take over (docs/pwa.md).
 */
import type { PrecacheEntry } from 'workbox-precaching';
import { worker } from './scope.ts';
import {
  controlOpenPages,
  feedBypassesWorker,
  killSwitchOnQuery,
  navigationsToAppShell,
  precacheAppShell,
  skipWaitingWhenAsked,
} from './strategies.ts';

/** Written into the bundle by scripts/build/pwa-plugin.ts: every app shell file with its revision. */
declare const __PRECACHE_MANIFEST__: PrecacheEntry[];

// install: the feed, and anything from another origin, will go to the network without waking the worker.
worker.addEventListener('install', feedBypassesWorker);

// fetch: routes are tried in order; a request no route matches goes to the network untouched.
killSwitchOnQuery();
// install, activate, fetch: precache the shell, answer from it, drop older Workbox precaches.
precacheAppShell(__PRECACHE_MANIFEST__);
navigationsToAppShell();

// activate: claim the open page (it matters for the first worker; later ones inherit the page they
// replace). No automatic skipWaiting: open pages would break (workbox#3126).
worker.addEventListener('activate', (event) => event.waitUntil(controlOpenPages()));

// message: SKIP_WAITING, sent by the page when nobody is using the screen.
worker.addEventListener('message', skipWaitingWhenAsked);
