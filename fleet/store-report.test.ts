/**
 * Storing a report whose outbox held many events (a terminal back after a week offline), on every
 * backend: every event stored once, in the order the terminal logged them.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from './app.ts';
import { approveTerminal } from './console-actions.ts';
import type { ReportEvent } from './protocol.ts';
import { type TestDatabase, testBackends } from './testing/backends.ts';
import { makeTestTerminal, SENT_AT } from './testing/test-terminal.ts';

const NOW = new Date('2026-03-02T09:31:00.000Z');

describe.each(testBackends())('storing a report on $name', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await backend.open();
    app = buildFleetApp({ db: database.db, now: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('a report carrying 3,000 events stores each of them once, in order', async () => {
    const terminal = await makeTestTerminal();
    const post = async (payload: unknown) =>
      (await app.inject({ method: 'POST', url: '/api/v1/reports', payload: payload as object })).statusCode;
    expect(await post(await terminal.report(1))).toBe(202);
    await approveTerminal(database.db, { fingerprint: terminal.fingerprint, by: 'wang.li', now: NOW });
    const events: ReportEvent[] = Array.from({ length: 3000 }, (_, i) => ({
      at: SENT_AT,
      kind: i % 10 === 0 ? 'error' : 'info',
      message: `entry ${i}`,
    }));
    expect(await post(await terminal.report(2, { events }))).toBe(200);
    const stored = await database.db.query<{ message: string; kind: string }>(
      'SELECT message, kind FROM events WHERE public_key = $1 AND seq = 2 ORDER BY id',
      [terminal.publicKey],
    );
    expect(stored.map((row) => row.message)).toEqual(events.map((event) => event.message));
    expect(stored.filter((row) => row.kind === 'error')).toHaveLength(300);
  });
});
