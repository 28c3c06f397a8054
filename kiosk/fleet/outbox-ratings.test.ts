/** Visitors' ratings through the outbox (issue 13): queued, carried once, kept until answered, bounded and said. */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Catalogue,
  checkPayload,
  fingerprint,
  MAX_RATINGS_PER_REPORT,
  type ReportPayload,
  type TerminalStatus,
} from '../../fleet/protocol.ts';
import { catalogueOf } from './catalogue.ts';
import { type FleetDatabase, openFleetDatabase } from './fleet-db.ts';
import { type Identity, loadIdentity, signReport } from './identity.ts';
import { type Draft, Outbox, type SendResult } from './outbox.ts';
import { rating, sampleContent } from './rating-fixtures.ts';
import { queueRating } from './rating-queue.ts';

const START = Date.parse('2026-12-04T02:00:00Z');
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
const draft = (at: number, message?: string): Draft => ({
  deviceId: 'lobby-1',
  sentAt: new Date(at),
  status: status(at),
  events: message ? [{ at: new Date(at).toISOString(), kind: 'info', message }] : [],
  cursors: {},
});
const payloadOf = (body: string) => JSON.parse(JSON.parse(body).payload) as ReportPayload;
const ratingIds = (body: string) => (payloadOf(body).ratings ?? []).map((r) => r.id);
const ok = (seq: number, ratings?: unknown): SendResult => ({
  kind: 'answer',
  status: 200,
  body: { ack: seq, duplicate: false, commands: [], ...(ratings ? { ratings } : {}) },
});
/** A service that stores every report (200) and lists what it got. */
const service = () => {
  const got: ReportPayload[] = [];
  const send = async (body: string): Promise<SendResult> => {
    const payload = payloadOf(body);
    got.push(payload);
    return ok(payload.seq);
  };
  return { got, send };
};
const offline = async (): Promise<SendResult> => ({ kind: 'unreachable', message: 'no route to host' });

let idb: FleetDatabase;
let identity: Identity;
let outbox: Outbox;
let catalogue: Catalogue;
const sign = (text: string) => signReport(identity, text);
const queue = (r = rating()) => queueRating(r, catalogue, { db: idb }).then(() => r);
/** The service has stored a report of this key: from now on reports carry ratings. */
const approved = async () => {
  await outbox.make(draft(START), sign);
  await outbox.flush(async (body) => ok(payloadOf(body).seq));
};

beforeEach(async () => {
  idb = await openFleetDatabase(`fleet-ratings-${++dbCount}`);
  identity = await loadIdentity(idb, 'lobby-1');
  outbox = new Outbox(idb);
  catalogue = catalogueOf(sampleContent());
});
afterEach(() => idb.close());

