/**
 * The terminals list's order and its row cache, on PGlite in memory: pending first, then trouble before
 * calm, then by hall, place and device id; a report that changes a terminal's state moves it at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FleetDb, openPglite } from '../db.ts';
import { migrate } from '../migrate.ts';
import type { TerminalStatus } from '../protocol.ts';
import { listTerminals } from './list-terminals.ts';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const status = (changes: Partial<TerminalStatus> = {}): TerminalStatus => ({
  appVersion: '0.1.0',
  mode: 'interactive',
  modeSource: 'default',
  hall: { id: 'north', channel: 'stable' },
  content: { showing: { version: 2, publishedAt: '2026-03-01T12:00:00.000Z' } },
  lastSuccess: NOW.toISOString(),
  feedStale: false,
  clock: { now: NOW.toISOString(), timeZone: 'UTC', hallTimeZone: 'Asia/Shanghai', suspicious: false },
  renderFailures: 0,
  watchdogReloads: 0,
  ...changes,
});

describe('the terminals list', () => {
  let db: FleetDb;
  let n = 0;
  const add = async (
    device: string,
    place: string,
    state: 'pending' | 'approved',
    latest: TerminalStatus,
  ) => {
    n += 1;
    await db.query(
      `INSERT INTO terminals (public_key, fingerprint, device_id, hall, place, status, status_changed_at,
         first_seen, last_seen, latest_sent_at, latest_status)
       VALUES ($1, $2, $3, 'north', $4, $5, $6, $6, $6, $7, $8)`,
      [
        `key-${n}`,
        `fp-${n}`,
        device,
        place,
        state,
        NOW.toISOString(),
        NOW.toISOString(),
        JSON.stringify(latest),
      ],
    );
  };
  const devices = async () => (await listTerminals(db, {}, NOW)).rows.map((t) => t.deviceId);

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    await add('lobby-c', 'b-east', 'approved', status());
    await add('lobby-a', 'a-west', 'approved', status());
    await add('lobby-z', 'z-new', 'pending', status());
    await add('lobby-r', 'c-north', 'approved', status({ feedStale: true }));
  });
  afterAll(() => db?.close());

  it('lists pending first, trouble before calm, then by place and device id', async () => {
    expect(await devices()).toEqual(['lobby-z', 'lobby-r', 'lobby-a', 'lobby-c']);
  });

  it('moves a terminal as soon as a report changes its state', async () => {
    await db.query(`UPDATE terminals SET latest_status = $1, last_seen = $2 WHERE device_id = 'lobby-c'`, [
      JSON.stringify(status({ lastRefusal: { at: NOW.toISOString(), message: 'hash check failed' } })),
      new Date(NOW.getTime() + 1000).toISOString(),
    ]);
    expect(await devices()).toEqual(['lobby-z', 'lobby-c', 'lobby-r', 'lobby-a']);
  });
});
