/**
 * How many bytes the fleet database holds per terminal: a simulated day of one small group of terminals
 * (288 heartbeats at 5 minutes, five events) stored through storeReport exactly as reports are stored,
 * then rolled up by retention, all measured with pg_total_relation_size (table, TOAST and indexes).
 * Events and rollups are a few rows a day, too few to fill a page, so their bytes per row are measured on
 * copies of those rows made in bulk (the same values, so the same width).
 */
import type { FleetDb } from '../../fleet/db.ts';
import { checkPayload } from '../../fleet/protocol.ts';
import { DEFAULT_RETENTION, runRetention } from '../../fleet/retention.ts';
import { storeReport } from '../../fleet/store-report.ts';
import { eventsOfReport, makeSimTerminals, type SimTerminal, simPayload } from './fleet-terminals.ts';

const DAY_MS = 86_400_000;
const TABLES = ['terminals', 'reports', 'events', 'report_rollups', 'pending_reports', 'commands'] as const;
export type TableBytes = Record<(typeof TABLES)[number] | 'database', number>;

export async function tableBytes(db: FleetDb): Promise<TableBytes> {
  const [row] = await db.query<Record<string, string | number>>(
    `SELECT pg_database_size(current_database()) AS database,
       ${TABLES.map((t) => `pg_total_relation_size('${t}') AS ${t}`).join(', ')}`,
  );
  const sizes = {} as TableBytes;
  for (const key of ['database', ...TABLES] as const) sizes[key] = Number(row?.[key] ?? 0);
  return sizes;
}

/** Approves terminals straight in the database, as if staff had approved each in the console. */
export async function seedApproved(
  db: FleetDb,
  terminals: Array<Pick<SimTerminal, 'publicKey' | 'fingerprint' | 'deviceId'>>,
  at: Date,
): Promise<void> {
  for (let start = 0; start < terminals.length; start += 500) {
    const chunk = terminals.slice(start, start + 500);
    const params: unknown[] = [at.toISOString()];
    const rows = chunk.map((t, i) => {
      params.push(t.publicKey, t.fingerprint, t.deviceId);
      const n = 2 + i * 3;
      return `($${n}, $${n + 1}, $${n + 2}, 'District hall', 'Lobby', 'approved', $1, 'bench', $1, $1)`;
    });
    await db.query(
      `INSERT INTO terminals (public_key, fingerprint, device_id, hall, place, status, status_changed_at,
         status_changed_by, first_seen, last_seen) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}

export interface PerTerminalDay {
  /** Bytes one terminal's day of reports adds (288 of them, with their indexes). */
  reports: number;
  reportBytes: number;
  eventsPerDay: number;
  eventBytes: number;
  rollupBytes: number;
  /** The terminal's own row, with its latest status. */
  terminalBytes: number;
}

/** Bytes per row of `table`, from copying its rows `copies` times (same values, new keys where needed). */
async function bytesPerCopiedRow(
  db: FleetDb,
  table: 'events' | 'report_rollups',
  copy: string,
): Promise<number> {
  const before = (await tableBytes(db))[table];
  const [added] = await db.query<{ n: number }>(
    `WITH added AS (${copy} RETURNING 1) SELECT count(*)::int AS n FROM added`,
  );
  const after = (await tableBytes(db))[table];
  return (after - before) / (added?.n ?? 1);
}

export async function measurePerTerminalDay(db: FleetDb, count = 10): Promise<PerTerminalDay> {
  const terminals = await makeSimTerminals(count);
  // Midnight in Shanghai, the simulated halls' zone: one hall day, one rollup per terminal.
  const dayStart = new Date('2026-03-01T16:00:00.000Z');
  await seedApproved(db, terminals, dayStart);
  const before = await tableBytes(db);
  let events = 0;
  for (let seq = 1; seq <= 288; seq++) {
    for (const terminal of terminals) {
      const at = new Date(dayStart.getTime() + (seq - 1) * 300_000 + terminal.index * 1000);
      const payload = simPayload(terminal, seq, at, eventsOfReport(seq, at));
      events += payload.events.length;
      const text = JSON.stringify(payload);
      const checked = checkPayload(text);
      if (!checked.ok) throw new Error(`the bench's report does not check: ${checked.reason}`);
      await db.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM terminals WHERE public_key = $1 FOR UPDATE', [terminal.publicKey]);
        await storeReport(tx, terminal.publicKey, text, checked.value, seq - 1, at);
      });
    }
  }
  const day = await tableBytes(db);
  const eventBytes = await bytesPerCopiedRow(
    db,
    'events',
    `INSERT INTO events (public_key, seq, at, kind, message, received_at)
     SELECT public_key, seq, at, kind, message, received_at FROM events, generate_series(1, 200)`,
  );
  await runRetention(db, new Date(dayStart.getTime() + 8 * DAY_MS), DEFAULT_RETENTION);
  const rollupBytes = await bytesPerCopiedRow(
    db,
    'report_rollups',
    `INSERT INTO report_rollups SELECT public_key, day - g, time_zone, reports, first_seq, last_seq, first_received,
       last_received, versions_shown, app_versions, checks, checks_failed, last_check, feed_stale_reports, refusals,
       last_refusal, max_heap_bytes, max_render_failures, max_watchdog_reloads, dropped_heartbeats, dropped_events
     FROM report_rollups, generate_series(1, 300) g`,
  );
  return {
    reports: (day.reports - before.reports) / count,
    reportBytes: (day.reports - before.reports) / (count * 288),
    eventsPerDay: events / count,
    eventBytes,
    rollupBytes,
    terminalBytes: day.terminals / count,
  };
}

/** What `terminals` terminals hold once retention has run for a while: 7 days of reports, 90 of events, 400 of rollups. */
export function steadyStateBytes(perDay: PerTerminalDay, terminals: number): number {
  const p = DEFAULT_RETENTION;
  return (
    terminals *
    (perDay.terminalBytes +
      p.keepReportsDays * perDay.reports +
      p.keepEventsDays * perDay.eventsPerDay * perDay.eventBytes +
      p.keepRollupsDays * perDay.rollupBytes)
  );
}
