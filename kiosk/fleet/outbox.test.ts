import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveTerminal, giveCommand } from '../../fleet/console-actions.ts';
import type { FleetDb } from '../../fleet/db.ts';
import { openPglite } from '../../fleet/db.ts';
import { migrate } from '../../fleet/migrate.ts';
import type { ReportEvent, ReportPayload, TerminalStatus } from '../../fleet/protocol.ts';
import { receiveReport } from '../../fleet/receive-report.ts';
import { type FleetDatabase, openFleetDatabase } from './fleet-db.ts';
import { type Identity, loadIdentity, signReport } from './identity.ts';
import { type Draft, Outbox, type SendResult } from './outbox.ts';

const START = Date.parse('2026-03-02T08:00:00Z');
const MINUTE = 60_000;
let dbCount = 0;

const status = (at: number): TerminalStatus => ({
  appVersion: '1.0.0',
  mode: 'interactive',
  modeSource: 'default',
  content: {},
  feedStale: false,
  clock: {
    now: new Date(at).toISOString(),
    timeZone: 'UTC',
    hallTimeZone: 'Asia/Shanghai',
    suspicious: false,
  },
  renderFailures: 0,
  watchdogReloads: 0,
});
const draft = (at: number, events: ReportEvent[] = []): Draft => ({
  deviceId: 'lobby-1',
  sentAt: new Date(at),
  status: status(at),
  events,
  cursors: {},
});
const event = (at: number, message: string): ReportEvent => ({
  at: new Date(at).toISOString(),
  kind: 'info',
  message,
});
const payloadOf = (body: string) => JSON.parse(JSON.parse(body).payload) as ReportPayload;
/** A scripted service: answers each attempt with the next status (for the rows of the protocol's table). */
const answering =
  (...answers: [number, unknown][]) =>
  async (_body: string): Promise<SendResult> => {
    const [status, body] = answers.shift() ?? [200, { ack: 0, duplicate: false, commands: [] }];
    return { kind: 'answer', status, body };
  };

let idb: FleetDatabase;
let identity: Identity;
let outbox: Outbox;
const sign = (text: string) => signReport(identity, text);

beforeEach(async () => {
  idb = await openFleetDatabase(`fleet-test-${++dbCount}`);
  identity = await loadIdentity(idb, 'lobby-1');
  outbox = new Outbox(idb);
});
afterEach(() => idb.close());

