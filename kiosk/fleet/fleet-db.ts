/**
 * The terminal's fleet database (`sunlight-fleet`): its key pair, the outbox of signed reports, and the
 * few numbers that must outlive a reload (the next seq, dropped counts, log cursors, done commands).
 * Apart from the content database, so a content reset never resets the identity, and the other way round.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Command } from '../../fleet/protocol.ts';

export const FLEET_DB = 'sunlight-fleet';

/** One signed report waiting for the service's answer. */
export type OutboxRecord = {
  seq: number;
  /** The request body exactly as first made: a resend is byte-for-byte the same, so the service sees a duplicate. */
  body: string;
  /** Events the report carries; 0 means a heartbeat (status only), which a newer heartbeat may replace. */
  events: number;
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

export type Dropped = { heartbeats: number; events: number };

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
}
export type FleetDatabase = IDBPDatabase<FleetSchema>;

export function openFleetDatabase(name = FLEET_DB): Promise<FleetDatabase> {
  return openDB<FleetSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('identity', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'seq' });
      db.createObjectStore('meta');
    },
  });
}
