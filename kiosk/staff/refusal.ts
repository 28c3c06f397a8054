/** Finds, in sync's log, the last update the terminal refused and why (for the staff panel). */
import type { LogEntry } from '../../sync/store.ts';

/**
 * Sync logs a refusal as "<which> check failed …" or "rollback refused: …" (sync/engine.ts);
 * a network failure ("the feed answered HTTP 500", "sync failed: …") is not a refusal.
 */
const REFUSAL = /\bcheck failed\b|\brefused:/;

export function lastRefusal(log: LogEntry[]): LogEntry | undefined {
  return log.findLast((e) => e.kind === 'error' && REFUSAL.test(e.message));
}
