/**
 * The terminal's fleet database (`sunlight-fleet`): its key pair, the outbox of signed reports, the
 * queue of visitors' ratings waiting for a report (version 2, issue 13) with the catalogues they name,
 * and the few numbers that must outlive a reload (the next seq, dropped counts, log cursors, done
 * commands). Apart from the content database, so a content reset never resets the identity, and the
 * other way round.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Catalogue, Command, Rating } from '../../fleet/protocol.ts';

export const FLEET_DB = 'sunlight-fleet';

/** One signed report waiting for the service's answer. */
export type OutboxRecord = {
  seq: number;
  /** The request body exactly as first made: a resend is byte-for-byte the same, so the service sees a duplicate. */
  body: string;
  /** Events the report carries; 0 (with no ratings) means a heartbeat (status only), which a newer heartbeat may replace. */
  events: number;
  /** Visitors' ratings the report carries (absent: none, and every record made before ratings). */
  ratings?: number;
  /** The dropped counts this report carries: passed on to the next report if this one is dropped in turn. */
  carries: Dropped;
  bytes: number;
  madeAt: number;
  /**
   * Set (strict) before the first send: the service may have stored it and answered with commands
   * the terminal never got, so it is never coalesced or dropped, only resent until answered.
   */
  attempted?: true;
};

/** `ratings` is absent in what version 1 stored: read it as 0. */
export type Dropped = { heartbeats: number; events: number; ratings?: number };

/** One visitor's rating waiting in the queue for the report that carries it (rating-queue.ts). */
export type QueuedRating = {
  id: string;
  /** Queue order: the oldest waiting rating has the lowest. */
  n: number;
  /** The catalogue it names, `${hall}@${version}`. */
  catalogue: string;
  rating: Rating;
};
export const catalogueKey = (hall: string, version: number): string => `${hall}@${version}`;

export type StoredIdentity = { id: 'self'; privateKey: CryptoKey; publicKey: CryptoKey; createdAt: string };

/** A fleet event made on the terminal itself (a command carried out, a report refused), waiting for the next report. */
export type QueuedEvent = { at: string; kind: 'info' | 'error' | 'reload'; message: string };

export type FleetMeta = {
  nextSeq: number;
  /** Dropped since they were last carried by a stored report. */
  dropped: Dropped;
  /**
   * Log positions already reported: `syncLast` / `resilienceLast`, the identity of the last entry
   * reported (log-events.ts), and `shown`; `sync` / `resilience` (that entry's time) are the first
   * format's, read only until a report writes the new ones.
   */
  cursors: Record<string, string | number>;
  queued: QueuedEvent[];
  /** Ids of commands carried out (the newest 200): a command given twice is carried out once. */
  doneCommands: string[];
  /** A command waiting for its moment (a reload waits for idle), kept across reloads. */
  waiting: Command[];
  lastAck?: { seq: number; at: string; pending: boolean };
  /** The next rating's queue order (QueuedRating.n). */
  nextRating?: number;
  /**
   * Ratings since this database was made that will never reach the centre: dropped (a full queue, a
   * report dropped or refused) and refused one by one by the service. Shown on the staff panel.
   */
  ratingsLost?: { dropped: number; refused: number };
};

export const emptyMeta = (): FleetMeta => ({
  nextSeq: 1,
  dropped: { heartbeats: 0, events: 0 },
  cursors: {},
  queued: [],
  doneCommands: [],
  waiting: [],
});

export interface FleetSchema extends DBSchema {
  identity: { key: 'self'; value: StoredIdentity };
  outbox: { key: number; value: OutboxRecord };
  meta: { key: 'meta'; value: FleetMeta };
  ratings: { key: string; value: QueuedRating; indexes: { order: number; catalogue: string } };
  catalogues: { key: string; value: Catalogue };
}
export type FleetDatabase = IDBPDatabase<FleetSchema>;

/** The meta as stored, with what older versions did not store filled in. */
export function readMeta(stored: Partial<FleetMeta> | undefined): FleetMeta {
  const empty = emptyMeta();
  return { ...empty, ...stored, dropped: { ...empty.dropped, ...stored?.dropped } };
}

export const FLEET_DB_VERSION = 2;

/**
 * Opens (and makes or upgrades) the fleet database. Version 2 adds the rating queue and its
 * catalogues; a version-1 database keeps its identity, outbox and meta. Each store is made only if
 * missing, so a database some other page opened without a version (made empty at version 1) upgrades too.
 */
export function openFleetDatabase(name = FLEET_DB): Promise<FleetDatabase> {
  return openDB<FleetSchema>(name, FLEET_DB_VERSION, {
    upgrade(db) {
      const has = (store: string) => db.objectStoreNames.contains(store as never);
      if (!has('identity')) db.createObjectStore('identity', { keyPath: 'id' });
      if (!has('outbox')) db.createObjectStore('outbox', { keyPath: 'seq' });
      if (!has('meta')) db.createObjectStore('meta');
      if (!has('ratings')) {
        const ratings = db.createObjectStore('ratings', { keyPath: 'id' });
        ratings.createIndex('order', 'n');
        ratings.createIndex('catalogue', 'catalogue');
      }
      if (!has('catalogues')) db.createObjectStore('catalogues');
    },
    blocking(_current, _next, event) {
      // A newer kiosk in another page wants to upgrade: let it (this page reloads into it soon).
      (event.target as IDBDatabase).close();
    },
  });
}

let shared: Promise<FleetDatabase> | undefined;
/**
 * The page's one connection to `sunlight-fleet`, opened when first asked: the rating screens queue a
 * rating through it before reporting has started (start.ts loads after first paint), and reporting
 * uses the same. A failed open is not kept, so the next rating tries again.
 */
export function sharedFleetDatabase(): Promise<FleetDatabase> {
  if (!shared) {
    shared = openFleetDatabase();
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
