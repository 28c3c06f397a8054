/**
 * The bench's fleet rows: 10,000 simulated terminals against `tsx fleet/server.ts`, on PGlite and on a
 * throwaway PostgreSQL (when Debian's server is installed): heartbeats at the real rate, the most reports
 * per second the service sustains, all terminals reconnecting within a minute after an outage, the
 * service's CPU, the database's bytes, and the bytes one terminal adds per day.
 *
 * `fleetBench()` returns rows for e2e/bench/run.ts's table. Alone, for a quick run:
 *   npx tsx e2e/bench/fleet.ts --terminals 1000
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type FleetDb, openPglite, openPostgres } from '../../fleet/db.ts';
import { migrate } from '../../fleet/migrate.ts';
import { DEFAULT_RETENTION, runRetention } from '../../fleet/retention.ts';
import type { LoadReply, LoadRequest, LoadResult } from './fleet-load.ts';
import {
  cpuSeconds,
  findPostgres,
  postgresCpuSeconds,
  startFleetService,
  startThrowawayPostgres,
} from './fleet-service.ts';
import { measurePerTerminalDay, seedApproved, steadyStateBytes, tableBytes } from './fleet-size.ts';
import { percentile } from './stats.ts';

type Row = [measure: string, value: string, how: string];
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mib = (n: number) => `${(n / 1_048_576).toFixed(1)} MiB`;
const gib = (n: number) => `${(n / 1_073_741_824).toFixed(1)} GiB`;
const pct = (cpu: number, wallMs: number) => `${((cpu / (wallMs / 1000)) * 100).toFixed(0)}%`;

/** The measured window at the real heartbeat rate, and the window of the most the service sustains. */
const STEADY_SECONDS = 20;
const SATURATE_SECONDS = 10;
const SATURATE_IN_FLIGHT = 32;
/** Reports each terminal has waiting after the outage. */
const BACKLOG = 3;
/** How many connections the load generator keeps open at most during the reconnect (one process cannot hold 10,000). */
const RECONNECT_CONNECTIONS = 256;

export interface FleetBenchOptions {
  terminals?: number;
}

/** One request to the load generator and its answer. */
function ask(child: ChildProcess, request: LoadRequest): Promise<LoadReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: LoadReply | { type: 'error'; message: string }) => {
      child.off('exit', onExit);
      if (reply.type === 'error') reject(new Error(`the load generator failed: ${reply.message}`));
      else resolve(reply);
    };
    const onExit = (code: number | null) => reject(new Error(`the load generator exited with ${code}`));
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

async function result(child: ChildProcess, request: LoadRequest): Promise<LoadResult> {
  const reply = await ask(child, request);
  if (reply.type !== 'result') throw new Error(`the load generator answered ${reply.type}`);
  return reply;
}

const answered = (r: LoadResult) =>
  Object.entries(r.statuses)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');
const errors = (r: LoadResult) =>
  Object.entries(r.statuses)
    .filter(([status]) => status !== '200')
    .reduce((sum, [, n]) => sum + n, 0);

interface Backend {
  name: string;
  /** An empty, migrated database with the terminals approved; the service's start options. */
  open(): Promise<{ db: FleetDb; service: { dataDir?: string; databaseUrl?: string } }>;
  reopen(): Promise<FleetDb>;
  /** CPU seconds of the database server, apart from the service (PostgreSQL only). */
  serverCpu(): number;
  close(): Promise<void>;
}

