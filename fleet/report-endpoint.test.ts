/**
 * POST /api/v1/reports as terminals and staff meet it, against every backend of testBackends():
 * PGlite always, PostgreSQL when FLEET_TEST_DATABASE_URL is set (and failing under CI when it is not).
 * Each test makes its own terminal (its own key), so tests share one database without sharing rows.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from './app.ts';
import { approveTerminal, giveCommand, revokeTerminal } from './console-actions.ts';
import type { FleetDb } from './db.ts';
import { migrate, migrationFiles } from './migrate.ts';
import { MAX_REPORT_BYTES, type ReportEnvelope } from './protocol.ts';
import { type TestDatabase, testBackends } from './testing/backends.ts';
import { makeTestTerminal, type TestTerminal } from './testing/test-terminal.ts';

const NOW = new Date('2026-03-02T09:31:00.000Z');
const STAFF = { by: 'wang.li', now: NOW };

describe.each(testBackends())('the report endpoint on $name', (backend) => {
  let database: TestDatabase;
  let db: FleetDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    app = buildFleetApp({ db, now: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = async (body: ReportEnvelope | string, contentType = 'application/json') => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': contentType },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  const count = async (table: string, terminal: TestTerminal) => {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE public_key = $1`,
      [terminal.publicKey],
    );
    return row?.n;
  };
  /** Staff approve a terminal in the North hall lobby. */
  const approve = (terminal: { fingerprint: string }) =>
    approveTerminal(db, { fingerprint: terminal.fingerprint, hall: 'North hall', place: 'Lobby', ...STAFF });
  const approved = async () => {
    const terminal = await makeTestTerminal();
    await post(await terminal.report(1));
    expect(await approve(terminal)).toMatchObject({ ok: true });
    return terminal;
  };

  it('migrations are recorded and a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ name: string }>('SELECT name FROM fleet_migrations ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(migrationFiles());
  });

  it('a signed report from an unknown key is 202 pending, kept apart, and the terminal is listed as pending', async () => {
    const terminal = await makeTestTerminal('lobby-7');
    expect(await post(await terminal.report(1))).toEqual({
      status: 202,
      body: { ack: 1, pending: true, commands: [] },
    });
    expect(await count('pending_reports', terminal)).toBe(1);
    // Pending reports follow the same exactly-once rule: a resend is kept once, a rewrite is refused.
    expect((await post(await terminal.report(1))).status).toBe(202);
    expect(await count('pending_reports', terminal)).toBe(1);
    expect((await post(await terminal.report(1, { sentAt: '2026-03-02T10:00:00.000Z' }))).status).toBe(409);
    expect(await count('reports', terminal)).toBe(0);
    expect(await count('events', terminal)).toBe(0);
    const [row] = await db.query(
      'SELECT status, fingerprint, device_id FROM terminals WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(row).toEqual({ status: 'pending', fingerprint: terminal.fingerprint, device_id: 'lobby-7' });
  });

  it('approval moves the pending reports in, and the next report is 200 and stored with its status and events', async () => {
    const terminal = await makeTestTerminal();
    await post(await terminal.report(1));
    await post(await terminal.report(2));
    expect(await approve(terminal)).toEqual({
      ok: true,
      value: { moved: 2 },
    });
    expect(await count('pending_reports', terminal)).toBe(0);

    const third = await terminal.report(3, { status: { ...terminal.payload(3).status, mode: 'attract' } });
    expect(await post(third)).toEqual({ status: 200, body: { ack: 3, duplicate: false, commands: [] } });
    expect(await count('reports', terminal)).toBe(3);
    expect(await count('events', terminal)).toBe(3);
    const [row] = await db.query<{
      last_seq: string | number;
      latest_status: { mode: string };
      hall: string;
    }>('SELECT last_seq, latest_status, hall FROM terminals WHERE public_key = $1', [terminal.publicKey]);
    expect(Number(row?.last_seq)).toBe(3);
    expect(row?.latest_status.mode).toBe('attract');
    expect(row?.hall).toBe('North hall');
  });

  it('a revoked key is 403 and nothing more is stored; it cannot be approved again', async () => {
    const terminal = await approved();
    expect(await revokeTerminal(db, { fingerprint: terminal.fingerprint, ...STAFF })).toEqual({
      ok: true,
      value: null,
    });
    const answer = await post(await terminal.report(2));
    expect(answer.status).toBe(403);
    expect(answer.body.error).toContain('revoked');
    expect(await count('reports', terminal)).toBe(1);
    const again = await approveTerminal(db, { fingerprint: terminal.fingerprint, ...STAFF });
    expect(again.ok).toBe(false);
  });

  it('an unsigned or wrongly signed report is 401 and nothing is stored, not even the terminal', async () => {
    const terminal = await makeTestTerminal();
    const good = await terminal.report(1);
    const other = await makeTestTerminal();
    const cases: ReportEnvelope[] = [
      { ...good, signature: btoa('\0'.repeat(64)) },
      { ...good, signature: (await other.report(1)).signature },
      { ...good, payload: good.payload.replace('"seq":1', '"seq":2') },
    ];
    for (const body of cases) {
      const answer = await post(body);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toContain('signature does not verify');
    }
    expect(await db.query('SELECT 1 FROM terminals WHERE public_key = $1', [terminal.publicKey])).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"publicKey": ', 'the body is not JSON'],
    ['a JSON array', '[]', 'the body should be a JSON object'],
    ['a missing field', '{"publicKey":"AA==","payload":"{}"}', 'body.signature: is missing'],
    ['bad base64', '{"publicKey":"%%%","payload":"{}","signature":"AA=="}', 'publicKey is not base64'],
    [
      'a key of the wrong size',
      '{"publicKey":"AAAA","payload":"{}","signature":"AA=="}',
      'publicKey should be 32 bytes',
    ],
  ])('%s is 400 naming what is wrong', async (_case, body, words) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(words);
  });

  it('a signed payload of the wrong shape is 400 naming the field, and nothing is stored', async () => {
    const terminal = await makeTestTerminal();
    const answer = await post(await terminal.sign(JSON.stringify({ ...terminal.payload(1), seq: 0 })));
    expect(answer).toEqual({ status: 400, body: { error: 'payload.seq: should be 1 or more' } });
    const notJson = await post(await terminal.sign('{"v":1,'));
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toContain('payload is not JSON');
    expect(await db.query('SELECT 1 FROM terminals WHERE public_key = $1', [terminal.publicKey])).toEqual([]);
  });

  it('another content type is 400 asking for application/json', async () => {
    const answer = await post('hello', 'text/csv');
    expect(answer).toEqual({
      status: 400,
      body: { error: 'a report is sent with Content-Type: application/json' },
    });
  });

  it('a body over 256 KiB is 413, and a report just under it is accepted', async () => {
    const terminal = await approved();
    const big = (size: number) =>
      terminal.report(2, {
        events: [{ at: '2026-03-02T09:30:00.000Z', kind: 'info', message: 'x'.repeat(size) }],
      });
    const over = await big(MAX_REPORT_BYTES);
    const answer = await post(over);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toContain(`over ${MAX_REPORT_BYTES} bytes`);
    const fits = await big(MAX_REPORT_BYTES - 2000);
    expect(JSON.stringify(fits).length).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect((await post(fits)).status).toBe(200);
  });

  it('an exact resend is 200 duplicate and stored once; an old seq with another payload is 409 with the highest seq', async () => {
    const terminal = await approved();
    const second = await terminal.report(2);
    expect((await post(second)).body).toEqual({ ack: 2, duplicate: false, commands: [] });
    expect(await post(second)).toEqual({ status: 200, body: { ack: 2, duplicate: true, commands: [] } });
    expect(await count('reports', terminal)).toBe(2);
    expect(await count('events', terminal)).toBe(2);

    await post(await terminal.report(3));
    const replay = await post(await terminal.report(2, { sentAt: '2026-03-02T10:00:00.000Z' }));
    expect(replay.status).toBe(409);
    expect(replay.body.ack).toBe(3);
    const reset = await post(await terminal.report(1, { sentAt: '2026-03-02T11:00:00.000Z' }));
    expect(reset.status).toBe(409);
    expect(reset.body.ack).toBe(3);
    expect(await count('reports', terminal)).toBe(3);

    // A gap is fine (the outbox dropped reports), but a seq below the highest is never stored after it.
    expect((await post(await terminal.report(6))).status).toBe(200);
    const belowGap = await post(await terminal.report(5));
    expect(belowGap.status).toBe(409);
    expect(belowGap.body.ack).toBe(6);
    expect(await count('reports', terminal)).toBe(4);
  });

  it('copies of one report sent at once are stored once, and all acknowledged', async () => {
    const terminal = await approved();
    const report = await terminal.report(2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(report)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.body.duplicate === false)).toHaveLength(1);
    expect(await count('reports', terminal)).toBe(2);
  });

  it('a given command is delivered in the next answer once, again on a resend of that report, and done after', async () => {
    const terminal = await approved();
    const given = await giveCommand(db, {
      fingerprint: terminal.fingerprint,
      kind: 'set-mode',
      mode: 'attract',
      ...STAFF,
    });
    if (!given.ok) throw new Error(given.reason);
    expect(given.value).toMatchObject({ kind: 'set-mode', mode: 'attract' });
    const sync = await giveCommand(db, { fingerprint: terminal.fingerprint, kind: 'sync-now', ...STAFF });
    if (!sync.ok) throw new Error(sync.reason);

    const second = await terminal.report(2);
    expect((await post(second)).body.commands).toEqual(
      [given.value, sync.value].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // The answer was lost: the resend carries the same commands, and nothing new.
    expect((await post(second)).body.commands).toHaveLength(2);
    expect((await post(await terminal.report(3))).body.commands).toEqual([]);
    const done = await db.query(
      'SELECT done_at FROM commands WHERE public_key = $1 AND done_at IS NOT NULL',
      [terminal.publicKey],
    );
    expect(done).toHaveLength(2);
  });

  it('a command given while the terminal is pending is delivered in the first answer after approval', async () => {
    const terminal = await makeTestTerminal();
    await post(await terminal.report(1));
    const given = await giveCommand(db, { fingerprint: terminal.fingerprint, kind: 'reload', ...STAFF });
    if (!given.ok) throw new Error(given.reason);
    expect((await post(await terminal.report(2))).body.commands).toEqual([]);
    await approveTerminal(db, { fingerprint: terminal.fingerprint, ...STAFF });
    expect((await post(await terminal.report(3))).body.commands).toEqual([given.value]);
  });

  it('the same key spelt in another base64 is the same terminal', async () => {
    const terminal = await approved();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    // 32 bytes leave 2 unused bits in the last base64 digit: setting them spells the same bytes.
    const last = terminal.publicKey.at(-2) ?? 'A';
    const respelt = `${terminal.publicKey.slice(0, -2)}${alphabet[alphabet.indexOf(last) | 3]}=`;
    expect(respelt).not.toBe(terminal.publicKey);
    const answer = await post({ ...(await terminal.report(2)), publicKey: respelt });
    expect(answer).toEqual({ status: 200, body: { ack: 2, duplicate: false, commands: [] } });
    expect(await count('reports', terminal)).toBe(2);
  });

  it('commands are refused with a reason for an unknown terminal or a set-mode without a mode', async () => {
    expect(
      await giveCommand(db, { fingerprint: '00000000-00000000-00000000-00000000', kind: 'reload', ...STAFF }),
    ).toEqual({
      ok: false,
      reason: 'no terminal has reported with fingerprint 00000000-00000000-00000000-00000000',
    });
    const terminal = await approved();
    const noMode = await giveCommand(db, { fingerprint: terminal.fingerprint, kind: 'set-mode', ...STAFF });
    expect(noMode.ok).toBe(false);
  });

  it('a database failure is a 500 naming the request id, logged with it, and the server goes on', async () => {
    const lines: string[] = [];
    const broken: FleetDb = {
      ...db,
      transaction: () => Promise.reject(new Error('connection reset')),
    };
    const failing = buildFleetApp({
      db: broken,
      now: () => NOW,
      logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } },
    });
    const terminal = await makeTestTerminal();
    const inject = async () =>
      failing.inject({ method: 'POST', url: '/api/v1/reports', payload: await terminal.report(1) });
    const answer = await inject();
    expect(answer.statusCode).toBe(500);
    const id = String(answer.json().error).match(/request id ([^)]+)\)/)?.[1];
    expect(id).toBeTruthy();
    expect(lines.some((line) => line.includes(`"reqId":"${id}"`) && line.includes('connection reset'))).toBe(
      true,
    );
    expect((await inject()).statusCode).toBe(500);
    expect((await failing.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({
      ok: true,
      database: db.kind,
    });
    await failing.close();

    const gone = buildFleetApp({ db: { ...db, query: () => Promise.reject(new Error('server closed')) } });
    const health = await gone.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ ok: false, error: 'the database does not answer: server closed' });
    await gone.close();
  });

  it('over real HTTP: health, then a report answered as over inject', async () => {
    const server = buildFleetApp({ db, now: () => NOW });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const health = await fetch(`${address}/api/v1/health`);
      expect(await health.json()).toEqual({ ok: true, database: db.kind });
      const terminal = await makeTestTerminal();
      const send = async (seq: number) =>
        fetch(`${address}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(await terminal.report(seq)),
        });
      const first = await send(1);
      expect(first.status).toBe(202);
      expect(await first.json()).toEqual({ ack: 1, pending: true, commands: [] });
      await approveTerminal(db, { fingerprint: terminal.fingerprint, ...STAFF });
      const second = await send(2);
      expect(second.status).toBe(200);
      expect(await second.json()).toEqual({ ack: 2, duplicate: false, commands: [] });
      const tooBig = await fetch(`${address}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(MAX_REPORT_BYTES + 1),
      });
      expect(tooBig.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
