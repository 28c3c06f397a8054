/** Sync status and the active content as signals: the only way screens see the store. */
import { signal } from '@preact/signals';
import type { ActiveContent, SyncEngine, SyncStatus } from '../../sync/index.ts';

export function createSyncModel(engine: SyncEngine) {
  const status = signal<SyncStatus>(engine.getStatus());
  const content = signal<ActiveContent | undefined>(undefined);
  // The version last asked for, set before the read so status updates during it do not read again.
  let requested: number | undefined;
  let ready: Promise<void> = Promise.resolve();

  // The engine's read never throws for a broken version: it falls back (and says so in the log).
  const reload = async () => {
    const read = await engine.readActiveContent();
    // A read that fell back reports the version it fell back to; a later status may have asked for another.
    if (read?.version === requested) content.value = read;
  };
  // Content changes only when sync activates another version (which it does only at idle).
  const unsubscribe = engine.subscribe((s) => {
    status.value = s;
    if (s.active?.version !== requested) {
      requested = s.active?.version;
      ready = reload();
    }
  });
  /** Resolves once the content the store held at start is read. */
  const loaded = () => ready;
  return { status, content, loaded, dispose: unsubscribe };
}
export type SyncModel = ReturnType<typeof createSyncModel>;