async function benchBackend(
  backend: Backend,
  child: ChildProcess,
  terminals: Array<{ publicKey: string; fingerprint: string; deviceId: string }>,
): Promise<Row[]> {
  const n = terminals.length;
  const name = backend.name;
  step(`fleet on ${name}: approving ${n} terminals in the database`);
  const { db, service: where } = await backend.open();
  await seedApproved(db, terminals, new Date());
  await db.close();
  const service = await startFleetService(where);
  const cpu = () => ({ service: cpuSeconds(service.pid), server: backend.serverCpu() });
  const cpuText = (before: { service: number; server: number }, wallMs: number, reports: number) => {
    const after = cpu();
    const used = after.service - before.service;
    const server = after.server - before.server;
    const perReport = ((used + server) * 1000) / Math.max(1, reports);
    return (
      `service CPU ${pct(used, wallMs)} of a core` +
      (server > 0 ? `, PostgreSQL ${pct(server, wallMs)}` : '') +
      `, ${perReport.toFixed(2)} ms CPU per report`
    );
  };
  const rows: Row[] = [];
  try {
    await ask(child, { type: 'rewind' });
    // Warm-up (JIT, connections), not measured.
    await result(child, { type: 'saturate', url: service.url, seconds: 2, inFlight: 8 });

    const rate = n / 300;
    step(`fleet on ${name}: ${rate.toFixed(1)} reports/s for ${STEADY_SECONDS} s`);
    let before = cpu();
    const steady = await result(child, { type: 'steady', url: service.url, rate, seconds: STEADY_SECONDS });
    rows.push([
      `fleet heartbeats, ${name}`,
      `p50 ${ms(percentile(steady.latencies, 50))}, p99 ${ms(percentile(steady.latencies, 99))}`,
      `${n} terminals every 5 min = ${rate.toFixed(1)} reports/s offered for ${STEADY_SECONDS} s (real rate, not compressed), ` +
        `${((steady.latencies.length * 1000) / steady.wallMs).toFixed(1)}/s answered (${answered(steady)}); ` +
        cpuText(before, steady.wallMs, steady.latencies.length),
    ]);

    step(`fleet on ${name}: as many reports as it takes for ${SATURATE_SECONDS} s`);
    before = cpu();
    const most = await result(child, {
      type: 'saturate',
      url: service.url,
      seconds: SATURATE_SECONDS,
      inFlight: SATURATE_IN_FLIGHT,
    });
    rows.push([
      `fleet most reports/s, ${name}`,
      `${((most.latencies.length * 1000) / most.wallMs).toFixed(0)} reports/s`,
      `${SATURATE_IN_FLIGHT} reports always in flight for ${SATURATE_SECONDS} s: p50 ${ms(percentile(most.latencies, 50))}, ` +
        `p99 ${ms(percentile(most.latencies, 99))}, ${errors(most)} not 200; ${cpuText(before, most.wallMs, most.latencies.length)}`,
    ]);

    const within = Math.round(60_000 * Math.min(1, n / 10_000));
    step(`fleet on ${name}: ${n} terminals back within ${within / 1000} s, ${BACKLOG} reports each`);
    before = cpu();
    const back = await result(child, {
      type: 'reconnect',
      url: service.url,
      withinMs: within,
      backlog: BACKLOG,
      connections: RECONNECT_CONNECTIONS,
    });
    rows.push([
      `fleet reconnect after an outage, ${name}`,
      `p50 ${ms(percentile(back.latencies, 50))}, p99 ${ms(percentile(back.latencies, 99))}`,
      `${n} terminals back within ${within / 1000} s, each sending its ${BACKLOG} waiting reports one after the other ` +
        `(${back.latencies.length} reports, ${RECONNECT_CONNECTIONS} connections at most), all answered ` +
        `${(back.wallMs / 1000).toFixed(0)} s after the first came back; ${errors(back)} not 200; ` +
        cpuText(before, back.wallMs, back.latencies.length),
    ]);
  } finally {
    await service.stop();
  }
  const after = await backend.reopen();
  const bytes = await tableBytes(after);
  const [count] = await after.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
  // Retention as if 8 days had passed: every report the bench stored is rolled up, in the job's batches.
  const started = performance.now();
  const pruned = await runRetention(after, new Date(Date.now() + 8 * 86_400_000));
  const took = performance.now() - started;
  await after.close();
  rows.push([
    `fleet retention run, ${name}`,
    `${((pruned.reports * 1000) / took).toFixed(0)} reports/s rolled up`,
    `${pruned.reports} reports rolled up (${pruned.rollupDays} rollup rows written) and deleted in ${(took / 1000).toFixed(1)} s, ` +
      `batches of ${DEFAULT_RETENTION.batchSize}, VACUUM included`,
  ]);
  rows.push([
    `fleet database after the bench, ${name}`,
    mib(bytes.database),
    `pg_database_size, ${count?.n ?? 0} reports of ${n} terminals stored; reports ${mib(bytes.reports)}, ` +
      `terminals ${mib(bytes.terminals)}, events ${mib(bytes.events)} (pg_total_relation_size)`,
  ]);
  return rows;
}

