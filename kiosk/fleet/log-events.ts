/**
 * The events of a report: what the terminal's logs gained since the last report (sync's log, the
 * resilience log) and a version newly shown, each read from a cursor kept with the outbox, so a
 * reload neither repeats nor loses them.
 */
import type { ReportEvent } from '../../fleet/protocol.ts';
import type { SyncStatus } from '../../sync/index.ts';
import type { ResilienceEvent } from '../resilience/resilience-log.ts';
import { lastRefusal } from '../staff/refusal.ts';

/** At most this many events per report (messages are at most 1000 characters): a report stays far under 256 KiB. */
export const EVENTS_PER_REPORT = 100;
const MESSAGE_CHARS = 1000;

export type Cursors = Record<string, string | number>;

type Ordered = ReportEvent & { order: number };

/** An entry's identity: the cursor is the last entry reported, found again by what it says, not by its time. */
const identity = (entry: { at: number | string; kind: string; message: string }) =>
  JSON.stringify([entry.at, entry.kind, entry.message]);

/**
 * The entries after the cursor. Both logs are appended in order and trimmed from the front, so what
 * follows the last entry reported is new, whatever the clock did; a cursor no longer in the log left
 * it with older ones (more came than it keeps), so all it holds is new. A cursor of the first format
 * (the last entry's time, which stopped a clock stepped back) is still read once, then replaced.
 */
function after<T extends { at: number | string; kind: string; message: string }>(
  log: T[],
  last: string | number | undefined,
  legacy: string | number | undefined,
): T[] {
  if (typeof last === 'string') {
    for (let i = log.length - 1; i >= 0; i--) if (identity(log[i]!) === last) return log.slice(i + 1);
    return log;
  }
  if (legacy === undefined) return log;
  return log.filter((entry) => typeof entry.at === typeof legacy && entry.at > legacy);
}

/** Merges by time, but never reorders within one log (a clock stepped back leaves it out of time order). */
function merge(a: Ordered[], b: Ordered[]): Ordered[] {
  const out: Ordered[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.order <= b[j]!.order)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

export function newEvents(
  sync: SyncStatus,
  resilience: ResilienceEvent[],
  cursors: Cursors,
): { events: ReportEvent[]; cursors: Cursors } {
  const next: Cursors = {};
  const shown = sync.active?.version;
  const versionShown: Ordered[] = [];
  if (shown !== undefined && cursors.shown !== shown) {
    versionShown.push({
      at: new Date().toISOString(),
      kind: 'version-shown',
      message: `version ${shown} shown (published ${sync.active?.published})`,
      order: Date.now(),
    });
    next.shown = shown;
  }
  const syncNew = after(sync.log, cursors.syncLast, cursors.sync);
  const syncEvents: Ordered[] = syncNew.map((entry) => ({
    at: new Date(entry.at).toISOString(),
    kind: lastRefusal([entry]) === entry ? 'update-refused' : entry.kind,
    message: entry.message.slice(0, MESSAGE_CHARS),
    order: entry.at,
  }));
  const resilienceNew = after(resilience, cursors.resilienceLast, cursors.resilience);
  const resilienceEvents: Ordered[] = resilienceNew.map((entry) => ({
    at: entry.at,
    kind: entry.kind === 'reload' ? 'reload' : entry.kind === 'rating' ? 'error' : 'fallback',
    message: `${entry.kind}: ${entry.message}`.slice(0, MESSAGE_CHARS),
    order: Date.parse(entry.at),
  }));
  // Oldest first; what does not fit waits for the next report (its cursor does not move past it).
  const kept = merge(merge(syncEvents, resilienceEvents), versionShown).slice(0, EVENTS_PER_REPORT);
  // Each log's kept events are a prefix of its new entries (merge keeps each log's order).
  const syncKept = kept.filter((e) => syncEvents.includes(e)).length;
  const resilienceKept = kept.filter((e) => resilienceEvents.includes(e)).length;
  if (syncKept > 0) next.syncLast = identity(syncNew[syncKept - 1]!);
  if (resilienceKept > 0) next.resilienceLast = identity(resilienceNew[resilienceKept - 1]!);
  if (shown !== undefined && !kept.some((e) => e.kind === 'version-shown')) delete next.shown;
  return { events: kept.map(({ order: _order, ...e }) => e), cursors: next };
}