describe('a rating on its way to the service', () => {
  it('queued before reporting started, it rides in the first report after a reload, with its catalogue', async () => {
    await approved();
    const r = await queue(rating({ level: 1, reasons: ['guide-wrong'], wrong: ['window'] }));
    // The page reloads: a new outbox on the same database.
    outbox = new Outbox(idb);
    const record = await outbox.make(draft(START + 1000), sign);
    const payload = payloadOf(record.body);
    expect(payload.ratings).toEqual([r]);
    expect(payload.catalogues).toEqual([catalogue]);
    expect(record.ratings).toBe(1);
    // What the service checks: the report is well formed, ratings and all.
    expect(checkPayload(JSON.parse(record.body).payload).ok).toBe(true);
    // Out of the queue, into the report (and its catalogue with it: the report has its own copy).
    expect(await outbox.ratingsWaiting()).toEqual({ queued: 0, inReports: 1 });
    expect(await idb.count('catalogues')).toBe(0);
    await outbox.flush(async (body) => ok(payloadOf(body).seq));
    expect(await outbox.ratingsWaiting()).toEqual({ queued: 0, inReports: 0 });
  });

  it('waits while the service has not stored a report of this key (new, or waiting for approval)', async () => {
    await queue();
    const first = await outbox.make(draft(START), sign);
    expect(payloadOf(first.body).ratings).toBeUndefined();
    expect(await outbox.ratingsReady()).toBe(0);
    await outbox.flush(async () => ({
      kind: 'answer',
      status: 202,
      body: { ack: 1, pending: true, commands: [] },
    }));
    expect(payloadOf((await outbox.make(draft(START + 1), sign)).body).ratings).toBeUndefined();
    await outbox.flush(async (body) => ok(payloadOf(body).seq));
    expect(await outbox.ratingsReady()).toBe(1);
    expect(payloadOf((await outbox.make(draft(START + 2), sign)).body).ratings).toHaveLength(1);
  });

  it('is never in two reports: one report of ratings at a time, the next once it is answered', async () => {
    await approved();
    const made = [await queue(), await queue(), await queue()];
    const first = await outbox.make(draft(START + 1), sign);
    made.push(await queue(), await queue());
    const second = await outbox.make(draft(START + 2), sign);
    expect(ratingIds(first.body)).toEqual(made.slice(0, 3).map((r) => r.id));
    expect(ratingIds(second.body)).toEqual([]);
    // A report with ratings is not a heartbeat: the heartbeat after it does not replace it.
    expect((await outbox.records()).map((r) => r.seq)).toEqual([first.seq, second.seq]);
    const { got, send } = service();
    await outbox.flush(send);
    const third = await outbox.make(draft(START + 3), sign);
    expect(ratingIds(third.body)).toEqual(made.slice(3).map((r) => r.id));
    await outbox.flush(send);
    const carried = got.flatMap((p) => (p.ratings ?? []).map((r) => r.id));
    expect(carried).toEqual(made.map((r) => r.id));
  });

  it('two pages making reports at once never both carry a rating', async () => {
    await approved();
    const made = [await queue(), await queue()];
    const other = new Outbox(idb);
    const records = await Promise.all([
      outbox.make(draft(START + 1), sign),
      other.make(draft(START + 1), sign),
    ]);
    const carried = records.flatMap((r) => ratingIds(r.body));
    expect(carried.sort()).toEqual(made.map((r) => r.id).sort());
    expect(await idb.count('ratings')).toBe(0);
  });

  it('a crash between reserving the seq and storing the report leaves the rating queued', async () => {
    await approved();
    const r = await queue();
    const crash = async () => {
      throw new Error('power cut while signing');
    };
    await expect(outbox.make(draft(START + 1), crash)).rejects.toThrow('power cut');
    expect(await outbox.ratingsWaiting()).toEqual({ queued: 1, inReports: 0 });
    outbox = new Outbox(idb);
    const next = await outbox.make(draft(START + 2), sign);
    expect(ratingIds(next.body)).toEqual([r.id]);
    // The lost seq is a gap, never a second report with its number.
    expect(next.seq).toBe(3);
  });

  it('sent but unanswered it stays in its report, byte for byte, until the service answers; then it is gone', async () => {
    await approved();
    const r = await queue();
    const made = await outbox.make(draft(START + 1), sign);
    await outbox.flush(offline);
    outbox = new Outbox(idb);
    // Many heartbeats offline do not push it out, nor take the rating again.
    for (let i = 2; i < 30; i++) await outbox.make(draft(START + i * 300_000), sign);
    const waiting = await outbox.records();
    expect(waiting[0]!.body).toBe(made.body);
    expect(waiting.flatMap((w) => ratingIds(w.body))).toEqual([r.id]);
    const { got, send } = service();
    const back = await outbox.flush(send);
    expect(back.ratingsDelivered).toBe(1);
    expect(got[0]!.ratings?.map((x) => x.id)).toEqual([r.id]);
    expect(await outbox.ratingsWaiting()).toEqual({ queued: 0, inReports: 0 });
  });

  it('409 with an ack at or above its seq: the service had it, so it is gone, not lost', async () => {
    await approved();
    await queue();
    const made = await outbox.make(draft(START + 1), sign);
    const outcome = await outbox.flush(async () => ({
      kind: 'answer',
      status: 409,
      body: { error: 'seq 3 is not above 9', ack: made.seq + 7 },
    }));
    expect(outcome.ratingsDelivered).toBe(1);
    expect(await outbox.ratingsWaiting()).toEqual({ queued: 0, inReports: 0 });
    const meta = await outbox.meta();
    expect(meta.dropped.ratings).toBeUndefined();
    expect(meta.ratingsLost).toBeUndefined();
  });

  it('a report refused for good (400) loses its ratings: counted, and the next report says so', async () => {
    await approved();
    await queue();
    await queue();
    await outbox.make(draft(START + 1), sign);
    await outbox.flush(async () => ({ kind: 'answer', status: 400, body: { error: 'payload.x: no' } }));
    const next = await outbox.make(draft(START + 2), sign);
    expect(payloadOf(next.body).dropped).toEqual({ heartbeats: 0, events: 0, ratings: 2 });
    expect((await outbox.meta()).ratingsLost).toEqual({ dropped: 2, refused: 0 });
  });

  it('a week offline: every rating waits in the queue, then arrives once, at most 200 a report', async () => {
    await approved();
    const made: string[] = [];
    await outbox.flush(offline);
    for (let beat = 1; beat <= 7 * 24 * 12; beat++) {
      const at = START + beat * 300_000;
      // About 70 ratings a day, the visitors of a busy hall.
      if (beat % 4 === 0) made.push((await queue(rating({ at: new Date(at).toISOString() }))).id);
      await outbox.make(draft(at), sign);
      if (beat % 12 === 0) await outbox.flush(offline);
    }
    expect(made.length).toBeGreaterThan(400);
    // The outbox holds the first report of ratings and the newest heartbeat; the rest wait in the queue.
    expect((await outbox.records()).length).toBeLessThanOrEqual(3);
    const { got, send } = service();
    // Back online: each answered report of ratings makes room for the next (the reporter makes it).
    for (let i = 0; i < 10 && (await outbox.ratingsWaiting()).queued > 0; i++) {
      await outbox.flush(send);
      await outbox.make(draft(START + 8 * 86_400_000 + i), sign);
    }
    await outbox.flush(send);
    const carried = got.flatMap((p) => (p.ratings ?? []).map((r) => r.id));
    expect(carried).toEqual(made);
    expect(Math.max(...got.map((p) => p.ratings?.length ?? 0))).toBe(MAX_RATINGS_PER_REPORT);
    expect(got.every((p) => p.dropped.ratings === undefined)).toBe(true);
  }, 60_000);
});

