/**
 * The decoy hash (what an unknown name's password is checked against) exists once the service is
 * ready: built on the first unknown name instead, that one sign-in would take two scrypt runs where a
 * known name takes one, and the difference tells which names exist.
 */
import { describe, expect, it } from 'vitest';
import { buildFleetApp } from '../app.ts';
import { openPglite } from '../db.ts';
import { decoyHash } from './passwords.ts';

/** 'ready' when `promise` has already settled, 'still working' when it needs another turn of the loop. */
const settledNow = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(() => 'ready'),
    new Promise<string>((resolve) => setImmediate(() => resolve('still working'))),
  ]);

describe('the decoy hash', () => {
  it('is built while the service starts, before the first unknown name signs in', async () => {
    const db = await openPglite(undefined);
    const app = buildFleetApp({ db, now: () => new Date('2026-03-02T09:31:00.000Z') });
    try {
      await app.ready();
      expect(await settledNow(decoyHash())).toBe('ready');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
