/**
 * The durable outbox: every report is numbered and signed when it is made, kept in IndexedDB (strict
 * durability) and sent oldest first until the service answers for it, so a terminal offline for a week
 * delivers its latest status and every event once it is back, exactly once, in seq order.
 *
 * Bounded (records and bytes): a full outbox drops the oldest heartbeats first (status only: the newest
 * report carries the whole latest status anyway), then the oldest event reports, and what it dropped is
 * counted into the `dropped` of the next report it makes. A report once sent (`attempted`) is never
 * dropped or replaced: the service may have stored it, and its lost answer may have carried commands.
 */
import type { Command, ReportEvent, ReportPayload, TerminalStatus } from '../../fleet/protocol.ts';
import {
  type Dropped,
  emptyMeta,
  type FleetDatabase,
  type FleetMeta,
  type OutboxRecord,
} from './fleet-db.ts';

export const OUTBOX_LIMITS = { records: 200, bytes: 2 * 1024 * 1024 };

export type Draft = {
  deviceId: string;
  sentAt: Date;
  status: TerminalStatus;
  events: ReportEvent[];
  /** Log positions these events reach: stored with the report, in the same transaction. */
  cursors: Record<string, string | number>;
};

/** What one attempt to send got: the service's answer, or no answer at all. */
export type SendResult =
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'unreachable'; message: string };

export type FlushOutcome = {
  /** Seqs the service took (200, or 202 while the key waits for approval) or already had (409, ack ≥ seq). */
  delivered: number[];
  pending: boolean;
  commands: Command[];
  /** Reports the service refused for good (400, 401, 413, 409 with an ack below the seq): dropped, never resent. */
  refused: { seq: number; status: number; message: string }[];
  /** Why sending stopped with reports still waiting (no answer, 403, 500 …); undefined when the outbox emptied. */
  stopped?: { status?: number; message: string };
};

const STRICT = { durability: 'strict' } as const;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const add = (a: Dropped, b: Dropped): Dropped => ({
  heartbeats: a.heartbeats + b.heartbeats,
  events: a.events + b.events,
});
/** A dropped record counts as itself (a heartbeat, or its events) plus what it carried for others. */
const countOf = (r: OutboxRecord): Dropped =>
  add(r.carries, r.events === 0 ? { heartbeats: 1, events: 0 } : { heartbeats: 0, events: r.events });

const errorOf = (body: unknown): string | undefined =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : undefined;
const ackOf = (body: unknown): number | undefined => {
  const ack = typeof body === 'object' && body !== null ? (body as { ack?: unknown }).ack : undefined;
  return typeof ack === 'number' && Number.isInteger(ack) ? ack : undefined;
};

/**
 * Coalescing and the bounds may remove only a report never sent: one that was sent may be stored
 * already, its lost answer carrying commands that the service marks done once a later seq arrives.
 */
const movable = (r: OutboxRecord) => r.attempted !== true;

