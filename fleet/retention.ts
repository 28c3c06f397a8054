/**
 * Retention: what the fleet database keeps, so 10,000 terminals reporting every 5 minutes stay bounded.
 * Reports (heartbeats) older than keepReportsDays are rolled up into report_rollups (one row per
 * terminal per hall day) and deleted; events go after keepEventsDays, done or delivered commands after
 * keepCommandsDays, terminals that stayed pending (never approved) after keepPendingDays, rollups after
 * keepRollupsDays. Ratings (好差评), their cases and refusals and the catalogues that name them are never
 * pruned: they are the record the provincial export is made from (docs/ratings.md). terminals.last_seq is never touched, so a resend of a pruned report is still refused
 * (409 with ack = last_seq, which the terminal treats as done): exactly-once holds after pruning.
 *
 * Every step works in batches of `batchSize` rows, each its own short transaction, so reports keep being
 * stored while the job runs (PGlite runs one transaction at a time: a long one would stall every report).
 */
import { isTimeZone, localDate } from '../content/hall-time.ts';
import { SESSION_IDLE_MS } from './console/sessions.ts';
import type { FleetDb, Queryable } from './db.ts';
import type { ReportPayload } from './protocol.ts';

export interface RetentionPolicy {
  keepReportsDays: number;
  keepEventsDays: number;
  keepCommandsDays: number;
  keepPendingDays: number;
  keepRollupsDays: number;
  batchSize: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  keepReportsDays: 7,
  keepEventsDays: 90,
  keepCommandsDays: 90,
  keepPendingDays: 30,
  // A year and a month: the console can compare a terminal with the same month last year.
  keepRollupsDays: 400,
  batchSize: 2000,
};

/** The most reports an unapproved key keeps; the oldest beyond it are dropped and counted. */
export const PENDING_REPORTS_PER_KEY = 500;

/** Any fixed number: it names the lock that keeps two services on one server from pruning at once. */
const RETENTION_LOCK = 7_341_003;
const DAY_MS = 86_400_000;

export interface Pruned {
  /** Reports rolled up and deleted. */
  reports: number;
  /** Terminal-days those reports were rolled into (a day rolled up in two runs counts twice). */
  rollupDays: number;
  events: number;
  commands: number;
  pendingTerminals: number;
  pendingReports: number;
  rollups: number;
  /** Console sessions past their expiry, and sign-in attempts older than the events' window. */
  sessions: number;
  loginAttempts: number;
}

