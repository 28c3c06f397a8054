/**
 * The whole latest status a report carries, read from the signals the staff panel reads (sync status,
 * the active content, the mode model, the clock check, the resilience log, the watchdog's heap sample).
 */
import { DAYS } from '../../content/schema.ts';
import type { TerminalStatus } from '../../fleet/protocol.ts';
import type { ActiveContent, SyncStatus, VersionInfo } from '../../sync/index.ts';
import type { TerminalMode } from '../config.ts';
import { checkClock } from '../resilience/clock-check.ts';
import type { ResilienceEvent } from '../resilience/resilience-log.ts';
import { lastRefusal } from '../staff/refusal.ts';

export type SnapshotInputs = {
  appVersion: string;
  sync: SyncStatus;
  content: ActiveContent | undefined;
  mode: TerminalMode;
  modeSource: string;
  storage: { usage: number; quota: number } | undefined;
  now: Date;
  timeZone: string;
  hallTimeZone: string;
  heapBytes: number | undefined;
  resilience: ResilienceEvent[];
};

const version = (v: VersionInfo | undefined) =>
  v ? { version: v.version, publishedAt: v.published } : undefined;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
/** The protocol leaves optional fields out rather than null: JSON.stringify drops undefined ones. */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The hall's opening hours as the protocol carries them: closed days as [], dated exceptions from today, at most 62. */
function hallHours(content: ActiveContent, today: string): TerminalStatus['hours'] {
  const weekly: Record<string, string[]> = {};
  for (const day of DAYS) weekly[day] = content.hall.hours[day] ?? [];
  const exceptions = (content.hall.exceptions ?? [])
    .filter((e) => e.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 62)
    .map((e) => defined({ date: e.date, closed: e.closed, hours: e.hours }));
  return { weekly, exceptions };
}

export function statusSnapshot(input: SnapshotInputs): TerminalStatus {
  const { sync, content, now } = input;
  const refusal = lastRefusal(sync.log);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: input.hallTimeZone }).format(now);
  return defined({
    appVersion: input.appVersion,
    mode: input.mode,
    modeSource: input.modeSource,
    hall: content ? { id: content.hall.id, channel: content.channel.channel } : undefined,
    hours: content ? hallHours(content, today) : undefined,
    feedLatest: sync.feedLatest
      ? { version: sync.feedLatest.version, publishedAt: sync.feedLatest.published }
      : undefined,
    content: defined({
      showing: version(sync.active),
      staged: version(sync.staged),
      previous: version(sync.previous),
    }),
    lastCheck: iso(sync.lastCheck),
    lastSuccess: iso(sync.lastSuccess),
    feedStale: sync.stale,
    lastRefusal: refusal ? { at: new Date(refusal.at).toISOString(), message: refusal.message } : undefined,
    storage: input.storage
      ? { usedBytes: Math.round(input.storage.usage), quotaBytes: Math.round(input.storage.quota) }
      : undefined,
    clock: {
      now: now.toISOString(),
      timeZone: input.timeZone,
      hallTimeZone: input.hallTimeZone,
      suspicious: content ? !checkClock(now, content.channel.published).ok : false,
    },
    heapBytes: input.heapBytes === undefined ? undefined : Math.round(input.heapBytes),
    // The resilience log keeps its newest 30 entries: these count within them.
    renderFailures: input.resilience.filter((e) => e.kind === 'render' || e.kind === 'boot').length,
    watchdogReloads: input.resilience.filter((e) => e.kind === 'reload' && e.message.startsWith('watchdog'))
      .length,
  });
}
