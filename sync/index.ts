/** The sync public API: open the store, run the engine, read the active content. */
export { type CheckOutcome, type Clock, type StorageLike, SyncEngine, type SyncOptions } from './engine.ts';
export { type ActiveContent, readActiveContent } from './read-content.ts';
export type { SyncStatus, VersionInfo } from './status.ts';
export { openContentStore, type Store } from './store.ts';