/** One log line for what a run pruned. */
export function describePruned(pruned: Pruned, ms: number): string {
  return (
    `fleet retention: rolled up ${pruned.reports} reports into ${pruned.rollupDays} terminal-days, ` +
    `deleted ${pruned.events} events, ${pruned.commands} commands, ${pruned.pendingTerminals} never-approved ` +
    `terminals (${pruned.pendingReports} pending reports), ${pruned.rollups} old rollups, ` +
    `${pruned.sessions} expired sessions, ${pruned.loginAttempts} old sign-in attempts, in ${ms.toFixed(0)} ms`
  );
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

interface RollupRow extends Record<string, unknown> {
  public_key: string;
  day: string;
  time_zone: string;
  reports: number;
  first_seq: number;
  last_seq: number;
  first_received: string;
  last_received: string;
  versions_shown: number[];
  app_versions: string[];
  checks: number;
  checks_failed: number;
  last_check: string | null;
  feed_stale_reports: number;
  refusals: number;
  last_refusal: string | null;
  max_heap_bytes: number | null;
  max_render_failures: number;
  max_watchdog_reloads: number;
  dropped_heartbeats: number;
  dropped_events: number;
}

const ROLLUP_COLUMNS = [
  'public_key',
  'day',
  'time_zone',
  'reports',
  'first_seq',
  'last_seq',
  'first_received',
  'last_received',
  'versions_shown',
  'app_versions',
  'checks',
  'checks_failed',
  'last_check',
  'feed_stale_reports',
  'refusals',
  'last_refusal',
  'max_heap_bytes',
  'max_render_failures',
  'max_watchdog_reloads',
  'dropped_heartbeats',
  'dropped_events',
] as const;

/** The hall's zone as the report names it, or UTC when it names none this engine knows. */
function zoneOf(payload: ReportPayload): string {
  const zone = payload.status.clock.hallTimeZone;
  return isTimeZone(zone) ? zone : 'UTC';
}

const maxOrNull = (a: number | null, b: number | undefined) =>
  b === undefined ? a : a === null ? b : Math.max(a, b);

/** Adds one report (taken in seq order) to its day's rollup, made fresh when `row` is undefined. */
function addReport(
  row: RollupRow | undefined,
  key: { publicKey: string; day: string; timeZone: string },
  seq: number,
  receivedAt: string,
  payload: ReportPayload,
): RollupRow {
  const status = payload.status;
  const r: RollupRow = row ?? {
    public_key: key.publicKey,
    day: key.day,
    time_zone: key.timeZone,
    reports: 0,
    first_seq: seq,
    last_seq: seq,
    first_received: receivedAt,
    last_received: receivedAt,
    versions_shown: [],
    app_versions: [],
    checks: 0,
    checks_failed: 0,
    last_check: null,
    feed_stale_reports: 0,
    refusals: 0,
    last_refusal: null,
    max_heap_bytes: null,
    max_render_failures: 0,
    max_watchdog_reloads: 0,
    dropped_heartbeats: 0,
    dropped_events: 0,
  };
  r.reports += 1;
  r.first_seq = Math.min(r.first_seq, seq);
  r.last_seq = Math.max(r.last_seq, seq);
  if (receivedAt < r.first_received) r.first_received = receivedAt;
  if (receivedAt > r.last_received) r.last_received = receivedAt;
  const showing = status.content.showing?.version;
  if (showing !== undefined && !r.versions_shown.includes(showing)) r.versions_shown.push(showing);
  if (!r.app_versions.includes(status.appVersion)) r.app_versions.push(status.appVersion);
  // A report says the latest check only: each distinct lastCheck is one check seen (checks between two
  // reports are not seen); it failed when lastSuccess is not that same time.
  if (status.lastCheck && status.lastCheck !== r.last_check) {
    r.checks += 1;
    if (status.lastSuccess !== status.lastCheck) r.checks_failed += 1;
    r.last_check = status.lastCheck;
  }
  if (status.feedStale) r.feed_stale_reports += 1;
  r.refusals += payload.events.filter((event) => event.kind === 'update-refused').length;
  if (status.lastRefusal) r.last_refusal = status.lastRefusal.message;
  r.max_heap_bytes = maxOrNull(r.max_heap_bytes, status.heapBytes);
  r.max_render_failures = Math.max(r.max_render_failures, status.renderFailures);
  r.max_watchdog_reloads = Math.max(r.max_watchdog_reloads, status.watchdogReloads);
  r.dropped_heartbeats += payload.dropped.heartbeats;
  r.dropped_events += payload.dropped.events;
  return r;
}

interface OldReport extends Record<string, unknown> {
  public_key: string;
  seq: string | number;
  received_at: Date | string;
  payload: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Reads a stored rollup with its numbers as numbers (pg gives bigint as text) and its times as ISO text. */
function fromDb(row: Record<string, unknown>): RollupRow {
  const r = row as RollupRow;
  return {
    ...r,
    first_seq: Number(r.first_seq),
    last_seq: Number(r.last_seq),
    first_received: iso(r.first_received),
    last_received: iso(r.last_received),
    max_heap_bytes: r.max_heap_bytes === null ? null : Number(r.max_heap_bytes),
  };
}

/** One batch: the oldest reports past the window deleted and merged into their rollups, in one transaction. */
async function rollUpBatch(
  tx: Queryable,
  cutoff: string,
  limit: number,
): Promise<{ reports: number; days: number }> {
  const old = await tx.query<OldReport>(
    `DELETE FROM reports WHERE ctid IN (
       SELECT ctid FROM reports WHERE received_at < $1 ORDER BY received_at LIMIT $2
     ) RETURNING public_key, seq, received_at, payload`,
    [cutoff, limit],
  );
  old.sort((a, b) =>
    a.public_key === b.public_key ? Number(a.seq) - Number(b.seq) : a.public_key < b.public_key ? -1 : 1,
  );
  // Each report's hall day first, so the day rows it merges into are read, and written, in one statement each
  // (a batch of the oldest reports is one report each of thousands of terminals: one query per rollup
  // would be most of the job's time).
  const parsed: Array<{
    report: OldReport;
    payload: ReportPayload;
    day: string;
    timeZone: string;
    id: string;
  }> = [];
  for (const report of old) {
    let payload: ReportPayload;
    try {
      payload = JSON.parse(report.payload) as ReportPayload;
    } catch {
      // Every stored payload was checked when it arrived; one that no longer parses is counted, not kept.
      continue;
    }
    const timeZone = zoneOf(payload);
    const day = localDate(new Date(iso(report.received_at)), timeZone);
    parsed.push({ report, payload, day, timeZone, id: `${report.public_key} ${day}` });
  }
  const rollups = new Map<string, RollupRow>();
  const wanted = [...new Map(parsed.map((p) => [p.id, p])).values()];
  // One JSON parameter per statement, not thousands of parameters: PGlite failed ("bad buffer ID") on
  // a statement with a thousand.
  const wantedJson = JSON.stringify(wanted.map((p) => ({ public_key: p.report.public_key, day: p.day })));
  const stored = await tx.query(
    `SELECT ${ROLLUP_COLUMNS.map((c) => `r.${c}${c === 'day' ? '::text AS day' : ''}`).join(', ')}
     FROM report_rollups r JOIN jsonb_to_recordset($1::jsonb) AS w(public_key text, day date)
       ON r.public_key = w.public_key AND r.day = w.day`,
    [wantedJson],
  );
  for (const row of stored) {
    const r = fromDb(row);
    rollups.set(`${r.public_key} ${r.day}`, r);
  }
  for (const { report, payload, day, timeZone, id } of parsed) {
    rollups.set(
      id,
      addReport(
        rollups.get(id),
        { publicKey: report.public_key, day, timeZone },
        Number(report.seq),
        iso(report.received_at),
        payload,
      ),
    );
  }
  if (rollups.size > 0) {
    await tx.query(
      `INSERT INTO report_rollups (${ROLLUP_COLUMNS.join(', ')})
       SELECT ${ROLLUP_COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::report_rollups, $1::jsonb)
       ON CONFLICT (public_key, day) DO UPDATE SET
         ${ROLLUP_COLUMNS.slice(2)
           .map((c) => `${c} = EXCLUDED.${c}`)
           .join(', ')}`,
      [JSON.stringify([...rollups.values()])],
    );
  }
  return { reports: old.length, days: rollups.size };
}

/** Deletes up to `limit` rows of one table matching `where`; the count deleted. */
async function deleteBatch(tx: Queryable, table: string, where: string, params: unknown[], limit: number) {
  const rows = await tx.query(
    `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${where} LIMIT ${Number(limit)}) RETURNING 1`,
    params,
  );
  return rows.length;
}

/** Runs `batch` in its own short transaction under the retention lock until it deletes fewer than a batch. */
async function inBatches(
  db: FleetDb,
  limit: number,
  batch: (tx: Queryable) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
      return batch(tx);
    });
    total += done;
    if (done < limit) return total;
  }
}

