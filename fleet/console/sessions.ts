/**
 * Console sessions. The cookie carries 32 random bytes; the database keeps only their SHA-256, so a
 * copy of the table signs no one in. Each session has its own CSRF token (a synchronizer token every
 * form carries). A session ends 12 hours after sign-in, or after 30 minutes without a request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FleetDb } from '../db.ts';

export const SESSION_LIFETIME_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 30 * 60_000;

export interface Session {
  staffName: string;
  csrfToken: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session; returns the token for the cookie (never stored as is). */
export async function startSession(db: FleetDb, staffName: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO staff_sessions (token_hash, staff_name, csrf_token, created_at, last_used_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [
      hashToken(token),
      staffName,
      randomBytes(32).toString('base64url'),
      now.toISOString(),
      new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    ],
  );
  return token;
}

/** The session of a cookie's token, refreshed; undefined (and deleted) when over its time or idle. */
export async function findSession(
  db: FleetDb,
  token: string | undefined,
  now: Date,
): Promise<Session | undefined> {
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const [row] = await db.query<{
    staff_name: string;
    csrf_token: string;
    last_used_at: Date | string;
    expires_at: Date | string;
  }>('SELECT staff_name, csrf_token, last_used_at, expires_at FROM staff_sessions WHERE token_hash = $1', [
    tokenHash,
  ]);
  if (!row) return undefined;
  const idleSince = new Date(row.last_used_at).getTime();
  if (new Date(row.expires_at).getTime() <= now.getTime() || idleSince + SESSION_IDLE_MS <= now.getTime()) {
    await db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  await db.query('UPDATE staff_sessions SET last_used_at = $2 WHERE token_hash = $1', [
    tokenHash,
    now.toISOString(),
  ]);
  return { staffName: row.staff_name, csrfToken: row.csrf_token };
}

export async function endSession(db: FleetDb, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [hashToken(token)]);
}
