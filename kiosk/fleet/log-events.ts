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

export function newEvents(
  sync: SyncStatus,
  resilience: ResilienceEvent[],
  cursors: Cursors,
): { events: ReportEvent[]; cursors: Cursors } {
  const events: (ReportEvent & { order: number })[] = [];
  const next: Cursors = {};
  const shown = sync.active?.version;
  if (shown !== undefined && cursors.shown !== shown) {
    events.push({
      at: new Date().toISOString(),
      kind: 'version-shown',
      message: `version ${shown} shown (published ${sync.active?.published})`,
      order: Date.now(),
    });
    next.shown = shown;
  }
  const syncFrom = typeof cursors.sync === 'number' ? cursors.sync : -1;
  for (const entry of sync.log) {
    if (entry.at <= syncFrom) continue;
    const refused = lastRefusal([entry]) === entry;
    events.push({
      at: new Date(entry.at).toISOString(),
      kind: refused ? 'update-refused' : entry.kind,
      message: entry.message.slice(0, MESSAGE_CHARS),
      order: entry.at,
    });
  }
  const resilienceFrom = typeof cursors.resilience === 'string' ? cursors.resilience : '';
  for (const entry of resilience) {
    if (entry.at <= resilienceFrom) continue;
    events.push({
      at: entry.at,
      kind: entry.kind === 'reload' ? 'reload' : 'fallback',
      message: `${entry.kind}: ${entry.message}`.slice(0, MESSAGE_CHARS),
      order: Date.parse(entry.at),
    });
  }
  // Oldest first; what does not fit waits for the next report (its cursor does not move past it).
  const kept = events.sort((a, b) => a.order - b.order).slice(0, EVENTS_PER_REPORT);
  for (const e of kept) {
    if (e.kind === 'version-shown') continue;
    if (e.kind === 'reload' || e.kind === 'fallback') next.resilience = e.at;
    else next.sync = Date.parse(e.at);
  }
  if (shown !== undefined && !kept.some((e) => e.kind === 'version-shown')) delete next.shown;
  return { events: kept.map(({ order: _order, ...e }) => e), cursors: next };
}