describe('the rating queue when full', () => {
  it('drops the oldest waiting rating, and the next report says how many', async () => {
    await approved();
    const made: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (let i = 0; i < 5; i++) {
      const r = rating();
      await queueRating(r, catalogue, { db: idb, limit: 3 });
      made.push(r.id);
    }
    error.mockRestore();
    const record = await outbox.make(draft(START + 1), sign);
    expect(ratingIds(record.body)).toEqual(made.slice(2));
    expect(payloadOf(record.body).dropped).toEqual({ heartbeats: 0, events: 0, ratings: 2 });
    await outbox.flush(async (body) => ok(payloadOf(body).seq));
    const after = await outbox.make(draft(START + 2), sign);
    expect(payloadOf(after.body).dropped).toEqual({ heartbeats: 0, events: 0 });
    // The staff panel's count stays: these two never reach the centre.
    expect((await outbox.meta()).ratingsLost).toEqual({ dropped: 2, refused: 0 });
  });

  it('a full outbox drops reports of events before a report of ratings', async () => {
    await approved();
    outbox = new Outbox(idb, { records: 2, bytes: 10_000_000 });
    const r = await queue();
    await outbox.make(draft(START + 1), sign);
    await outbox.make(draft(START + 2, 'e2'), sign);
    await outbox.make(draft(START + 3, 'e3'), sign);
    const left = await outbox.records();
    expect(left.map((x) => ratingIds(x.body))).toEqual([[r.id], []]);
    expect(payloadOf(left[1]!.body).events.map((e) => e.message)).toEqual(['e3']);
  });
});

