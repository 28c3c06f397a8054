/**
 * Applies fleet/migrations/NNN_name.sql in order, each once, recording it in `fleet_migrations`.
 * Each file runs in its own transaction under an advisory lock, so two services starting at once
 * against one PostgreSQL server apply it once, and a file that fails leaves nothing half done.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FleetDb } from './db.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_NAME = /^\d{3}_[a-z0-9_]+\.sql$/;
/** Any fixed number: it names the lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_341_002;

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_NAME.test(name))
    .sort();
}

/** Applies what is missing; returns the names it applied (none on an up-to-date database). */
export async function migrate(db: FleetDb, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS fleet_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const name of migrationFiles(dir)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM fleet_migrations WHERE name = $1', [name]);
      if (seen.length > 0) return false;
      try {
        await tx.exec(readFileSync(`${dir}/${name}`, 'utf8'));
      } catch (error) {
        throw new Error(`fleet migration ${name} failed: ${(error as Error).message}`);
      }
      await tx.query('INSERT INTO fleet_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