describe('the outbox against the real fleet service (PGlite in memory)', () => {
  let service: FleetDb;
  let serviceNow = START;
  const deliver = async (body: string): Promise<SendResult> => ({
    kind: 'answer',
    ...(await receiveReport(service, JSON.parse(body), new Date(serviceNow))),
  });
  const stored = async () =>
    (
      await service.query<{ seq: string | number; payload: string }>(
        'SELECT seq, payload FROM reports ORDER BY received_at, seq',
      )
    ).map((r) => ({ seq: Number(r.seq), payload: JSON.parse(r.payload) as ReportPayload }));

  beforeEach(async () => {
    service = await openPglite(undefined);
    await migrate(service);
    // One report to make the key known, then staff approve it.
    await outbox.make(draft(START), sign);
    expect((await outbox.flush(deliver)).pending).toBe(true);
    expect(
      (
        await approveTerminal(service, {
          fingerprint: identity.fingerprint,
          by: 'staff',
          now: new Date(START),
        })
      ).ok,
    ).toBe(true);
    // PGlite's start takes seconds on a busy machine: more than vitest's 10 s for a hook, at times.
  }, 60_000);
  afterEach(() => service.close());

  it('a report whose answer was lost is sent again and stored once', async () => {
    await outbox.make(draft(START + MINUTE, [event(START + MINUTE, 'version 2 shown')]), sign);
    const lostAnswer = async (body: string): Promise<SendResult> => {
      await deliver(body);
      return { kind: 'unreachable', message: 'connection reset' };
    };
    expect((await outbox.flush(lostAnswer)).stopped?.message).toBe('connection reset');
    expect(await outbox.records()).toHaveLength(1);
    const again = await outbox.flush(deliver);
    expect(again.stopped).toBeUndefined();
    expect(await outbox.records()).toHaveLength(0);
    const seqs = (await stored()).map((r) => r.seq);
    expect(seqs).toEqual([1, 2]);
    const events = await service.query('SELECT message FROM events WHERE seq = 2');
    expect(events).toHaveLength(1);
  });

  it('a heartbeat whose answer was lost is not replaced by the next: its commands still arrive', async () => {
    const given = await giveCommand(service, {
      fingerprint: identity.fingerprint,
      by: 'staff',
      now: new Date(START),
      kind: 'sync-now',
    });
    if (!given.ok) throw new Error(given.reason);
    await outbox.make(draft(START + MINUTE), sign); // heartbeat 2: its answer carries sync-now
    const lostAnswer = async (body: string): Promise<SendResult> => {
      await deliver(body);
      return { kind: 'unreachable', message: 'connection reset' };
    };
    expect((await outbox.flush(lostAnswer)).stopped?.message).toBe('connection reset');
    // The page reloads before the next try: the mark that seq 2 was sent must be in IndexedDB.
    outbox = new Outbox(idb);
    const third = await outbox.make(draft(START + 2 * MINUTE), sign);
    expect(payloadOf(third.body).dropped).toEqual({ heartbeats: 0, events: 0 });
    expect((await outbox.records()).map((r) => r.seq)).toEqual([2, 3]);
    const back = await outbox.flush(deliver);
    expect(back.stopped).toBeUndefined();
    expect(back.delivered).toEqual([2, 3]);
    expect(back.commands).toEqual([given.value]);
    expect((await stored()).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await outbox.meta()).dropped).toEqual({ heartbeats: 0, events: 0 });
  });

  it('a report sent but unanswered is never pushed out by a full outbox', async () => {
    outbox = new Outbox(idb, { records: 2, bytes: 10_000_000 });
    await outbox.make(draft(START + 1, [event(START + 1, 'sent')]), sign);
    const lostAnswer = async (body: string): Promise<SendResult> => {
      await deliver(body);
      return { kind: 'unreachable', message: 'connection reset' };
    };
    await outbox.flush(lostAnswer);
    outbox = new Outbox(idb, { records: 2, bytes: 10_000_000 });
    await outbox.make(draft(START + 2, [event(START + 2, 'e3')]), sign);
    await outbox.make(draft(START + 3, [event(START + 3, 'e4')]), sign);
    const left = (await outbox.records()).map((r) => payloadOf(r.body).events.map((e) => e.message));
    expect(left).toEqual([['sent'], ['e4']]);
  });

  it('a week offline: the latest status and every event arrive once, in seq order, the outbox stays bounded', async () => {
    const offline = async (): Promise<SendResult> => ({ kind: 'unreachable', message: 'no route to host' });
    const week = 7 * 24 * 12;
    let most = 0;
    const madeEvents: string[] = [];
    for (let beat = 1; beat <= week; beat++) {
      const at = START + beat * 5 * MINUTE;
      // Twice a day something happens (a check fails, a version shows).
      const events = beat % 144 === 0 ? [event(at, `event ${beat}`)] : [];
      madeEvents.push(...events.map((e) => e.message));
      await outbox.make(draft(at, events), sign);
      if (beat % 12 === 0) await outbox.flush(offline);
      most = Math.max(most, (await outbox.records()).length);
    }
    // 14 event reports, the newest heartbeat, and the first report tried (it may have arrived: kept).
    expect(most).toBeLessThanOrEqual(16);
    serviceNow = START + week * 5 * MINUTE;
    const back = await outbox.flush(deliver);
    expect(back.stopped).toBeUndefined();
    const reports = await stored();
    const seqs = reports.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const messages = reports.flatMap((r) => r.payload.events.map((e) => e.message));
    expect(messages).toEqual(madeEvents);
    const last = reports.at(-1)!.payload;
    expect(last.status.clock.now).toBe(new Date(START + week * 5 * MINUTE).toISOString());
    // Every replaced heartbeat is accounted for: made = stored + said dropped.
    const droppedSaid = reports.reduce((sum, r) => sum + r.payload.dropped.heartbeats, 0);
    const heartbeatsStored = reports.filter((r) => r.seq > 1 && r.payload.events.length === 0).length;
    expect(heartbeatsStored + droppedSaid).toBe(week - madeEvents.length);
  }, 60_000);
});

