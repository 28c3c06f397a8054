/**
 * Signing in, slowed down after wrong passwords. Attempts are counted by the name as typed and by the
 * client's address, whether or not the name has an account, and an unknown name is checked against a
 * decoy hash: the answer and its timing are the same, so no one learns which names exist.
 *
 * Per name: from the 5th wrong password since its last good sign-in (within the hour), every try
 * waits 1, 2, 4, 8, then 15 minutes after the last wrong one. Per address: the same from the 20th
 * wrong password within the hour, across all names (one computer guessing many names).
 */
import type { FleetDb, Queryable } from '../db.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { startSession } from './sessions.ts';
import { normaliseName, passwordHashOf } from './staff.ts';

export const FREE_TRIES_PER_NAME = 4;
export const FREE_TRIES_PER_ADDRESS = 19;
const WINDOW_MS = 3_600_000;
const LONGEST_WAIT_MS = 15 * 60_000;

export type SignInResult =
  | { ok: true; staffName: string; token: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'wait'; until: Date };

/** The wait after `failures` wrong tries, the last at `last`, when `free` of them cost nothing. */
export function waitUntil(failures: number, last: Date | undefined, free: number): Date | undefined {
  if (!last || failures <= free) return undefined;
  const wait = Math.min(60_000 * 2 ** (failures - free - 1), LONGEST_WAIT_MS);
  return new Date(last.getTime() + wait);
}

interface Failures extends Record<string, unknown> {
  n: number;
  last: Date | string | null;
}

async function lockedUntil(db: Queryable, name: string, ip: string, now: Date): Promise<Date | undefined> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const [byName] = await db.query<Failures>(
    `SELECT count(*)::int AS n, max(at) AS last FROM login_attempts
     WHERE name = $1 AND at > $2 AND NOT succeeded
       AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE name = $1 AND succeeded), '-infinity')`,
    [name, since],
  );
  const [byIp] = await db.query<Failures>(
    'SELECT count(*)::int AS n, max(at) AS last FROM login_attempts WHERE ip = $1 AND at > $2 AND NOT succeeded',
    [ip, since],
  );
  const toDate = (row: Failures | undefined) => (row?.last ? new Date(row.last) : undefined);
  const waits = [
    waitUntil(byName?.n ?? 0, toDate(byName), FREE_TRIES_PER_NAME),
    waitUntil(byIp?.n ?? 0, toDate(byIp), FREE_TRIES_PER_ADDRESS),
  ].filter((until): until is Date => until !== undefined && until > now);
  return waits.sort((a, b) => b.getTime() - a.getTime())[0];
}

/**
 * Checks the wait and records this attempt, as failed, in one transaction serialised per name and per
 * address: checking, then verifying (scrypt, about 0.1 s), then recording let N guesses sent at once all
 * pass the check before any was recorded. Now the sixth of ten parallel guesses already sees five.
 * The attempt id is returned so a right password can mark it succeeded afterwards; scrypt runs outside
 * the transaction so the locks are held for two short queries only.
 */
async function admit(
  db: FleetDb,
  name: string,
  ip: string,
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; until: Date }> {
  return db.transaction(async (tx) => {
    // Two key spaces (1: names, 2: addresses); always name first, so two sign-ins cannot deadlock.
    await tx.query('SELECT pg_advisory_xact_lock(1, hashtext($1)), pg_advisory_xact_lock(2, hashtext($2))', [
      name,
      ip,
    ]);
    const until = await lockedUntil(tx, name, ip, now);
    if (until) return { ok: false, until };
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO login_attempts (name, ip, at, succeeded) VALUES ($1, $2, $3, false) RETURNING id::text AS id',
      [name, ip, now.toISOString()],
    );
    return { ok: true, id: row!.id };
  });
}

export async function signIn(
  db: FleetDb,
  attempt: { name: string; password: string; ip: string; now: Date },
): Promise<SignInResult> {
  const name = normaliseName(attempt.name).slice(0, 100);
  const admitted = await admit(db, name, attempt.ip, attempt.now);
  // While waiting, the password is not even checked: guessing on costs nothing but is worth nothing.
  if (!admitted.ok) return { ok: false, reason: 'wait', until: admitted.until };
  const stored = await passwordHashOf(db, name);
  const matches = await verifyPassword(attempt.password, stored ?? (await decoyHash()));
  if (stored === undefined || !matches) return { ok: false, reason: 'wrong' };
  await db.query('UPDATE login_attempts SET succeeded = true WHERE id = $1', [admitted.id]);
  return { ok: true, staffName: name, token: await startSession(db, name, attempt.now) };
}
