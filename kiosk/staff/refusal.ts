/** Finds, in sync's log, the last update the terminal refused and why (for the staff panel). */
import type { LogEntry } from '../../sync/store.ts';

/**
 * Sync logs a refusal as "<which> check failed …" (signature, channel, expiry, version, bundle, hash,
 * schema, file, space) or "rollback refused: …" (sync/engine.ts, docs/sync.md): that wording is the
 * contract. A network failure ("the feed answered HTTP 500", "sync failed: …") is not a refusal, nor is
 * a fallback from a version the terminal's own storage lost ("version 2 cannot be read: …").
 */
const REFUSAL = /\bcheck failed\b|\brefused:/;

export function lastRefusal(log: LogEntry[]): LogEntry | undefined {
  return log.findLast((e) => e.kind === 'error' && REFUSAL.test(e.message));
}
