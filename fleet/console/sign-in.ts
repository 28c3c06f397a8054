/**
 * Signing in, slowed down after wrong passwords. Attempts are counted by the name as typed and by the
 * client's address, whether or not the name has an account, and an unknown name is checked against a
 * decoy hash: the answer and its timing are the same, so no one learns which names exist.
 *
 * Per name: from the 5th wrong password since its last good sign-in (within the hour), every try
 * waits 1, 2, 4, 8, then 15 minutes after the last wrong one. Per address: the same from the 20th
 * wrong password within the hour, across all names (one computer guessing many names).
 */
import type { FleetDb } from '../db.ts';
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

async function lockedUntil(db: FleetDb, name: string, ip: string, now: Date): Promise<Date | undefined> {
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

export async function signIn(
  db: FleetDb,
  attempt: { name: string; password: string; ip: string; now: Date },
): Promise<SignInResult> {
  const name = normaliseName(attempt.name).slice(0, 100);
  const until = await lockedUntil(db, name, attempt.ip, attempt.now);
  // While waiting, the password is not even checked: guessing on costs nothing but is worth nothing.
  if (until) return { ok: false, reason: 'wait', until };
  const stored = await passwordHashOf(db, name);
  const matches = await verifyPassword(attempt.password, stored ?? (await decoyHash()));
  const succeeded = stored !== undefined && matches;
  await db.query('INSERT INTO login_attempts (name, ip, at, succeeded) VALUES ($1, $2, $3, $4)', [
    name,
    attempt.ip,
    attempt.now.toISOString(),
    succeeded,
  ]);
  if (!succeeded) return { ok: false, reason: 'wrong' };
  return { ok: true, staffName: name, token: await startSession(db, name, attempt.now) };
}
