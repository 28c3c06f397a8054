/** What the browser says this terminal's storage holds and allows (navigator.storage.estimate). */
import { useEffect, useState } from 'preact/hooks';

export type StorageUse = { usage: number; quota: number } | 'unknown' | undefined;

/** Asked again whenever `version` changes: a sync or a rollback changes what is stored. */
export function useStorageEstimate(version: unknown): StorageUse {
  const [use, setUse] = useState<StorageUse>(undefined);
  useEffect(() => {
    let live = true;
    const storage = globalThis.navigator?.storage;
    if (!storage?.estimate) {
      setUse('unknown');
      return;
    }
    storage.estimate().then(
      ({ usage, quota }) => {
        if (live) setUse(usage !== undefined && quota ? { usage, quota } : 'unknown');
      },
      () => live && setUse('unknown'),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return use;
}
