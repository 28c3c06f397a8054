/** What one terminal's page shows: its row, commands, events, version timeline and hourly checks. */
import type { FleetDb } from '../db.ts';
import { loadTerminals, type TerminalSummary } from './list-terminals.ts';
import { type TerminalRatingTrouble, terminalRatingTrouble } from './ratings-data.ts';

export const CHART_HOURS = 7 * 24;
const HOUR_MS = 3_600_000;

export interface CommandLine {
  kind: string;
  mode: string | null;
  givenAt: Date;
  givenBy: string;
  deliveredAt: Date | null;
  doneAt: Date | null;
}

export interface EventLine {
  at: string;
  kind: string;
  message: string;
}

export interface VersionLine {
  version: string;
  /** When the service first stored a report showing it. */
  from: Date;
}

export interface HourBucket {
  start: Date;
  ok: number;
  failed: number;
  reports: number;
}

export interface TerminalDetail {
  terminal: TerminalSummary;
  commands: CommandLine[];
  events: EventLine[];
  versions: VersionLine[];
  versionEvents: EventLine[];
  hours: HourBucket[];
  /** Its ratings refused by the service and dropped by its full queue (issue 13). */
  ratings: TerminalRatingTrouble;
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Checks from the stored reports: each distinct lastCheck once, counted in the hour its report arrived. */
export function hourlyChecks(
  reports: readonly { receivedAt: Date; lastCheck: string | null; lastSuccess: string | null }[],
  now: Date,
): HourBucket[] {
  // The current hour is the last bucket (a report that arrived at exactly a full hour included).
  const end = (Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS;
  const start = end - CHART_HOURS * HOUR_MS;
  const buckets = Array.from({ length: CHART_HOURS }, (_, i) => ({
    start: new Date(start + i * HOUR_MS),
    ok: 0,
    failed: 0,
    reports: 0,
  }));
  const seen = new Set<string>();
  for (const report of reports) {
    const bucket = buckets[Math.floor((report.receivedAt.getTime() - start) / HOUR_MS)];
    if (!bucket) continue;
    bucket.reports += 1;
    if (report.lastCheck && !seen.has(report.lastCheck)) {
      seen.add(report.lastCheck);
      if (report.lastCheck === report.lastSuccess) bucket.ok += 1;
      else bucket.failed += 1;
    }
  }
  return buckets;
}

export async function terminalDetail(
  db: FleetDb,
  fingerprint: string,
  now: Date,
): Promise<TerminalDetail | undefined> {
  const [row] = await db.query<{ public_key: string }>(
    'SELECT public_key FROM terminals WHERE fingerprint = $1',
    [fingerprint],
  );
  if (!row) return undefined;
  const key = row.public_key;
  // The state needs its hall's latest published version, which only the whole list knows.
  const terminal = (await loadTerminals(db, now)).find((t) => t.publicKey === key)!;
  const commands = await db.query<{
    kind: string;
    mode: string | null;
    given_at: Date | string;
    given_by: string;
    delivered_at: Date | string | null;
    done_at: Date | string | null;
  }>(
    'SELECT kind, mode, given_at, given_by, delivered_at, done_at FROM commands WHERE public_key = $1 ORDER BY given_at DESC, id LIMIT 20',
    [key],
  );
  const events = await db.query<EventLine & Record<string, unknown>>(
    'SELECT at, kind, message FROM events WHERE public_key = $1 ORDER BY id DESC LIMIT 50',
    [key],
  );
  const versionEvents = await db.query<EventLine & Record<string, unknown>>(
    `SELECT at, kind, message FROM events WHERE public_key = $1 AND kind = 'version-shown' ORDER BY id DESC LIMIT 30`,
    [key],
  );
  const versions = await db.query<{ version: string | null; first: Date | string }>(
    `SELECT (payload::jsonb) #>> '{status,content,showing,version}' AS version, min(received_at) AS first
     FROM reports WHERE public_key = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
    [key],
  );
  const since = new Date(now.getTime() - CHART_HOURS * HOUR_MS).toISOString();
  const reports = await db.query<{
    received_at: Date | string;
    last_check: string | null;
    last_success: string | null;
  }>(
    `SELECT received_at, (payload::jsonb) #>> '{status,lastCheck}' AS last_check,
            (payload::jsonb) #>> '{status,lastSuccess}' AS last_success
     FROM reports WHERE public_key = $1 AND received_at > $2 ORDER BY received_at`,
    [key, since],
  );
  const ratings = await terminalRatingTrouble(db, key);
  return {
    terminal,
    ratings,
    commands: commands.map((c) => ({
      kind: c.kind,
      mode: c.mode,
      givenAt: new Date(c.given_at),
      givenBy: c.given_by,
      deliveredAt: date(c.delivered_at),
      doneAt: date(c.done_at),
    })),
    events: events.map((e) => ({ at: e.at, kind: e.kind, message: e.message })),
    versionEvents: versionEvents.map((e) => ({ at: e.at, kind: e.kind, message: e.message })),
    versions: versions
      .filter((v): v is { version: string; first: Date | string } => v.version !== null)
      .map((v) => ({ version: v.version, from: new Date(v.first) })),
    hours: hourlyChecks(
      reports.map((r) => ({
        receivedAt: new Date(r.received_at),
        lastCheck: r.last_check,
        lastSuccess: r.last_success,
      })),
      now,
    ),
  };
}
