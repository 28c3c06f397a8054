/**
 * What is worth a report at once (docs/fleet-terminal.md, "Triggers"): a version shown, an update
 * refused, the feed going stale or fresh, a fallback screen or a reload, a mode switched. The fleet's
 * start asks for a report when this key changes, and only then: the sync status changes on every
 * check and every download step, which are no reason for a report of their own.
 */
import type { SyncStatus } from '../../sync/index.ts';
import type { ResilienceEvent } from '../resilience/resilience-log.ts';
import { lastRefusal } from '../staff/refusal.ts';

export function reportTrigger(sync: SyncStatus, resilience: ResilienceEvent[], mode: string): string {
  // The newest entry, not the count: the log keeps the newest 30, so once full its length stays 30.
  const newest = resilience.at(-1);
  return JSON.stringify([
    sync.active?.version,
    lastRefusal(sync.log)?.at,
    sync.stale,
    newest ? [newest.at, newest.kind, newest.message] : null,
    mode,
  ]);
}
