/**
 * The bench's fleet console rows: the terminals list of 10,000 terminals, filtered and searched, as
 * staff load it (signed in, through the whole Fastify stack with app.inject, page rendered), on PGlite
 * and, when a URL is given, on a PostgreSQL server (in a throwaway schema). Target: under 100 ms.
 * `fleetConsoleBench()` returns rows for e2e/bench/run.ts; `npx tsx e2e/bench/fleet-console.ts`
 * prints them alone (env FLEET_TEST_DATABASE_URL for PostgreSQL).
 */
import { loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildFleetApp } from '../../fleet/app.ts';
import { addStaff } from '../../fleet/console/staff.ts';
import type { FleetDb } from '../../fleet/db.ts';
import type { TerminalStatus } from '../../fleet/protocol.ts';
import { testBackends } from '../../fleet/testing/backends.ts';
import { percentile } from './stats.ts';

type Row = [measure: string, value: string, how: string];
const TERMINALS = 10_000;
const RUNS = 30;
const NOW = new Date('2026-03-02T02:00:00.000Z');
const PASSWORD = 'bench password, not a real one';
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

const WEEKLY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-12:00', '13:30-17:30']]),
);
const EXCEPTIONS = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
  ...(i % 3 ? { hours: ['09:00-12:00'] } : { closed: true }),
}));

/** A mix like a real fleet: most healthy, some stale, refusing, silent, behind; 20 halls. */
function statusOf(i: number): TerminalStatus {
  const v1 = { version: 20260301120000, publishedAt: '2026-03-01T12:00:00.000Z' };
  const v2 = { version: 20260302010000, publishedAt: '2026-03-02T01:00:00.000Z' };
  const behind = i % 10 === 3;
  return {
    appVersion: '0.1.0',
    mode: 'interactive',
    modeSource: 'default',
    hall: { id: `hall-${i % 20}`, channel: 'stable' },
    feedLatest: v2,
    hours: { weekly: WEEKLY, exceptions: EXCEPTIONS },
    content: { showing: behind ? v1 : v2 },
    lastCheck: '2026-03-02T01:58:00.000Z',
    lastSuccess: '2026-03-02T01:58:00.000Z',
    feedStale: i % 50 === 7,
    ...(behind && i % 20 === 3
      ? { lastRefusal: { at: '2026-03-02T01:10:00.000Z', message: 'guide.json: hash mismatch' } }
      : {}),
    clock: {
      now: NOW.toISOString(),
      timeZone: 'Asia/Shanghai',
      hallTimeZone: 'Asia/Shanghai',
      suspicious: false,
    },
    heapBytes: 120 * 2 ** 20,
    renderFailures: 0,
    watchdogReloads: 0,
  };
}

async function fill(db: FleetDb): Promise<void> {
  const batch = 500;
  for (let start = 0; start < TERMINALS; start += batch) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = start; i < Math.min(TERMINALS, start + batch); i += 1) {
      const hex = i.toString(16).padStart(8, '0');
      const pending = i % 500 === 1;
      // Reports spread over the 5-minute heartbeat, as a fleet sends them; 1 in 40 silent for an hour.
      const lastSeen = new Date(NOW.getTime() - (i % 40 === 9 ? 3_600_000 : 1000 * (i % 300))).toISOString();
      const n = params.length;
      values.push(
        `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 7}, $${n + 8}, $${n + 9}::jsonb)`,
      );
      params.push(
        `bench-key-${hex}`,
        `${hex}-00000000-00000000-00000000`,
        `t-${hex}`,
        pending ? null : `Hall ${i % 20}`,
        pending ? null : `Place ${i % 37}`,
        pending ? 'pending' : 'approved',
        lastSeen,
        lastSeen,
        pending ? null : JSON.stringify(statusOf(i)),
      );
    }
    await db.query(
      `INSERT INTO terminals (public_key, fingerprint, device_id, hall, place, status, first_seen, last_seen, latest_sent_at, latest_status)
       VALUES ${values.join(', ')}`,
      params,
    );
  }
}

async function timeRequests(app: FastifyInstance, cookie: string, url: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { host: 'bench', cookie } });
    samples.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
  }
  return samples;
}

export async function fleetConsoleBench(databaseUrl = process.env.FLEET_TEST_DATABASE_URL): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of testBackends(databaseUrl ? { FLEET_TEST_DATABASE_URL: databaseUrl } : {})) {
    step(`fleet console: ${TERMINALS} terminals on ${backend.name}`);
    const database = await backend.open();
    const app = buildFleetApp({ db: database.db, now: () => NOW });
    try {
      await fill(database.db);
      await addStaff(database.db, 'bench', PASSWORD, NOW);
      const signedIn = await app.inject({
        method: 'POST',
        url: '/console/login',
        headers: {
          host: 'bench',
          origin: 'http://bench',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ name: 'bench', password: PASSWORD }).toString(),
      });
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      for (const [what, url] of [
        ['first page', '/console/'],
        ['filtered + searched', '/console/?state=refusing&q=hall-3'],
        ['searched, page 3', '/console/?q=place+1&page=3'],
        ['update progress', '/console/progress'],
      ] as const) {
        await timeRequests(app, cookie, url); // warm-up
        const samples = await timeRequests(app, cookie, url);
        rows.push([
          `console list, ${what} (${backend.name})`,
          `p50 ${percentile(samples, 50).toFixed(0)} ms, p99 ${percentile(samples, 99).toFixed(0)} ms`,
          `GET ${url}, ${TERMINALS} terminals, ${RUNS} requests signed in, HTML rendered, load average ${loadavg()[0]!.toFixed(1)} (target < 100 ms)`,
        ]);
      }
    } finally {
      await app.close();
      await database.close();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [measure, value, how] of await fleetConsoleBench()) console.log(`${measure}\t${value}\t${how}`);
}
