/**
 * Every screen but home is its own chunk, so a cold boot parses only what the first screen needs. After the
 * first paint all chunks are fetched while nobody waits (the service worker has them precached), so a tap
 * later never waits for the network.
 */

import { signal } from '@preact/signals';

const loaders = {
  services: () => import('../screens/Services/index.tsx'),
  guide: () => import('../screens/ServiceGuide/index.tsx'),
  flow: () => import('../screens/Flow/index.tsx'),
  directory: () => import('../screens/Directory/index.tsx'),
  fees: () => import('../screens/Fees/index.tsx'),
  complaints: () => import('../screens/Complaints/index.tsx'),
  notices: () => import('../screens/Notices/index.tsx'),
  map: () => import('../screens/Map/index.tsx'),
  search: () => import('../screens/Search/index.tsx'),
};
export type ScreenChunk = keyof typeof loaders;
type Loaded = { [K in ScreenChunk]: Awaited<ReturnType<(typeof loaders)[K]>> };
export type LoadedScreen<K extends ScreenChunk> = Loaded[K];

const loaded: Partial<Loaded> = {};
/** Counts arrivals: a component that reads it re-renders when a chunk arrives (no effect or timer needed). */
export const arrivals = signal(0);
const pending = new Map<ScreenChunk, Promise<unknown>>();

/** The chunk's module if it has arrived; undefined (and the load started) if not. */
export function screenModule<K extends ScreenChunk>(chunk: K): Loaded[K] | undefined {
  if (!loaded[chunk]) void loadScreen(chunk);
  return loaded[chunk];
}

export function loadScreen<K extends ScreenChunk>(chunk: K): Promise<unknown> {
  let p = pending.get(chunk);
  if (!p) {
    p = loaders[chunk]().then((m) => {
      loaded[chunk] = m as Loaded[K];
      arrivals.value++;
    });
    // A failed load (a broken cache) is tried again at the next visit to that screen.
    p.catch(() => pending.delete(chunk));
    pending.set(chunk, p);
  }
  return p;
}

/** Fetches every screen's chunk in the background, one after another, once the first screen has painted. */
export function preloadScreens(): void {
  const all = Object.keys(loaders) as ScreenChunk[];
  const go = () => setTimeout(next, 0);
  const next = () => {
    const chunk = all.shift();
    // A chunk that fails to load is tried again when its screen is opened; the others still come.
    if (chunk) void loadScreen(chunk).then(go, go);
  };
  setTimeout(next, 0);
}