describe('what a report of ratings holds', () => {
  it('at most 4 catalogues: ratings of a fifth content version wait for the next report', async () => {
    await approved();
    const made = [];
    for (let version = 1; version <= 5; version++) {
      catalogue = { ...catalogueOf(sampleContent()), version };
      made.push(await queue(rating({ contentVersion: version })));
    }
    const first = await outbox.make(draft(START + 1), sign);
    expect(payloadOf(first.body).catalogues?.map((c) => c.version)).toEqual([1, 2, 3, 4]);
    expect(ratingIds(first.body)).toEqual(made.slice(0, 4).map((r) => r.id));
    expect((await idb.getAllKeys('catalogues')).sort()).toEqual(['shili-center@5']);
    await outbox.flush(async (body) => ok(payloadOf(body).seq));
    const second = await outbox.make(draft(START + 2), sign);
    expect(payloadOf(second.body).catalogues?.map((c) => c.version)).toEqual([5]);
    expect(await idb.count('catalogues')).toBe(0);
  });

  it('stays under the size the service reads, and a rating whose catalogue alone is too large is dropped loudly', async () => {
    await approved();
    const base = catalogueOf(sampleContent());
    const services = Array.from({ length: 2500 }, (_, i) => ({
      id: `service-${i}`,
      name: `一项名字很长很长很长很长很长很长的政务服务事项第${i}项`,
      code: `11000000MB0141205X07000${String(i).padStart(5, '0')}`,
      department: 'household-registration',
    }));
    catalogue = { ...base, version: 9, services: [...base.services, ...services] };
    const huge = await queue(rating({ contentVersion: 9 }));
    catalogue = base;
    const fits = await queue();
    const record = await outbox.make(draft(START + 1), sign);
    expect(record.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(ratingIds(record.body)).toEqual([]);
    await outbox.flush(async (body) => ok(payloadOf(body).seq));
    const next = await outbox.make(draft(START + 2), sign);
    const payload = payloadOf(next.body);
    expect(ratingIds(next.body)).toEqual([fits.id]);
    expect(payload.dropped.ratings).toBe(1);
    expect(payload.events.map((e) => `${e.kind} ${e.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^error a rating \\(${huge.id}\\).*larger than a report may be`)),
    ]);
  });
});

describe('what the service says of the ratings', () => {
  it('refused ones are counted, not resent, and the next report tells the console', async () => {
    await approved();
    const a = await queue();
    const b = await queue();
    await outbox.make(draft(START + 1), sign);
    const outcome = await outbox.flush(async (body) =>
      ok(payloadOf(body).seq, {
        stored: 1,
        duplicate: 0,
        refused: [{ id: b.id, reason: 'flood', message: '60 ratings in the hour of 2026-12-04 10:00' }],
      }),
    );
    expect(outcome.ratingsRefused).toEqual([
      { id: b.id, reason: 'flood', message: '60 ratings in the hour of 2026-12-04 10:00' },
    ]);
    expect((await outbox.meta()).ratingsLost).toEqual({ dropped: 0, refused: 1 });
    const next = await outbox.make(draft(START + 2), sign);
    const payload = payloadOf(next.body);
    expect(payload.ratings).toBeUndefined();
    expect(payload.events).toEqual([
      {
        at: expect.any(String),
        kind: 'error',
        message: expect.stringContaining(
          `refused 1 rating(s) of report 2, not resent: ${b.id} (flood: 60 ratings`,
        ),
      },
    ]);
    expect(a.id).not.toBe(b.id);
  });
});

describe('the fleet database of an older kiosk', () => {
  it('upgrades from version 1 keeping the identity, the outbox and the meta', async () => {
    const name = `fleet-v1-${++dbCount}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('identity', { keyPath: 'id' });
        db.createObjectStore('outbox', { keyPath: 'seq' });
        db.createObjectStore('meta');
      },
    });
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    await v1.put('identity', { id: 'self', ...pair, createdAt: '2026-01-05T00:00:00.000Z' });
    const old = {
      seq: 41,
      body: '{"old":true}',
      events: 2,
      carries: { heartbeats: 3, events: 0 },
      bytes: 12,
      madeAt: START,
    };
    await v1.put('outbox', old);
    await v1.put(
      'meta',
      {
        nextSeq: 42,
        dropped: { heartbeats: 1, events: 0 },
        cursors: {},
        queued: [],
        doneCommands: [],
        waiting: [],
        lastAck: { seq: 40, at: '2026-01-05T00:00:00.000Z', pending: false },
      },
      'meta',
    );
    v1.close();
    const before = await fingerprint(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));

    const db = await openFleetDatabase(name);
    expect(db.version).toBe(2);
    expect((await loadIdentity(db, undefined)).fingerprint).toBe(before);
    const upgraded = new Outbox(db);
    expect(await upgraded.records()).toEqual([old]);
    identity = await loadIdentity(db, 'lobby-1');
    await queueRating(rating(), catalogue, { db });
    // The old record, never sent, is an event report: it stays, and the new report carries the rating.
    const made = await upgraded.make(draft(START), (text) => signReport(identity, text));
    expect(made.seq).toBe(42);
    expect(payloadOf(made.body).dropped).toEqual({ heartbeats: 1, events: 0 });
    expect(ratingIds(made.body)).toHaveLength(1);
    expect((await upgraded.records()).map((r) => r.seq)).toEqual([41, 42]);
    db.close();
  });
});
