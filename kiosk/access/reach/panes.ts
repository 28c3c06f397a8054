/**
 * The read-only panes that need a screen's own helpers (a guide's checklist, a floor's plan) come as their own
 * chunks, like the screens: home's first paint never parses them, and reach mode is the one that asks for them.
 */
import { signal } from '@preact/signals';

const loaders = {
  guide: () => import('./GuideReadPane.tsx'),
  map: () => import('./MapReadPane.tsx'),
};
export type PaneChunk = keyof typeof loaders;
type Loaded = { [K in PaneChunk]: Awaited<ReturnType<(typeof loaders)[K]>> };

const loaded: Partial<Loaded> = {};
/** Counts arrivals: the pane re-renders when its chunk has come. */
export const paneArrivals = signal(0);
const pending = new Set<PaneChunk>();

/** The pane's module if it has arrived; undefined (and the load started) if not. */
export function paneModule<K extends PaneChunk>(chunk: K): Loaded[K] | undefined {
  if (!loaded[chunk] && !pending.has(chunk)) {
    pending.add(chunk);
    loaders[chunk]().then(
      (m) => {
        loaded[chunk] = m as Loaded[K];
        paneArrivals.value++;
      },
      // A broken cache: the default pane stays, and the next screen change tries again.
      () => pending.delete(chunk),
    );
  }
  return loaded[chunk];
}