describe('the outbox when full', () => {
  it('drops the oldest heartbeat before any events, then the oldest events, and says so in the next report', async () => {
    outbox = new Outbox(idb, { records: 4, bytes: 10_000_000 });
    await outbox.make(draft(START, [event(START, 'e1'), event(START, 'e1b')]), sign);
    await outbox.make(draft(START + 1), sign); // a heartbeat
    await outbox.make(draft(START + 2, [event(START + 2, 'e3')]), sign);
    await outbox.make(draft(START + 3, [event(START + 3, 'e4')]), sign);
    await outbox.make(draft(START + 4, [event(START + 4, 'e5')]), sign);
    let left = (await outbox.records()).map((r) => payloadOf(r.body).events.map((e) => e.message));
    expect(left).toEqual([['e1', 'e1b'], ['e3'], ['e4'], ['e5']]);
    await outbox.make(draft(START + 5, [event(START + 5, 'e6')]), sign);
    left = (await outbox.records()).map((r) => payloadOf(r.body).events.map((e) => e.message));
    expect(left).toEqual([['e3'], ['e4'], ['e5'], ['e6']]);
    const sixth = payloadOf((await outbox.records()).at(-1)!.body);
    // A report is signed before its own arrival pushes older ones out: the next one says so.
    expect(payloadOf((await outbox.records()).at(-2)!.body).dropped).toEqual({ heartbeats: 0, events: 0 });
    expect(sixth.dropped).toEqual({ heartbeats: 1, events: 0 });
    const seventh = await outbox.make(draft(START + 6, [event(START + 6, 'e7')]), sign);
    expect(payloadOf(seventh.body).dropped).toEqual({ heartbeats: 0, events: 2 });
  });

  it('stays under its byte bound', async () => {
    outbox = new Outbox(idb, { records: 1000, bytes: 20_000 });
    for (let i = 0; i < 40; i++)
      await outbox.make(draft(START + i, [event(START + i, 'x'.repeat(1000))]), sign);
    const records = await outbox.records();
    expect(records.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThanOrEqual(20_000);
    expect(payloadOf(records.at(-1)!.body).events[0]!.message).toHaveLength(1000);
  });

  it('a newer heartbeat replaces one waiting unsent, keeps the events, and itself counts what it replaced', async () => {
    await outbox.make(draft(START, [event(START, 'kept')]), sign);
    await outbox.make(draft(START + 1), sign);
    await outbox.make(draft(START + 2), sign);
    const records = await outbox.records();
    expect(records.map((r) => r.seq)).toEqual([1, 3]);
    // Not the report after it: the console's count of dropped heartbeats is whole with the latest report.
    expect(payloadOf(records[1]!.body).dropped).toEqual({ heartbeats: 1, events: 0 });
    await outbox.make(draft(START + 3, [event(START + 3, 'next')]), sign);
    expect(payloadOf((await outbox.records()).at(-1)!.body).dropped).toEqual({ heartbeats: 0, events: 0 });
  });
});

describe('the answers of the protocol', () => {
  it('200 and 202 remove the report; commands of a 200 are handed on', async () => {
    await outbox.make(draft(START), sign);
    await outbox.make(draft(START + 1, [event(START, 'e')]), sign);
    const outcome = await outbox.flush(
      answering(
        [202, { ack: 1, pending: true, commands: [] }],
        [200, { ack: 2, duplicate: false, commands: [{ id: 'c1', kind: 'sync-now' }] }],
      ),
    );
    expect(outcome.delivered).toEqual([1, 2]);
    expect(outcome.commands).toEqual([{ id: 'c1', kind: 'sync-now' }]);
    expect(await outbox.records()).toEqual([]);
    expect((await outbox.meta()).lastAck?.seq).toBe(2);
  });

  it('409 with an ack at or above the seq: the service has it (or pruned it), so it counts as delivered', async () => {
    await outbox.make(draft(START, [event(START, 'kept long ago')]), sign);
    await outbox.make(draft(START + 1, [event(START + 1, 'next')]), sign);
    const outcome = await outbox.flush(
      answering(
        [409, { error: 'seq 1 is not above 40', ack: 40 }],
        [200, { ack: 41, duplicate: false, commands: [] }],
      ),
    );
    expect(outcome.refused).toEqual([]);
    expect(outcome.delivered).toEqual([1, 2]);
    expect(await outbox.records()).toEqual([]);
    const next = await outbox.make(draft(START + 2), sign);
    expect(next.seq).toBe(41);
    expect(payloadOf(next.body).dropped).toEqual({ heartbeats: 0, events: 0 });
  });

  it('409 with an ack below the seq: refused loudly and dropped, and the next report says so', async () => {
    await outbox.make(draft(START, [event(START, 'lost')]), sign);
    const outcome = await outbox.flush(answering([409, { error: 'seq 1 conflicts', ack: 0 }]));
    expect(outcome.refused).toEqual([{ seq: 1, status: 409, message: 'seq 1 conflicts' }]);
    expect(await outbox.records()).toEqual([]);
    const next = await outbox.make(draft(START + 1), sign);
    expect(payloadOf(next.body).dropped).toEqual({ heartbeats: 0, events: 1 });
  });

  for (const status of [400, 401, 413]) {
    it(`${status}: dropped (resending cannot help) and the sending goes on`, async () => {
      await outbox.make(draft(START, [event(START, 'bad')]), sign);
      await outbox.make(draft(START + 1, [event(START, 'good')]), sign);
      const outcome = await outbox.flush(
        answering([status, { error: 'no' }], [200, { ack: 2, duplicate: false, commands: [] }]),
      );
      expect(outcome.refused.map((r) => r.status)).toEqual([status]);
      expect(outcome.delivered).toEqual([2]);
      expect(outcome.stopped).toBeUndefined();
    });
  }

  for (const [status, body] of [
    [403, { error: 'this terminal was revoked' }],
    [500, { error: 'the fleet service failed (request id 7)' }],
    [503, 'Service Unavailable'],
  ] as const) {
    it(`${status}: kept, byte for byte, for the next try`, async () => {
      const made = await outbox.make(draft(START), sign);
      const outcome = await outbox.flush(answering([status, body]));
      expect(outcome.stopped?.status).toBe(status);
      expect(outcome.stopped?.message).toMatch(typeof body === 'string' ? /HTTP 503/ : body.error);
      expect((await outbox.records()).map((r) => r.body)).toEqual([made.body]);
    });
  }

  it('no answer at all: kept, and sending stops (order is kept)', async () => {
    await outbox.make(draft(START, [event(START, 'a')]), sign);
    await outbox.make(draft(START + 1, [event(START, 'b')]), sign);
    const sent: number[] = [];
    const outcome = await outbox.flush(async (body) => {
      sent.push(payloadOf(body).seq);
      throw new TypeError('Failed to fetch');
    });
    expect(sent).toEqual([1]);
    expect(outcome.stopped?.message).toMatch(/Failed to fetch/);
    expect(await outbox.records()).toHaveLength(2);
  });
});

describe('the identity', () => {
  it('is made once, kept across a reopen, and its private key cannot be exported', async () => {
    const again = await loadIdentity(idb, 'lobby-1');
    expect(again.fingerprint).toBe(identity.fingerprint);
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(identity.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', identity.privateKey)).rejects.toThrow();
    const noDevice = await loadIdentity(idb, undefined);
    expect(noDevice.deviceId).toBe(`t-${identity.fingerprint.slice(0, 8)}`);
    expect((await loadIdentity(idb, 'Lobby 1!')).deviceId).toBe(noDevice.deviceId);
  });
});
