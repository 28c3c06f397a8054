/**
 * A terminal's state in words, from its row and its latest status, on a clock the caller passes.
 * Pure: the list, the progress page and the terminal page all read states from here, and the tests
 * pin every rule (docs/fleet-console.md, "What each state means").
 */
import { wallClock } from '../../content/hall-time.ts';
import type { TerminalStatus } from '../protocol.ts';
import { hallZoneOf } from './hall-zone.ts';

/** Three missed heartbeats (one every 5 minutes): silence shorter than this is not news. */
export const NOT_SEEN_AFTER_MS = 15 * 60_000;
/** A report whose sentAt is this far ahead of its arrival came from a clock that is wrong. */
export const CLOCK_AHEAD_MS = 5 * 60_000;
/** 80% of the kiosk watchdog's 512 MiB reload threshold (kiosk/resilience/watchdog-rule.ts). */
export const MEMORY_HIGH_BYTES = 410 * 2 ** 20;

export type Problem =
  | { kind: 'not-seen'; since: Date }
  | { kind: 'refusing'; at: string; reason: string }
  | { kind: 'feed-stale'; lastSuccess?: string }
  | { kind: 'clock-wrong'; terminalNow: string }
  | { kind: 'memory-high'; heapBytes: number };

export type StateKind = 'pending' | 'revoked' | 'quiet' | 'healthy' | Problem['kind'];
export const STATE_KINDS: readonly StateKind[] = [
  'pending',
  'not-seen',
  'refusing',
  'feed-stale',
  'clock-wrong',
  'memory-high',
  'quiet',
  'healthy',
  'revoked',
];

export interface TerminalFacts {
  status: 'pending' | 'approved' | 'revoked';
  /** When the service last stored a report from it (the service's clock). */
  lastSeen: Date;
  /** The terminal's sentAt of that report (its own clock), as sent. */
  sentAt: string | null;
  latest: TerminalStatus | null;
}

/** `kind` is the first problem (the most pressing); `problems` lists all of them. */
export interface TerminalState {
  kind: StateKind;
  problems: Problem[];
}

type Hours = NonNullable<TerminalStatus['hours']>;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MS = 86_400_000;
/** Looking further than the exceptions reach (62 days) and a week more cannot find anything new. */
const MAX_DAYS_LOOKED_AT = 70;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The instant when the hall's clock in `timeZone` shows `date` at `minute` past midnight. Remembered:
 * every silent terminal of a hall asks for the same few opening and closing times, and each answer
 * costs an Intl formatting (the list of 10,000 terminals would spend most of its time here).
 */
const instants = new Map<string, number>();
function instantOf(date: string, minute: number, timeZone: string): number {
  const key = `${timeZone}|${date}|${minute}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size > 50_000) instants.clear();
    instant = computeInstant(date, minute, timeZone);
    instants.set(key, instant);
  }
  return instant;
}

function computeInstant(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, minute);
  const wall = wallClock(guess, timeZone);
  const [wy, wm, wd] = wall.date.split('-').map(Number) as [number, number, number];
  const offset = Date.UTC(wy, wm - 1, wd, wall.hour, wall.minute) - guess;
  return guess - offset;
}

function periodsOn(hours: Hours, date: string): string[] {
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception) return exception.closed ? [] : (exception.hours ?? []);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return hours.weekly[DAY_KEYS[weekday]!] ?? [];
}

/** True when the hall is open at some moment of [from, to), read on the hall's clock in `timeZone`. */
export function openDuring(hours: Hours, timeZone: string, from: Date, to: Date): boolean {
  if (to <= from) return false;
  const start = from.getTime();
  const end = to.getTime();
  // From the day before (a period past midnight is not written, but a zone offset can shift the date).
  let day = wallClock(start - DAY_MS, timeZone).date;
  for (let i = 0; i < MAX_DAYS_LOOKED_AT; i += 1) {
    for (const period of periodsOn(hours, day)) {
      const opens = instantOf(day, toMinutes(period.slice(0, 5)), timeZone);
      const closes = instantOf(day, toMinutes(period.slice(6, 11)), timeZone);
      if (opens < end && closes > start) return true;
    }
    const next = new Date(`${day}T00:00:00Z`).getTime() + DAY_MS;
    day = new Date(next).toISOString().slice(0, 10);
    if (instantOf(day, 0, timeZone) >= end) return false;
  }
  // A silence of more than ten weeks: any weekly hours at all mean it was open at some point.
  return Object.values(hours.weekly).some((periods) => periods.length > 0);
}

function notSeen(facts: TerminalFacts, now: Date): { alert: boolean; quiet: boolean } {
  const silentFrom = facts.lastSeen.getTime() + NOT_SEEN_AFTER_MS;
  if (now.getTime() <= silentFrom) return { alert: false, quiet: false };
  const hours = facts.latest?.hours;
  // No hours known: the console cannot tell night from trouble, so every silence counts.
  if (!hours || !facts.latest) return { alert: true, quiet: false };
  // A zone this engine does not know is read as the default one, not thrown on (hall-zone.ts).
  const zone = hallZoneOf(facts.latest);
  const alert = openDuring(hours, zone, new Date(silentFrom), now);
  return { alert, quiet: !alert };
}

/**
 * A refusal counts when no good check has come since it (or none ever has), or while the terminal
 * neither shows nor has staged what the feed offered. Both, because feedLatest is only learnt from a
 * channel file whose signature verified: after a bad signature or an unknown key feedLatest still names
 * the old version, and without the first rule the console would call a terminal that refuses every
 * update "healthy".
 */
function currentRefusal(status: TerminalStatus): TerminalStatus['lastRefusal'] {
  const refusal = status.lastRefusal;
  if (!refusal) return undefined;
  if (!status.lastSuccess || Date.parse(refusal.at) >= Date.parse(status.lastSuccess)) return refusal;
  const latest = status.feedLatest?.version;
  if (latest === undefined) return undefined;
  const has = Math.max(status.content.showing?.version ?? 0, status.content.staged?.version ?? 0);
  return has < latest ? refusal : undefined;
}

export function terminalState(facts: TerminalFacts, now: Date): TerminalState {
  if (facts.status === 'pending') return { kind: 'pending', problems: [] };
  if (facts.status === 'revoked') return { kind: 'revoked', problems: [] };
  const problems: Problem[] = [];
  const silence = notSeen(facts, now);
  if (silence.alert) problems.push({ kind: 'not-seen', since: facts.lastSeen });
  const status = facts.latest;
  if (status) {
    const refusal = currentRefusal(status);
    if (refusal) problems.push({ kind: 'refusing', at: refusal.at, reason: refusal.message });
    if (status.feedStale) {
      problems.push(
        status.lastSuccess ? { kind: 'feed-stale', lastSuccess: status.lastSuccess } : { kind: 'feed-stale' },
      );
    }
    const ahead = facts.sentAt ? Date.parse(facts.sentAt) - facts.lastSeen.getTime() : 0;
    if (status.clock.suspicious || ahead > CLOCK_AHEAD_MS) {
      problems.push({ kind: 'clock-wrong', terminalNow: status.clock.now });
    }
    if (status.heapBytes !== undefined && status.heapBytes >= MEMORY_HIGH_BYTES) {
      problems.push({ kind: 'memory-high', heapBytes: status.heapBytes });
    }
  }
  const first = problems[0];
  if (first) return { kind: first.kind, problems };
  return { kind: silence.quiet ? 'quiet' : 'healthy', problems };
}
