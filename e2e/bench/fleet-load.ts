/**
 * The fleet bench's load generator, a child process of e2e/bench/fleet.ts (so its CPU is not the
 * service's): makes the simulated terminals, signs every report it will send before any timing starts,
 * then sends them over keep-alive HTTP connections as the parent asks, measuring each report's latency
 * from the moment it was due (so a slow service cannot hide its queue by slowing the generator down).
 */
import http from 'node:http';
import { makeSimTerminals, type SimTerminal, signPayload, simPayload } from './fleet-terminals.ts';

export type LoadRequest =
  /** `reportsEach` signed reports per terminal, the last `backlog` of them kept for the reconnect. */
  | { type: 'prepare'; terminals: number; reportsEach: number; backlog: number }
  /** Back to each terminal's first report, for the next backend's fresh database. */
  | { type: 'rewind' }
  | { type: 'steady'; url: string; rate: number; seconds: number }
  | { type: 'saturate'; url: string; seconds: number; inFlight: number }
  | { type: 'reconnect'; url: string; withinMs: number; backlog: number; connections: number };

export interface LoadResult {
  type: 'result';
  latencies: number[];
  statuses: Record<string, number>;
  wallMs: number;
}
export type LoadReply =
  | {
      type: 'prepared';
      terminals: Array<Pick<SimTerminal, 'publicKey' | 'fingerprint' | 'deviceId'>>;
      ms: number;
    }
  | { type: 'rewound' }
  | LoadResult;

let terminals: SimTerminal[] = [];
/** Each terminal's signed reports, in seq order, and the index of the next one to send. */
let bodies: Buffer[][] = [];
let next: number[] = [];
let cursor = 0;
let reserved = 0;

async function prepare(count: number, reportsEach: number, backlog: number): Promise<LoadReply> {
  reserved = backlog;
  const started = performance.now();
  terminals = await makeSimTerminals(count);
  const base = Date.parse('2026-03-02T01:00:00.000Z');
  bodies = [];
  for (const terminal of terminals) {
    const signed: Buffer[] = [];
    for (let seq = 1; seq <= reportsEach; seq++) {
      const at = new Date(base + seq * 300_000 + terminal.index * 30);
      signed.push(Buffer.from(JSON.stringify(await signPayload(terminal, simPayload(terminal, seq, at)))));
    }
    bodies.push(signed);
  }
  next = terminals.map(() => 0);
  cursor = 0;
  return {
    type: 'prepared',
    terminals: terminals.map(({ publicKey, fingerprint, deviceId }) => ({
      publicKey,
      fingerprint,
      deviceId,
    })),
    ms: performance.now() - started,
  };
}

function post(agent: http.Agent, url: URL, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.statusCode)));
      },
    );
    request.on('error', (error) =>
      resolve(`error: ${(error as NodeJS.ErrnoException).code ?? error.message}`),
    );
    request.end(body);
  });
}

/**
 * The next unsent heartbeat of the next terminal in turn (round the fleet, as heartbeats come), never one
 * of the reports kept for the reconnect; undefined when all are sent.
 */
function nextBody(): Buffer | undefined {
  for (let tries = 0; tries < terminals.length; tries++) {
    const t = cursor;
    cursor = (cursor + 1) % terminals.length;
    const own = bodies[t] ?? [];
    const body = (next[t] ?? 0) < own.length - reserved ? own[next[t] ?? 0] : undefined;
    if (body) {
      next[t] = (next[t] ?? 0) + 1;
      return body;
    }
  }
  return undefined;
}

function tally(statuses: Record<string, number>, status: string) {
  statuses[status] = (statuses[status] ?? 0) + 1;
}

/** Open loop: one report every 1/rate s, whatever the answers take. */
async function steady(url: URL, rate: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = nextBody();
    if (!body) break;
    sent.push(
      post(agent, url, body).then((status) => {
        latencies.push(performance.now() - due);
        tally(statuses, status);
      }),
    );
  }
  await Promise.all(sent);
  agent.destroy();
  return { type: 'result', latencies, statuses, wallMs: performance.now() - started };
}

/** Closed loop: `inFlight` reports always on their way, for `seconds`: the most the service sustains. */
async function saturate(url: URL, seconds: number, inFlight: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const body = nextBody();
      if (!body) return;
      const at = performance.now();
      tally(statuses, await post(agent, url, body));
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  agent.destroy();
  return { type: 'result', latencies, statuses, wallMs: performance.now() - started };
}

/**
 * After an outage: every terminal comes back at a random moment within `withinMs` and sends its backlog,
 * one report after the other (each waits for the answer to the one before, as the outbox does).
 */
async function reconnect(
  url: URL,
  withinMs: number,
  backlog: number,
  connections: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  // A fixed spread (not Math.random): two runs of the bench offer the same load.
  const comeBack = terminals.map((_, i) => ((i * 7_919) % terminals.length) * (withinMs / terminals.length));
  await Promise.all(
    terminals.map(async (_, t) => {
      await new Promise((resolve) => setTimeout(resolve, comeBack[t]));
      const own = bodies[t] ?? [];
      for (const body of own.slice(own.length - backlog)) {
        const due = performance.now();
        tally(statuses, await post(agent, url, body));
        latencies.push(performance.now() - due);
      }
    }),
  );
  agent.destroy();
  return { type: 'result', latencies, statuses, wallMs: performance.now() - started };
}

async function handle(request: LoadRequest): Promise<LoadReply> {
  switch (request.type) {
    case 'prepare':
      return prepare(request.terminals, request.reportsEach, request.backlog);
    case 'rewind':
      next = terminals.map(() => 0);
      cursor = 0;
      return { type: 'rewound' };
    case 'steady':
      return steady(new URL(request.url), request.rate, request.seconds);
    case 'saturate':
      return saturate(new URL(request.url), request.seconds, request.inFlight);
    case 'reconnect':
      return reconnect(new URL(request.url), request.withinMs, request.backlog, request.connections);
  }
}

process.on('message', (message: LoadRequest) => {
  void handle(message).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ type: 'error', message: (error as Error).message }),
  );
});