async function bytesRows(name: string, db: FleetDb): Promise<Row[]> {
  step(`fleet on ${name}: a day of 10 terminals, for the bytes per terminal per day`);
  const day = await measurePerTerminalDay(db);
  const tenThousand = steadyStateBytes(day, 10_000);
  return [
    [
      `fleet bytes per terminal per day, ${name}`,
      `${(day.reports / 1024).toFixed(0)} KiB of reports`,
      `288 reports of ${day.reportBytes.toFixed(0)} B each (row, TOAST and indexes), ` +
        `${day.eventsPerDay} events of ${day.eventBytes.toFixed(0)} B, one rollup of ${day.rollupBytes.toFixed(0)} B after 7 days; ` +
        `the terminal's own row at most ${(day.terminalBytes / 1024).toFixed(1)} KiB (10 rows fill pages only partly)`,
    ],
    [
      `fleet steady state, 10,000 terminals, ${name}`,
      gib(tenThousand),
      `computed from the row above: 7 days of reports + 90 days of events + 400 days of rollups + the terminals' rows`,
    ],
  ];
}

function pgliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-bench-fleet-'));
  return {
    name: 'PGlite',
    async open() {
      const db = await openPglite(dir);
      await migrate(db);
      return { db, service: { dataDir: dir } };
    },
    reopen: () => openPglite(dir),
    serverCpu: () => 0,
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend & { url: string; version: string }> {
  const server = await startThrowawayPostgres();
  return {
    name: `PostgreSQL ${server.version}`,
    url: server.url,
    version: server.version,
    async open() {
      const db = await openPostgres(server.url);
      await migrate(db);
      return { db, service: { databaseUrl: server.url } };
    },
    reopen: () => openPostgres(server.url),
    serverCpu: () => postgresCpuSeconds(server.postmasterPid),
    close: () => server.stop(),
  };
}

export async function fleetBench(options: FleetBenchOptions = {}): Promise<Row[]> {
  const n = options.terminals ?? 10_000;
  const rows: Row[] = [];
  const child = fork('e2e/bench/fleet-load.ts', [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    // Enough heartbeats for the warm-up, the real-rate window and the busiest window, then the backlog.
    const heartbeats = Math.min(20, Math.max(1, Math.ceil(10_000 / n)));
    step(`fleet: ${n} Ed25519 key pairs, ${n * (heartbeats + BACKLOG)} reports signed in the load generator`);
    const prepared = await ask(child, {
      type: 'prepare',
      terminals: n,
      reportsEach: heartbeats + BACKLOG,
      backlog: BACKLOG,
    });
    if (prepared.type !== 'prepared') throw new Error('the load generator did not prepare');

    const pglite = pgliteBackend();
    try {
      rows.push(...(await benchBackend(pglite, child, prepared.terminals)));
    } finally {
      await pglite.close();
    }
    const memory = await openPglite(undefined);
    await migrate(memory);
    rows.push(...(await bytesRows('PGlite', memory)));
    await memory.close();

    if (findPostgres()) {
      const postgres = await postgresBackend();
      try {
        rows.push(...(await benchBackend(postgres, child, prepared.terminals)));
        const db = await openPostgres(postgres.url);
        await db.exec('CREATE SCHEMA bench_size');
        await db.close();
        const sized = await openPostgres(postgres.url, { schema: 'bench_size' });
        await migrate(sized);
        rows.push(...(await bytesRows(postgres.name, sized)));
        await sized.close();
      } finally {
        await postgres.close();
      }
    } else {
      rows.push([
        'fleet on PostgreSQL',
        'skipped',
        "no /usr/lib/postgresql/*/bin/postgres on this machine (Debian's postgresql package; the bench does not install it)",
      ]);
    }
  } finally {
    child.kill();
  }
  return rows;
}

// Alone: `npx tsx e2e/bench/fleet.ts [--terminals 1000]` prints the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { terminals: { type: 'string' } } });
  const terminals = Number(values.terminals ?? 10_000);
  if (!Number.isInteger(terminals) || terminals < 100) {
    console.error(`--terminals should be a whole number, 100 or more, not "${values.terminals}"`);
    process.exit(2);
  }
  const started = performance.now();
  const rows = await fleetBench({ terminals });
  for (const [measure, value, how] of rows) console.log(`| ${measure} | ${value} | ${how} |`);
  console.error(`bench: fleet rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
