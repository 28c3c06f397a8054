/** Staff accounts: add, reset a password, list. Used by the CLI (fleet/users-cli.ts) and the tests. */
import type { FleetDb } from '../db.ts';
import type { Checked } from '../protocol.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/** Lower-case, so "Wang.Li" and "wang.li" are one account and a sign-in by either finds it. */
const NAME_PATTERN = /^[a-z0-9._-]{2,40}$/;

export function normaliseName(name: string): string {
  return name.trim().toLowerCase();
}

export function nameProblem(name: string): string | undefined {
  return NAME_PATTERN.test(name)
    ? undefined
    : `a staff name is 2–40 of a-z 0-9 . _ - (like wang.li), not "${name}"`;
}

export async function addStaff(
  db: FleetDb,
  rawName: string,
  password: string,
  now: Date,
): Promise<Checked<string>> {
  const name = normaliseName(rawName);
  const problem = nameProblem(name) ?? passwordProblem(password);
  if (problem) return { ok: false, reason: problem };
  const hash = await hashPassword(password);
  const rows = await db.query(
    `INSERT INTO staff (name, password_hash, created_at, password_set_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (name) DO NOTHING RETURNING name`,
    [name, hash, now.toISOString()],
  );
  if (rows.length === 0) {
    return {
      ok: false,
      reason: `there is already an account "${name}": use "user reset ${name}" for a new password`,
    };
  }
  return { ok: true, value: name };
}

/** A new password; every session of that account ends (a reset is what staff do after a leak). */
export async function resetPassword(
  db: FleetDb,
  rawName: string,
  password: string,
  now: Date,
): Promise<Checked<string>> {
  const name = normaliseName(rawName);
  const problem = passwordProblem(password);
  if (problem) return { ok: false, reason: problem };
  const hash = await hashPassword(password);
  const rows = await db.query(
    'UPDATE staff SET password_hash = $2, password_set_at = $3 WHERE name = $1 RETURNING name',
    [name, hash, now.toISOString()],
  );
  if (rows.length === 0)
    return { ok: false, reason: `there is no account "${name}": "user add ${name}" makes one` };
  await db.query('DELETE FROM staff_sessions WHERE staff_name = $1', [name]);
  return { ok: true, value: name };
}

export interface StaffRow {
  name: string;
  createdAt: Date;
  passwordSetAt: Date;
}

export async function listStaff(db: FleetDb): Promise<StaffRow[]> {
  const rows = await db.query<{ name: string; created_at: Date | string; password_set_at: Date | string }>(
    'SELECT name, created_at, password_set_at FROM staff ORDER BY name',
  );
  return rows.map((row) => ({
    name: row.name,
    createdAt: new Date(row.created_at),
    passwordSetAt: new Date(row.password_set_at),
  }));
}

export async function passwordHashOf(db: FleetDb, name: string): Promise<string | undefined> {
  const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM staff WHERE name = $1', [
    name,
  ]);
  return row?.password_hash;
}
