/**
 * Retention as staff and terminals meet it, on every backend of testBackends(), with a fixed clock:
 * what a run rolls up and deletes at each window's edge, the pending cap, exactly-once after pruning,
 * and a second run that prunes nothing more. Each test makes its own terminals, so tests share one
 * database; each run of retention is asked at a time later than the one before.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from './app.ts';
import { approveTerminal, giveCommand } from './console-actions.ts';
import type { FleetDb } from './db.ts';
import type { ReportEnvelope, ReportPayload } from './protocol.ts';
import {
  DEFAULT_RETENTION,
  PENDING_REPORTS_PER_KEY,
  retentionPolicyFrom,
  runRetention,
  startRetention,
} from './retention.ts';
import { type TestDatabase, testBackends } from './testing/backends.ts';
import { makeTestTerminal, type TestTerminal, testCatalogue, testRating } from './testing/test-terminal.ts';

const DAY = 86_400_000;
/** 20:00 in Shanghai on 20 March 2026. */
const NOW = new Date('2026-03-20T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const version = (n: number) => ({ version: n, publishedAt: '2026-03-01T12:00:00.000Z' });

describe.each(testBackends())('retention on $name', (backend) => {
  let database: TestDatabase;
  let db: FleetDb;
  let app: FastifyInstance;
  let clock = NOW;

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    app = buildFleetApp({ db, now: () => clock });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Sends a report as received at `at`. */
  const post = async (at: Date, body: ReportEnvelope) => {
    clock = at;
    const response = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: body });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  const seqs = async (table: string, terminal: TestTerminal) =>
    (
      await db.query<{ seq: string | number }>(
        `SELECT seq FROM ${table} WHERE public_key = $1 ORDER BY seq`,
        [terminal.publicKey],
      )
    ).map((row) => Number(row.seq));
  const rollups = (terminal: TestTerminal) =>
    db.query(
      `SELECT day::text AS day, time_zone, reports, first_seq::int AS first_seq, last_seq::int AS last_seq,
         versions_shown, app_versions, checks, checks_failed, feed_stale_reports, refusals, last_refusal,
         max_heap_bytes::int AS max_heap_bytes, dropped_heartbeats
       FROM report_rollups WHERE public_key = $1 ORDER BY day`,
      [terminal.publicKey],
    );
  /** A terminal approved in the North hall whose first report arrived at `at`. */
  const approvedAt = async (at: Date, first?: Partial<ReportPayload>) => {
    const terminal = await makeTestTerminal();
    expect((await post(at, await terminal.report(1, first))).status).toBe(202);
    await approveTerminal(db, {
      fingerprint: terminal.fingerprint,
      hall: 'North hall',
      by: 'wang.li',
      now: at,
    });
    return terminal;
  };
  /** A heartbeat's status changes: what it shows, its last check and whether it succeeded, its heap. */
  const beat = (
    terminal: TestTerminal,
    seq: number,
    o: { showing: number; check: string; ok: boolean; heap: number },
  ) => {
    const base = terminal.payload(seq).status;
    return terminal.report(seq, {
      status: {
        ...base,
        content: { showing: version(o.showing) },
        lastCheck: o.check,
        lastSuccess: o.ok ? o.check : '2026-03-01T00:00:00.000Z',
        heapBytes: o.heap,
      },
    });
  };

  it('rolls reports older than 7 days into one row per hall day and deletes them; newer reports stay', async () => {
    // Hall days in Shanghai (UTC+8): 11 March 17:00Z is already 12 March there.
    const terminal = await approvedAt(new Date('2026-03-11T01:00:00.000Z'));
    await post(
      new Date('2026-03-11T01:05:00.000Z'),
      await beat(terminal, 2, { showing: 5, check: '2026-03-11T01:04:00.000Z', ok: true, heap: 40 }),
    );
    await post(
      new Date('2026-03-11T01:10:00.000Z'),
      await beat(terminal, 3, { showing: 5, check: '2026-03-11T01:04:00.000Z', ok: true, heap: 90 }),
    );
    await post(
      new Date('2026-03-11T01:15:00.000Z'),
      await beat(terminal, 4, { showing: 6, check: '2026-03-11T01:14:00.000Z', ok: false, heap: 60 }),
    );
    await post(
      new Date('2026-03-11T17:00:00.000Z'),
      await beat(terminal, 5, { showing: 6, check: '2026-03-11T16:59:00.000Z', ok: true, heap: 10 }),
    );
    // Just past the 7-day window, and just inside it.
    await post(
      ago(7 * DAY + 60_000),
      await beat(terminal, 6, { showing: 6, check: '2026-03-13T11:58:00.000Z', ok: true, heap: 10 }),
    );
    await post(
      ago(7 * DAY - 60_000),
      await beat(terminal, 7, { showing: 6, check: '2026-03-13T12:00:00.000Z', ok: true, heap: 10 }),
    );
    await post(ago(DAY), await terminal.report(8));

    // Small batches, so one day's rollup is merged across several batches.
    const pruned = await runRetention(db, NOW, { ...DEFAULT_RETENTION, batchSize: 2 });
    expect(pruned.reports).toBeGreaterThanOrEqual(6);
    expect(await seqs('reports', terminal)).toEqual([7, 8]);
    // Events are kept 90 days: every one is still there.
    expect(await seqs('events', terminal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const common = {
      time_zone: 'Asia/Shanghai',
      app_versions: ['0.1.0'],
      feed_stale_reports: 0,
      refusals: 0,
      last_refusal: null,
      dropped_heartbeats: 0,
    };
    expect(await rollups(terminal)).toEqual([
      // seq 1 checked at 09:30Z in the test terminal's status; 2 and 3 saw one check, 4 a failed one.
      {
        ...common,
        day: '2026-03-11',
        reports: 4,
        first_seq: 1,
        last_seq: 4,
        versions_shown: [20260301120000, 5, 6],
        checks: 3,
        checks_failed: 1,
        max_heap_bytes: 90,
      },
      {
        ...common,
        day: '2026-03-12',
        reports: 1,
        first_seq: 5,
        last_seq: 5,
        versions_shown: [6],
        checks: 1,
        checks_failed: 0,
        max_heap_bytes: 10,
      },
      {
        ...common,
        day: '2026-03-13',
        reports: 1,
        first_seq: 6,
        last_seq: 6,
        versions_shown: [6],
        checks: 1,
        checks_failed: 0,
        max_heap_bytes: 10,
      },
    ]);
    const [terminalRow] = await db.query<{ last_seq: string | number }>(
      'SELECT last_seq FROM terminals WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(Number(terminalRow?.last_seq)).toBe(8);
  });

  it('a later run merges the rest of a day into its rollup, and a second run at the same time prunes nothing more', async () => {
    const terminal = await approvedAt(ago(8 * DAY));
    // 13 March in Shanghai: 02:00Z and 06:00Z; the window's edge passes between them (a run at NOW
    // takes the first, a run 4 hours later the second).
    const [at1, at2] = [new Date('2026-03-13T02:00:00.000Z'), new Date('2026-03-13T06:00:00.000Z')];
    await post(
      at1,
      await beat(terminal, 2, { showing: 7, check: '2026-03-13T01:59:00.000Z', ok: true, heap: 50 }),
    );
    await post(
      at2,
      await beat(terminal, 3, { showing: 8, check: '2026-03-13T01:59:00.000Z', ok: true, heap: 70 }),
    );
    const later = new Date(NOW.getTime() + 8 * 3_600_000);
    await runRetention(db, new Date('2026-03-20T04:00:00.000Z'));
    expect(await seqs('reports', terminal)).toEqual([3]);
    await runRetention(db, later);
    expect(await seqs('reports', terminal)).toEqual([]);
    const [day13] = (await rollups(terminal)).filter((row) => row.day === '2026-03-13');
    // Two reports, one check between them (the same lastCheck counted once across the two runs).
    expect(day13).toMatchObject({
      reports: 2,
      first_seq: 2,
      last_seq: 3,
      versions_shown: [7, 8],
      checks: 1,
      max_heap_bytes: 70,
    });

    const everything = async () => ({
      reports: await db.query('SELECT public_key, seq FROM reports ORDER BY public_key, seq'),
      events: await db.query('SELECT id FROM events ORDER BY id'),
      rollups: await db.query('SELECT * FROM report_rollups ORDER BY public_key, day'),
      pending: await db.query('SELECT public_key, seq FROM pending_reports ORDER BY public_key, seq'),
      commands: await db.query('SELECT id FROM commands ORDER BY id'),
      terminals: await db.query('SELECT public_key, last_seq FROM terminals ORDER BY public_key'),
    });
    const once = await everything();
    expect(await runRetention(db, later)).toEqual({
      reports: 0,
      rollupDays: 0,
      events: 0,
      commands: 0,
      pendingTerminals: 0,
      pendingReports: 0,
      rollups: 0,
      sessions: 0,
      loginAttempts: 0,
    });
    expect(await everything()).toEqual(once);
  });

  it('a resend of a pruned report is 409 with the last seq as ack (done for the terminal), and is not stored again', async () => {
    const terminal = await approvedAt(ago(10 * DAY));
    const second = await terminal.report(2);
    expect((await post(ago(10 * DAY - 60_000), second)).status).toBe(200);
    await runRetention(db, NOW);
    expect(await seqs('reports', terminal)).toEqual([]);

    for (const resend of [await terminal.report(1), second]) {
      const answer = await post(NOW, resend);
      expect(answer.status).toBe(409);
      expect(answer.body.ack).toBe(2);
    }
    expect(await seqs('reports', terminal)).toEqual([]);
    expect(await seqs('events', terminal)).toEqual([1, 2]);
    expect((await post(NOW, await terminal.report(3))).body).toEqual({
      ack: 3,
      duplicate: false,
      commands: [],
    });
  });

  it('events are kept 90 days from when they arrived; rollups 400 days', async () => {
    const terminal = await approvedAt(ago(90 * DAY + 60_000));
    await post(ago(90 * DAY - 60_000), await terminal.report(2));
    await runRetention(db, NOW);
    expect(await seqs('events', terminal)).toEqual([2]);
    expect((await rollups(terminal)).map((row) => row.reports)).toEqual([2]);
    await runRetention(db, new Date(NOW.getTime() + 400 * DAY));
    expect(await rollups(terminal)).toEqual([]);
  });

  it(`an unapproved key keeps its newest ${PENDING_REPORTS_PER_KEY} reports and counts the ones it dropped`, async () => {
    const terminal = await makeTestTerminal();
    const extra = 5;
    for (let seq = 1; seq <= PENDING_REPORTS_PER_KEY + extra; seq++) {
      expect((await post(NOW, await terminal.report(seq))).status).toBe(202);
    }
    const kept = await seqs('pending_reports', terminal);
    expect(kept).toHaveLength(PENDING_REPORTS_PER_KEY);
    expect(kept[0]).toBe(extra + 1);
    const [row] = await db.query<{ pending_dropped: string | number }>(
      'SELECT pending_dropped FROM terminals WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(Number(row?.pending_dropped)).toBe(extra);
    // A dropped one sent again is not kept again: 409 with the highest as ack, which the terminal treats as done.
    const resend = await post(NOW, await terminal.report(1));
    expect(resend.status).toBe(409);
    expect(resend.body.ack).toBe(PENDING_REPORTS_PER_KEY + extra);
    expect(await approveTerminal(db, { fingerprint: terminal.fingerprint, by: 'wang.li', now: NOW })).toEqual(
      { ok: true, value: { moved: PENDING_REPORTS_PER_KEY } },
    );
  }, 60_000);

  it('a key never approved is forgotten 30 days after its last report; approved terminals and newer pending ones stay', async () => {
    const forgotten = await makeTestTerminal();
    await post(ago(30 * DAY + 60_000), await forgotten.report(1));
    await giveCommand(db, {
      fingerprint: forgotten.fingerprint,
      kind: 'reload',
      by: 'wang.li',
      now: ago(31 * DAY),
    });
    const recent = await makeTestTerminal();
    await post(ago(30 * DAY - 60_000), await recent.report(1));
    const quiet = await approvedAt(ago(60 * DAY));

    const pruned = await runRetention(db, NOW);
    expect(pruned.pendingTerminals).toBeGreaterThanOrEqual(1);
    const known = async (terminal: TestTerminal) =>
      (await db.query('SELECT 1 FROM terminals WHERE public_key = $1', [terminal.publicKey])).length === 1;
    expect([await known(forgotten), await known(recent), await known(quiet)]).toEqual([false, true, true]);
    expect(await seqs('pending_reports', forgotten)).toEqual([]);
    // It reports again: listed as pending anew.
    expect((await post(NOW, await forgotten.report(2))).status).toBe(202);
  });

  it('ratings, their cases and refusals and the catalogues are kept for ever; the reports that carried them roll up as any', async () => {
    const received = ago(500 * DAY);
    const terminal = await approvedAt(received);
    const catalogue = testCatalogue({ version: 20241101000000 });
    const poor = testRating({
      contentVersion: catalogue.version,
      level: 1,
      reasons: ['waiting'],
      at: ago(500 * DAY + 60_000).toISOString(),
    });
    const refused = testRating({ contentVersion: catalogue.version, service: 'fishing-licence' });
    const answer = await post(
      received,
      await terminal.report(2, { ratings: [poor, refused], catalogues: [catalogue] }),
    );
    expect(answer.body.ratings).toMatchObject({ stored: 1, refused: [{ id: refused.id }] });
    const kept = async () => ({
      ratings: (await db.query('SELECT 1 FROM ratings WHERE public_key = $1', [terminal.publicKey])).length,
      cases: (await db.query('SELECT 1 FROM rating_cases WHERE public_key = $1', [terminal.publicKey]))
        .length,
      refusals: (await db.query('SELECT 1 FROM rating_refusals WHERE public_key = $1', [terminal.publicKey]))
        .length,
      catalogues: (await db.query('SELECT 1 FROM catalogues WHERE version = $1', [catalogue.version])).length,
    });
    expect(await kept()).toEqual({ ratings: 1, cases: 1, refusals: 1, catalogues: 1 });
    const pruned = await runRetention(db, NOW);
    expect(pruned.reports).toBeGreaterThanOrEqual(2);
    expect(await seqs('reports', terminal)).toEqual([]);
    expect(await kept()).toEqual({ ratings: 1, cases: 1, refusals: 1, catalogues: 1 });

    // Were a key with ratings ever pending and quiet (approval stores them, so it cannot be), it stays.
    await db.query("UPDATE terminals SET status = 'pending' WHERE public_key = $1", [terminal.publicKey]);
    await runRetention(db, NOW);
    expect(
      await db.query('SELECT 1 FROM terminals WHERE public_key = $1', [terminal.publicKey]),
    ).toHaveLength(1);
    expect(await kept()).toEqual({ ratings: 1, cases: 1, refusals: 1, catalogues: 1 });
  });

  it('commands done or delivered more than 90 days ago are deleted; newer and undelivered ones stay', async () => {
    const terminal = await approvedAt(ago(100 * DAY));
    const give = async (at: Date) => {
      const given = await giveCommand(db, {
        fingerprint: terminal.fingerprint,
        kind: 'sync-now',
        by: 'wang.li',
        now: at,
      });
      if (!given.ok) throw new Error(given.reason);
      return given.value.id;
    };
    const old = await give(ago(100 * DAY));
    await post(ago(91 * DAY), await terminal.report(2)); // delivers old
    await post(ago(91 * DAY - 60_000), await terminal.report(3)); // old done 91 days ago
    const recent = await give(ago(90 * DAY));
    await post(ago(89 * DAY), await terminal.report(4)); // delivers recent
    // Given 95 days ago, but no report has come since: still waiting to be delivered.
    const waiting = await give(ago(95 * DAY));
    await runRetention(db, NOW);
    const ids = (
      await db.query<{ id: string }>('SELECT id FROM commands WHERE public_key = $1', [terminal.publicKey])
    ).map((row) => row.id);
    expect(ids.sort()).toEqual([recent, waiting].sort());
    expect(ids).not.toContain(old);
  });

  it('console sessions over their time or idle are deleted, and sign-in attempts after 90 days', async () => {
    await db.query(
      `INSERT INTO staff (name, password_hash, created_at, password_set_at) VALUES ('retention.test', 'x', $1, $1)`,
      [ago(200 * DAY).toISOString()],
    );
    const session = (token: string, lastUsed: Date, expires: Date) =>
      db.query(
        `INSERT INTO staff_sessions (token_hash, staff_name, csrf_token, created_at, last_used_at, expires_at)
         VALUES ($1, 'retention.test', 'c', $2, $2, $3)`,
        [token, lastUsed.toISOString(), expires.toISOString()],
      );
    await session('expired', ago(DAY), ago(DAY - 3_600_000));
    await session('idle', ago(31 * 60_000), new Date(NOW.getTime() + 3_600_000));
    await session('in-use', ago(60_000), new Date(NOW.getTime() + 3_600_000));
    const attempt = (at: Date) =>
      db.query(
        `INSERT INTO login_attempts (name, ip, at, succeeded) VALUES ('retention.test', '::1', $1, false)`,
        [at.toISOString()],
      );
    await attempt(ago(91 * DAY));
    await attempt(ago(89 * DAY));
    const pruned = await runRetention(db, NOW);
    expect(pruned).toMatchObject({ sessions: 2, loginAttempts: 1 });
    const left = await db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
    expect(left.map((row) => row.token_hash)).toEqual(['in-use']);
    const attempts = await db.query('SELECT 1 FROM login_attempts WHERE name = $1', ['retention.test']);
    expect(attempts).toHaveLength(1);
  });

  it('the periodic job runs at once, logs what it pruned, and stops after the run under way', async () => {
    const terminal = await approvedAt(ago(9 * DAY));
    const lines: string[] = [];
    const job = startRetention({ db, now: () => NOW, log: (line) => lines.push(line), everyMs: 3_600_000 });
    await job.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fleet retention: rolled up 1 reports into 1 terminal-days, deleted 0 events/);
    expect(await seqs('reports', terminal)).toEqual([]);
  });
});

describe('the retention options of npm run fleet', () => {
  it('default to 7 and 90 days, take other whole days, and name a wrong value', () => {
    expect(retentionPolicyFrom({})).toEqual({ ok: true, value: DEFAULT_RETENTION });
    expect(retentionPolicyFrom({ 'keep-reports-days': '2', 'keep-events-days': '30' })).toEqual({
      ok: true,
      value: { ...DEFAULT_RETENTION, keepReportsDays: 2, keepEventsDays: 30 },
    });
    expect(retentionPolicyFrom({ 'keep-events-days': '0.5' })).toEqual({
      ok: false,
      reason: '--keep-events-days should be a whole number of days, 1 or more, not "0.5"',
    });
  });
});
