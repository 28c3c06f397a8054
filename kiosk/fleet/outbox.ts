/**
 * The durable outbox: every report is numbered and signed when it is made, kept in IndexedDB (strict
 * durability) and sent oldest first until the service answers for it, so a terminal offline for a week
 * delivers its latest status and every event once it is back, exactly once, in seq order.
 *
 * Bounded (records and bytes): a full outbox drops the oldest heartbeats first (status only: the newest
 * report carries the whole latest status anyway), then the oldest event reports, and what it dropped is
 * counted into the `dropped` of the next report it makes. A report once sent (`attempted`) is never
 * dropped or replaced: the service may have stored it, and its lost answer may have carried commands.
 *
 * Visitors' ratings (rating-queue.ts) wait in their own queue and ride in a report only when the
 * service is known to store them (the last answer was a 200, not a pending key's 202) and no other
 * report waiting carries ratings: offline for weeks, they wait in the queue (bounded, drops counted)
 * instead of spreading over hundreds of reports the outbox's bounds would drop. A report's ratings
 * leave the queue in the same strict transaction that stores the signed report, so each is in the
 * queue or in exactly one report, whatever crashes when.
 */
import {
  type Catalogue,
  type Command,
  MAX_CATALOGUES_PER_REPORT,
  MAX_RATINGS_PER_REPORT,
  MAX_REPORT_BYTES,
  type RatingRefusal,
  type ReportEvent,
  type ReportPayload,
  type TerminalStatus,
} from '../../fleet/protocol.ts';
import {
  type Dropped,
  type FleetDatabase,
  type FleetMeta,
  type OutboxRecord,
  type QueuedRating,
  readMeta,
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
  /** Ratings in the reports delivered. */
  ratingsDelivered: number;
  /** Ratings of stored reports the service refused one by one (docs/ratings.md): never resent. */
  ratingsRefused: RatingRefusal[];
  /** Why sending stopped with reports still waiting (no answer, 403, 500 …); undefined when the outbox emptied. */
  stopped?: { status?: number; message: string };
};

const STRICT = { durability: 'strict' } as const;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
/** `ratings` only when some: a report without rating drops says `dropped` as it always did. */
const dropped = (heartbeats: number, events: number, ratings: number): Dropped =>
  ratings === 0 ? { heartbeats, events } : { heartbeats, events, ratings };
const add = (a: Dropped, b: Dropped): Dropped =>
  dropped(a.heartbeats + b.heartbeats, a.events + b.events, (a.ratings ?? 0) + (b.ratings ?? 0));
const subtract = (a: Dropped, b: Dropped): Dropped =>
  dropped(a.heartbeats - b.heartbeats, a.events - b.events, (a.ratings ?? 0) - (b.ratings ?? 0));
/** Status only: a newer heartbeat may replace it. A report with ratings is never one. */
const isHeartbeat = (r: OutboxRecord) => r.events === 0 && !r.ratings;
/** A dropped record counts as itself (a heartbeat, or its events and ratings) plus what it carried for others. */
const countOf = (r: OutboxRecord): Dropped =>
  add(r.carries, isHeartbeat(r) ? dropped(1, 0, 0) : dropped(0, r.events, r.ratings ?? 0));
/** Ratings lost for good with a dropped or refused record: its own (what it carried was counted before). */
const loseRatings = (meta: FleetMeta, count: number) => {
  if (count === 0) return;
  const lost = meta.ratingsLost ?? { dropped: 0, refused: 0 };
  meta.ratingsLost = { ...lost, dropped: lost.dropped + count };
};
/** The service takes ratings now: its last answer stored a report (not a pending key's), and none are in flight. */
const mayCarryRatings = (meta: FleetMeta, waiting: OutboxRecord[]) =>
  meta.lastAck !== undefined && !meta.lastAck.pending && !waiting.some((r) => r.ratings);
/** How often make() starts over when a rating it picked left the queue while it signed. */
const MAKE_ATTEMPTS = 3;

const errorOf = (body: unknown): string | undefined =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : undefined;
const ackOf = (body: unknown): number | undefined => {
  const ack = typeof body === 'object' && body !== null ? (body as { ack?: unknown }).ack : undefined;
  return typeof ack === 'number' && Number.isInteger(ack) ? ack : undefined;
};

