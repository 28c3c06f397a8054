/** Sync status and the active content as signals: the only way screens see the store. */
import { signal } from '@preact/signals';
import {
  type ActiveContent,
  readActiveContent,
  type Store,
  type SyncEngine,
  type SyncStatus,
} from '../../sync/index.ts';

export function createSyncModel(store: Store, engine: SyncEngine) {
  const status = signal<SyncStatus>(engine.getStatus());
  const content = signal<ActiveContent | undefined>(undefined);
  let shown: number | undefined;

  const reload = async () => {
    const next = await readActiveContent(store);
    shown = next?.version;
    content.value = next;
  };
  // Content changes only when sync activates another version (which it does only at idle).
  const unsubscribe = engine.subscribe((s) => {
    status.value = s;
    if (s.active?.version !== shown) void reload();
  });
  return { status, content, reload, dispose: unsubscribe };
}
export type SyncModel = ReturnType<typeof createSyncModel>;