export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: FleetDatabase,
    private readonly limits = OUTBOX_LIMITS,
  ) {}

  /** One change at a time: making a report and applying an answer both read and write the meta. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async meta(): Promise<FleetMeta> {
    return { ...emptyMeta(), ...(await this.db.get('meta', 'meta')) };
  }

  async records(): Promise<OutboxRecord[]> {
    return this.db.getAll('outbox');
  }

  /** Changes the meta in one strict transaction (a command done, an event queued). */
  updateMeta(change: (meta: FleetMeta) => void): Promise<void> {
    return this.serial(async () => {
      const tx = this.db.transaction('meta', 'readwrite', STRICT);
      const meta = { ...emptyMeta(), ...(await tx.store.get('meta')) };
      change(meta);
      await tx.store.put(meta, 'meta');
      await tx.done;
    });
  }

  /**
   * Numbers, signs and stores one report: the queued fleet events first, then the draft's. The seq is
   * reserved (stored) before signing, so a crash mid-way leaves a gap, never two reports with one number.
   */
  make(draft: Draft, sign: (payloadText: string) => Promise<string>): Promise<OutboxRecord> {
    return this.serial(async () => {
      const reserve = this.db.transaction(['outbox', 'meta'], 'readwrite', STRICT);
      const meta = { ...emptyMeta(), ...(await reserve.objectStore('meta').get('meta')) };
      const seq = meta.nextSeq;
      // A new heartbeat replaces the waiting ones now, before signing, so this report's own `dropped`
      // already counts them (counted after signing, they would only show in the report after it).
      if (meta.queued.length + draft.events.length === 0) {
        const outbox = reserve.objectStore('outbox');
        for (const old of await outbox.getAll()) {
          if (old.events !== 0 || !movable(old)) continue;
          meta.dropped = add(meta.dropped, countOf(old));
          await outbox.delete(old.seq);
        }
      }
      await reserve.objectStore('meta').put({ ...meta, nextSeq: seq + 1 }, 'meta');
      await reserve.done;

      const queued = meta.queued;
      const carries = meta.dropped;
      const payload: ReportPayload = {
        v: 1,
        deviceId: draft.deviceId,
        seq,
        sentAt: draft.sentAt.toISOString(),
        status: draft.status,
        events: [...queued, ...draft.events],
        dropped: carries,
      };
      const body = await sign(JSON.stringify(payload));
      const record: OutboxRecord = {
        seq,
        body,
        events: payload.events.length,
        carries,
        bytes: utf8Bytes(body),
        madeAt: draft.sentAt.getTime(),
      };

      const tx = this.db.transaction(['outbox', 'meta'], 'readwrite', STRICT);
      const outbox = tx.objectStore('outbox');
      const now = { ...emptyMeta(), ...(await tx.objectStore('meta').get('meta')) };
      // Other drops may have happened while signing: subtract only what this report carries.
      now.dropped = {
        heartbeats: now.dropped.heartbeats - carries.heartbeats,
        events: now.dropped.events - carries.events,
      };
      now.queued = now.queued.slice(queued.length);
      now.cursors = { ...now.cursors, ...draft.cursors };
      const waiting = await outbox.getAll();
      for (const old of this.toDrop(waiting, record)) {
        now.dropped = add(now.dropped, countOf(old));
        await outbox.delete(old.seq);
      }
      await outbox.put(record);
      await tx.objectStore('meta').put(now, 'meta');
      await tx.done;
      return record;
    });
  }

  /**
   * What the new record pushes out: every waiting heartbeat when the new one is a heartbeat too (it
   * carries the newer status), then, while over the bounds, the oldest heartbeat, else the oldest events.
   */
  private toDrop(waiting: OutboxRecord[], record: OutboxRecord): OutboxRecord[] {
    const drop = record.events === 0 ? waiting.filter((r) => r.events === 0 && movable(r)) : [];
    let kept = waiting.filter((r) => !drop.includes(r));
    const over = () =>
      kept.length + 1 > this.limits.records ||
      kept.reduce((sum, r) => sum + r.bytes, record.bytes) > this.limits.bytes;
    while (over()) {
      const victim = kept.find((r) => r.events === 0 && movable(r)) ?? kept.find((r) => movable(r));
      if (!victim) break;
      drop.push(victim);
      kept = kept.filter((r) => r !== victim);
    }
    return drop;
  }

  /** Sends waiting reports oldest first, one at a time, until the outbox is empty or an answer says wait. */
  async flush(send: (body: string) => Promise<SendResult>): Promise<FlushOutcome> {
    const outcome: FlushOutcome = { delivered: [], pending: false, commands: [], refused: [] };
    for (;;) {
      // Picked and marked in one strict step, before the send: a reload in between keeps the mark.
      const next = await this.serial(async () => {
        const tx = this.db.transaction('outbox', 'readwrite', STRICT);
        const cursor = await tx.store.openCursor();
        const record = cursor?.value;
        if (record && !record.attempted) await tx.store.put({ ...record, attempted: true });
        await tx.done;
        return record;
      });
      if (!next) return outcome;
      let result: SendResult;
      try {
        result = await send(next.body);
      } catch (error) {
        result = { kind: 'unreachable', message: String(error) };
      }
      const stop = await this.serial(() => this.apply(next, result, outcome));
      if (stop) {
        outcome.stopped = stop;
        return outcome;
      }
    }
  }

  /** Applies one answer to its record; returns why to stop sending, if it says so. */
  private async apply(
    record: OutboxRecord,
    result: SendResult,
    outcome: FlushOutcome,
  ): Promise<FlushOutcome['stopped']> {
    if (result.kind === 'unreachable') return { message: result.message };
    const { status, body } = result;
    const taken = status === 200 || status === 202;
    const refused = status === 400 || status === 401 || status === 409 || status === 413;
    if (!taken && !refused)
      return { status, message: errorOf(body) ?? `the service answered HTTP ${status}` };

    const tx = this.db.transaction(['outbox', 'meta'], 'readwrite', STRICT);
    const meta = { ...emptyMeta(), ...(await tx.objectStore('meta').get('meta')) };
    // Coalescing and the bounds never touch an attempted record, so it is still there to delete.
    await tx.objectStore('outbox').delete(record.seq);
    const ack = ackOf(body);
    // 409 with an ack at or above this seq: the service has this report, or had it and pruned it
    // after its retention window (it keeps the highest seq): delivered, its answer long since given.
    const had = status === 409 && ack !== undefined && ack >= record.seq;
    if (had) {
      meta.lastAck = { seq: record.seq, at: new Date().toISOString(), pending: false };
      meta.nextSeq = Math.max(meta.nextSeq, ack + 1);
      outcome.delivered.push(record.seq);
    } else if (taken) {
      meta.lastAck = { seq: record.seq, at: new Date().toISOString(), pending: status === 202 };
      outcome.delivered.push(record.seq);
      outcome.pending = status === 202;
      const commands = (body as { commands?: unknown } | undefined)?.commands;
      if (status === 200 && Array.isArray(commands)) outcome.commands.push(...(commands as Command[]));
    } else {
      // Resending cannot fix these: what the report carried is lost, and the next report says how much.
      meta.dropped = add(meta.dropped, countOf(record));
      // A 409 with an ack below the seq should not happen: loud, and numbered on above the ack anyway.
      if (status === 409 && ack !== undefined) meta.nextSeq = Math.max(meta.nextSeq, ack + 1);
      outcome.refused.push({
        seq: record.seq,
        status,
        message: errorOf(body) ?? `the service answered HTTP ${status}`,
      });
    }
    await tx.objectStore('meta').put(meta, 'meta');
    await tx.done;
    return undefined;
  }
}