/** The ratings a 200 says the service refused (docs/ratings.md): what is not well formed is left out. */
const refusalsOf = (body: unknown): RatingRefusal[] => {
  const ratings =
    typeof body === 'object' && body !== null ? (body as { ratings?: unknown }).ratings : undefined;
  const refused =
    typeof ratings === 'object' && ratings !== null ? (ratings as { refused?: unknown }).refused : undefined;
  if (!Array.isArray(refused)) return [];
  return refused
    .filter(
      (r): r is RatingRefusal =>
        typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.reason === 'string',
    )
    .map((r) => ({ id: r.id, reason: r.reason, message: typeof r.message === 'string' ? r.message : '' }));
};
/** One event for all of a report's refused ratings: the first few by id, the count of all. */
export const refusalMessage = (seq: number, refused: RatingRefusal[]): string => {
  const listed = refused
    .slice(0, 5)
    .map((r) => `${r.id} (${r.reason}: ${r.message})`)
    .join('; ');
  const more = refused.length > 5 ? `; and ${refused.length - 5} more` : '';
  return `the service refused ${refused.length} rating(s) of report ${seq}, not resent: ${listed}${more}`;
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
    return readMeta(await this.db.get('meta', 'meta'));
  }

  /** Ratings not yet delivered: waiting in the queue, and in reports waiting for an answer. */
  async ratingsWaiting(): Promise<{ queued: number; inReports: number }> {
    const tx = this.db.transaction(['ratings', 'outbox']);
    const queued = await tx.objectStore('ratings').count();
    const records = await tx.objectStore('outbox').getAll();
    await tx.done;
    return { queued, inReports: records.reduce((sum, r) => sum + (r.ratings ?? 0), 0) };
  }

  /** Ratings the next report would carry some of (0 when it would carry none). */
  async ratingsReady(): Promise<number> {
    const tx = this.db.transaction(['ratings', 'outbox', 'meta']);
    const meta = readMeta(await tx.objectStore('meta').get('meta'));
    const ready = mayCarryRatings(meta, await tx.objectStore('outbox').getAll())
      ? await tx.objectStore('ratings').count()
      : 0;
    await tx.done;
    return ready;
  }

  async records(): Promise<OutboxRecord[]> {
    return this.db.getAll('outbox');
  }

  /** Changes the meta in one strict transaction (a command done, an event queued). */
  updateMeta(change: (meta: FleetMeta) => void): Promise<void> {
    return this.serial(async () => {
      const tx = this.db.transaction('meta', 'readwrite', STRICT);
      const meta = readMeta(await tx.store.get('meta'));
      change(meta);
      await tx.store.put(meta, 'meta');
      await tx.done;
    });
  }

  /**
   * Numbers, signs and stores one report: the queued fleet events first, then the draft's, and the
   * oldest waiting ratings when the service takes them. Two strict transactions around the signing:
   * the first reserves the seq (a crash after it leaves a gap, never two reports with one number) and
   * reads the ratings; the second stores the report and takes its ratings out of the queue, only if
   * every one is still there (else nothing is stored and it starts over). So a crash anywhere leaves a
   * rating in the queue or in exactly one report.
   */
  make(draft: Draft, sign: (payloadText: string) => Promise<string>): Promise<OutboxRecord> {
    return this.serial(async () => {
      for (let attempt = 1; ; attempt++) {
        const made = await this.makeOnce(draft, sign);
        if (made) return made;
        if (attempt >= MAKE_ATTEMPTS)
          throw new Error(
            `a report could not be made: the ratings it took left the queue while it was signed, ${attempt} times`,
          );
      }
    });
  }

  /** The oldest waiting ratings a report may carry, and the catalogues they name (at most 4). */
  private async pick(
    tx: ReturnType<FleetDatabase['transaction']>,
  ): Promise<{ entries: QueuedRating[]; catalogues: Map<string, Catalogue | undefined> }> {
    const entries: QueuedRating[] = [];
    const keys = new Set<string>();
    let cursor = await tx.objectStore('ratings').index('order').openCursor();
    while (cursor && entries.length < MAX_RATINGS_PER_REPORT) {
      const entry = cursor.value;
      if (!keys.has(entry.catalogue)) {
        // A fifth catalogue: this rating and the ones after it go in the next report.
        if (keys.size >= MAX_CATALOGUES_PER_REPORT) break;
        keys.add(entry.catalogue);
      }
      entries.push(entry);
      cursor = await cursor.continue();
    }
    const catalogues = new Map<string, Catalogue | undefined>();
    for (const key of keys) catalogues.set(key, await tx.objectStore('catalogues').get(key));
    return { entries, catalogues };
  }

  private async makeOnce(
    draft: Draft,
    sign: (payloadText: string) => Promise<string>,
  ): Promise<OutboxRecord | undefined> {
    const stores = ['outbox', 'meta', 'ratings', 'catalogues'] as const;
    const reserve = this.db.transaction(stores, 'readwrite', STRICT);
    const meta = readMeta(await reserve.objectStore('meta').get('meta'));
    const seq = meta.nextSeq;
    const waiting = await reserve.objectStore('outbox').getAll();
    const picked = mayCarryRatings(meta, waiting)
      ? await this.pick(reserve)
      : { entries: [], catalogues: new Map<string, Catalogue | undefined>() };
    // A new heartbeat replaces the waiting ones now, before signing, so this report's own `dropped`
    // already counts them (counted after signing, they would only show in the report after it).
    if (meta.queued.length + draft.events.length + picked.entries.length === 0) {
      const outbox = reserve.objectStore('outbox');
      for (const old of waiting) {
        if (!isHeartbeat(old) || !movable(old)) continue;
        meta.dropped = add(meta.dropped, countOf(old));
        await outbox.delete(old.seq);
      }
    }
    await reserve.objectStore('meta').put({ ...meta, nextSeq: seq + 1 }, 'meta');
    await reserve.done;

    const queued = meta.queued;
    const carries = meta.dropped;
    let carried = picked.entries;
    /** A rating that, with its catalogue, makes a report larger than the service reads: dropped, loudly. */
    let tooLarge: QueuedRating[] = [];
    let body: string;
    for (;;) {
      const names = [...new Set(carried.map((e) => e.catalogue))];
      const catalogues = names
        .map((key) => picked.catalogues.get(key))
        .filter((c): c is Catalogue => c !== undefined);
      const payload: ReportPayload = {
        v: 1,
        deviceId: draft.deviceId,
        seq,
        sentAt: draft.sentAt.toISOString(),
        status: draft.status,
        events: [...queued, ...draft.events],
        ...(carried.length > 0 ? { ratings: carried.map((e) => e.rating), catalogues } : {}),
        dropped: carries,
      };
      body = await sign(JSON.stringify(payload));
      if (carried.length === 0 || utf8Bytes(body) <= MAX_REPORT_BYTES) break;
      if (carried.length === 1) {
        tooLarge = carried;
        carried = [];
      } else carried = carried.slice(0, Math.ceil(carried.length / 2));
    }
    const record: OutboxRecord = {
      seq,
      body,
      events: queued.length + draft.events.length,
      ...(carried.length > 0 ? { ratings: carried.length } : {}),
      carries,
      bytes: utf8Bytes(body),
      madeAt: draft.sentAt.getTime(),
    };

    const tx = this.db.transaction(stores, 'readwrite', STRICT);
    const ratings = tx.objectStore('ratings');
    // A rating picked may have left the queue while signing (the full queue dropped it, another page's
    // report took it): this report would carry it twice or uncounted, so it is not stored.
    for (const entry of carried) {
      if ((await ratings.getKey(entry.id)) === undefined) {
        await tx.done;
        return undefined;
      }
    }
    const outbox = tx.objectStore('outbox');
    const now = readMeta(await tx.objectStore('meta').get('meta'));
    // Other drops may have happened while signing: subtract only what this report carries.
    now.dropped = subtract(now.dropped, carries);
    now.queued = now.queued.slice(queued.length);
    now.cursors = { ...now.cursors, ...draft.cursors };
    for (const entry of carried) await ratings.delete(entry.id);
    let tooLargeDropped = 0;
    for (const entry of tooLarge) {
      if ((await ratings.getKey(entry.id)) === undefined) continue;
      await ratings.delete(entry.id);
      tooLargeDropped += 1;
    }
    if (tooLargeDropped > 0) {
      now.dropped = add(now.dropped, dropped(0, 0, tooLargeDropped));
      loseRatings(now, tooLargeDropped);
      now.queued.push({
        at: draft.sentAt.toISOString(),
        kind: 'error',
        message: `a rating (${tooLarge[0]!.id}) with its catalogue ${tooLarge[0]!.catalogue} is larger than a report may be (${MAX_REPORT_BYTES} bytes): dropped`,
      });
    }
    // The catalogues no waiting rating names any more go (the reports carry their own copies).
    for (const key of new Set([...carried, ...tooLarge].map((e) => e.catalogue))) {
      if ((await ratings.index('catalogue').count(key)) === 0) await tx.objectStore('catalogues').delete(key);
    }
    for (const old of this.toDrop(await outbox.getAll(), record)) {
      now.dropped = add(now.dropped, countOf(old));
      loseRatings(now, old.ratings ?? 0);
      await outbox.delete(old.seq);
    }
    await outbox.put(record);
    await tx.objectStore('meta').put(now, 'meta');
    await tx.done;
    return record;
  }

  /**
   * What the new record pushes out: every waiting heartbeat when the new one is a heartbeat too (it
   * carries the newer status), then, while over the bounds, the oldest heartbeat, else the oldest
   * events, and last of all the oldest report with ratings.
   */
  private toDrop(waiting: OutboxRecord[], record: OutboxRecord): OutboxRecord[] {
    const drop = isHeartbeat(record) ? waiting.filter((r) => isHeartbeat(r) && movable(r)) : [];
    let kept = waiting.filter((r) => !drop.includes(r));
    const over = () =>
      kept.length + 1 > this.limits.records ||
      kept.reduce((sum, r) => sum + r.bytes, record.bytes) > this.limits.bytes;
    while (over()) {
      const victim =
        kept.find((r) => isHeartbeat(r) && movable(r)) ??
        kept.find((r) => !r.ratings && movable(r)) ??
        kept.find((r) => movable(r));
      if (!victim) break;
      drop.push(victim);
      kept = kept.filter((r) => r !== victim);
    }
    return drop;
  }

  /** Sends waiting reports oldest first, one at a time, until the outbox is empty or an answer says wait. */
  async flush(send: (body: string) => Promise<SendResult>): Promise<FlushOutcome> {
    const outcome: FlushOutcome = {
      delivered: [],
      pending: false,
      commands: [],
      refused: [],
      ratingsDelivered: 0,
      ratingsRefused: [],
    };
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
    const meta = readMeta(await tx.objectStore('meta').get('meta'));
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
      outcome.ratingsDelivered += record.ratings ?? 0;
    } else if (taken) {
      meta.lastAck = { seq: record.seq, at: new Date().toISOString(), pending: status === 202 };
      outcome.delivered.push(record.seq);
      outcome.ratingsDelivered += record.ratings ?? 0;
      outcome.pending = status === 202;
      const commands = (body as { commands?: unknown } | undefined)?.commands;
      if (status === 200 && Array.isArray(commands)) outcome.commands.push(...(commands as Command[]));
      const refusedRatings = status === 200 ? refusalsOf(body) : [];
      if (refusedRatings.length > 0) {
        outcome.ratingsRefused.push(...refusedRatings);
        const lost = meta.ratingsLost ?? { dropped: 0, refused: 0 };
        meta.ratingsLost = { ...lost, refused: lost.refused + refusedRatings.length };
        // In the next report's events too, so the console sees it beside the terminal's other errors.
        meta.queued.push({
          at: new Date().toISOString(),
          kind: 'error',
          message: refusalMessage(record.seq, refusedRatings),
        });
      }
    } else {
      // Resending cannot fix these: what the report carried is lost, and the next report says how much.
      meta.dropped = add(meta.dropped, countOf(record));
      loseRatings(meta, record.ratings ?? 0);
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
