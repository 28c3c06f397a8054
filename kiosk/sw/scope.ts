/**
 * The service worker's global scope, typed by hand with only what the worker uses, so this folder
 * type-checks under the page's DOM lib (tsconfig.json) as well as the WebWorker lib (tsconfig.sw.json).
 */

/** install, activate and message events: the worker stays alive until `waitUntil`'s work settles. */
export type LifecycleEvent = Event & { waitUntil(work: Promise<unknown>): void };
export type MessageFromPage = LifecycleEvent & { data: unknown };

/** A rule of the Static Routing API (Chromium 123+): matching requests never reach the worker. */
export type RouterRule = { condition: Record<string, unknown>; source: 'network' | 'cache' | 'fetch-event' };
export type InstallEvent = LifecycleEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };

type WindowClient = { readonly url: string; navigate(url: string): Promise<unknown> };

export type WorkerScope = {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled?: boolean }): Promise<readonly WindowClient[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void;
};

export const worker = self as unknown as WorkerScope;

/** Workbox names its caches `workbox-…`; nothing else of ours uses Cache Storage (content lives in IndexedDB). */
export async function deleteWorkboxCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('workbox-')).map((n) => caches.delete(n)));
}