/** One retention run as of `now`. Running it again at the same `now` prunes nothing more. */
export async function runRetention(
  db: FleetDb,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<Pruned> {
  const limit = policy.batchSize;
  const pruned: Pruned = {
    reports: 0,
    rollupDays: 0,
    events: 0,
    commands: 0,
    pendingTerminals: 0,
    pendingReports: 0,
    rollups: 0,
    sessions: 0,
    loginAttempts: 0,
  };
  const reportsCutoff = daysBefore(now, policy.keepReportsDays);
  pruned.reports = await inBatches(db, limit, async (tx) => {
    const { reports, days } = await rollUpBatch(tx, reportsCutoff, limit);
    pruned.rollupDays += days;
    return reports;
  });
  pruned.events = await inBatches(db, limit, (tx) =>
    deleteBatch(tx, 'events', 'received_at < $1', [daysBefore(now, policy.keepEventsDays)], limit),
  );
  // Delivered and never done (the terminal did not report again) counts from its delivery.
  pruned.commands = await inBatches(db, limit, (tx) =>
    deleteBatch(
      tx,
      'commands',
      'COALESCE(done_at, delivered_at) < $1',
      [daysBefore(now, policy.keepCommandsDays)],
      limit,
    ),
  );
  pruned.rollups = await inBatches(db, limit, (tx) =>
    deleteBatch(
      tx,
      'report_rollups',
      'day < $1::date',
      [daysBefore(now, policy.keepRollupsDays).slice(0, 10)],
      limit,
    ),
  );
  // A key no one approved within keepPendingDays of its last report: forgotten, with its reports and the
  // commands staff gave it. Should it report again, it is listed as pending anew. A pending key has no
  // stored ratings (they are stored at approval); the check keeps it so should one ever have any.
  const pendingCutoff = daysBefore(now, policy.keepPendingDays);
  const terminalLimit = Math.max(1, Math.floor(limit / 20));
  pruned.pendingTerminals = await inBatches(db, terminalLimit, async (tx) => {
    const keys = await tx.query<{ public_key: string }>(
      `SELECT public_key FROM terminals t WHERE status = 'pending' AND last_seen < $1
         AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.public_key = t.public_key)
         AND NOT EXISTS (SELECT 1 FROM rating_refusals f WHERE f.public_key = t.public_key)
       LIMIT ${terminalLimit} FOR UPDATE`,
      [pendingCutoff],
    );
    for (const { public_key } of keys) {
      const reports = await tx.query('DELETE FROM pending_reports WHERE public_key = $1 RETURNING 1', [
        public_key,
      ]);
      pruned.pendingReports += reports.length;
      await tx.query('DELETE FROM commands WHERE public_key = $1', [public_key]);
      await tx.query('DELETE FROM terminals WHERE public_key = $1', [public_key]);
    }
    return keys.length;
  });
  // The console's sign-in state: an expired session can never be used again (sessions.ts refuses it),
  // and a sign-in attempt older than the events' window no longer slows anyone down.
  pruned.sessions = await inBatches(db, limit, (tx) =>
    deleteBatch(
      tx,
      'staff_sessions',
      'expires_at <= $1 OR last_used_at <= $2',
      [now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString()],
      limit,
    ),
  );
  pruned.loginAttempts = await inBatches(db, limit, (tx) =>
    deleteBatch(tx, 'login_attempts', 'at < $1', [daysBefore(now, policy.keepEventsDays)], limit),
  );
  // PGlite has no autovacuum: without this, the space of deleted rows (and of each terminal's row,
  // rewritten by every report) is never reused and the data folder grows for ever. On a PostgreSQL
  // server autovacuum would get there too; a plain VACUUM takes no lock that stops reports.
  for (const table of VACUUMED) await db.exec(`VACUUM ${table}`);
  return pruned;
}

const VACUUMED = [
  'reports',
  'events',
  'report_rollups',
  'pending_reports',
  'commands',
  'terminals',
  'staff_sessions',
  'login_attempts',
];

export interface RetentionJob {
  /** Waits for the run under way (or the first, not yet begun) to end; no run starts after. */
  stop(): Promise<void>;
}

/**
 * Runs retention now and then every `everyMs` (an hour by default), logging what each run pruned, and a
 * failed run as an error (the next run tries again). Runs never overlap.
 */
export function startRetention(options: {
  db: FleetDb;
  policy?: RetentionPolicy;
  everyMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  error?: (line: string) => void;
}): RetentionJob {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line) => console.log(line));
  const error = options.error ?? ((line) => console.error(line));
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      const started = performance.now();
      try {
        log(
          describePruned(await runRetention(options.db, now(), options.policy), performance.now() - started),
        );
      } catch (failure) {
        error(
          `fleet retention: the run failed and is tried again at the next: ${(failure as Error).message}`,
        );
      }
    });
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The options `npm run fleet` takes for retention, for its parseArgs. */
export const RETENTION_OPTIONS = {
  'keep-reports-days': { type: 'string' },
  'keep-events-days': { type: 'string' },
} as const;
export const RETENTION_USAGE = '[--keep-reports-days 7] [--keep-events-days 90]';

/** The policy those options give, or what is wrong with one of them. */
export function retentionPolicyFrom(values: {
  'keep-reports-days'?: string | undefined;
  'keep-events-days'?: string | undefined;
}): { ok: true; value: RetentionPolicy } | { ok: false; reason: string } {
  const policy = { ...DEFAULT_RETENTION };
  for (const [option, field] of [
    ['keep-reports-days', 'keepReportsDays'],
    ['keep-events-days', 'keepEventsDays'],
  ] as const) {
    const text = values[option];
    if (text === undefined) continue;
    const days = Number(text);
    if (!(Number.isInteger(days) && days >= 1)) {
      return { ok: false, reason: `--${option} should be a whole number of days, 1 or more, not "${text}"` };
    }
    policy[field] = days;
  }
  return { ok: true, value: policy };
}
