/** Registers the service worker and takes a new app version only when the screen is idle (docs/pwa.md). */
import { effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';

/** The browser looks for a new worker only when a page navigates (a boot); a kiosk runs for days without one. */
export const UPDATE_CHECK_MINUTES = 30;
const SKIP_WAITING_RETRY_MS = 5_000;

/** `?sw=off` on the start URL is the kill switch; kiosk/sw/strategies.ts reads the same parameter. */
export function killSwitchAsked(search: string): boolean {
  return new URLSearchParams(search).get('sw') === 'off';
}

export function registerAppUpdates(idle: ReadonlySignal<boolean>): void {
  // The dev server builds no worker; a browser without service workers simply runs online.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (killSwitchAsked(location.search)) {
    switchOffServiceWorkers().catch((e: unknown) => console.warn('kill switch: could not unregister', e));
    return;
  }
  // Loaded after first paint: workbox-window stays out of the JavaScript the first screen waits for.
  import('workbox-window')
    .then(({ Workbox }) => followAppUpdates(new Workbox('./sw.js', { updateViaCache: 'none' }), idle))
    .catch((e: unknown) => console.warn('service worker not registered: the kiosk needs the network', e));
}

async function followAppUpdates(wb: Workbox, idle: ReadonlySignal<boolean>): Promise<void> {
  const waiting = signal<ServiceWorker | undefined>(undefined);
  let askedToTakeOver = false;
  // workbox-window reports a worker already waiting at registration too (wasWaitingBeforeRegister).
  wb.addEventListener('waiting', (event) => {
    waiting.value = event.sw;
  });
  // Only a takeover this page asked for reloads it: the new worker now answers with the new shell.
  wb.addEventListener('controlling', () => {
    if (askedToTakeOver) location.reload();
  });
  takeOverAtIdle(idle, waiting, () => {
    askedToTakeOver = true;
    wb.messageSkipWaiting();
    // Chromium may leave the worker waiting if the old one was woken mid-switch: ask again, only at idle.
    setInterval(() => idle.peek() && wb.messageSkipWaiting(), SKIP_WAITING_RETRY_MS);
  });
  const registration = await wb.register();
  if (!registration) throw new Error('the browser gave no registration for sw.js');
  setInterval(() => {
    wb.update()
      // workbox-window reports one update per page; a later one is seen here (offline: try again later).
      .then(() => {
        if (registration.waiting && registration.waiting !== waiting.value)
          waiting.value = registration.waiting;
      })
      .catch((e: unknown) => console.warn('app update check failed', e));
  }, UPDATE_CHECK_MINUTES * 60_000);
}

/**
 * Calls `takeOver` the first moment a new worker is waiting and nobody uses the screen; again only
 * for a different waiting worker. Never mid-visit: a busy screen keeps its version until idle.
 */
export function takeOverAtIdle(
  idle: ReadonlySignal<boolean>,
  waiting: ReadonlySignal<object | undefined>,
  takeOver: () => void,
): () => void {
  let askedFor: object | undefined;
  return effect(() => {
    const worker = waiting.value;
    if (idle.value && worker && worker !== askedFor) {
      askedFor = worker;
      takeOver();
    }
  });
}

/** Unregisters every service worker of this origin and deletes Workbox's caches; the page runs on. */
export async function switchOffServiceWorkers(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((r) => r.unregister()));
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('workbox-')).map((n) => caches.delete(n)));
}
