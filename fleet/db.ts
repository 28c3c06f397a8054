/**
 * The fleet service's database: one small interface, two adapters. PGlite (PostgreSQL compiled to WASM,
 * in-process, a data folder) serves a single hall with nothing to install; a PostgreSQL server
 * (`DATABASE_URL`, through `pg`) serves a centre with many halls. Both run the same SQL, so the schema
 * and every query are written once, in PostgreSQL's dialect.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.ts';

export type Row = Record<string, unknown>;

/** What a query inside or outside a transaction may do. Parameters are `$1`, `$2`, … as PostgreSQL has them. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (the migrations). */
  exec(sql: string): Promise<void>;
}

export interface FleetDb extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.local/fleet-db';

/**
 * PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). Throws, naming the folder and
 * the pid, when another process has the folder open (data-folder-lock.ts says why).
 */
export async function openPglite(dataDir: string | undefined): Promise<FleetDb> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    const lock = lockDataFolder(dataDir);
    if (!lock.ok) throw new Error(lock.reason);
    release = lock.release;
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<R extends Row>(sql: string, params: unknown[] = []) {
      return (await db.query<R>(sql, params)).rows;
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <R extends Row>(sql: string, params: unknown[] = []) =>
            (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    async exec(sql) {
      await db.exec(sql);
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * A PostgreSQL server. `schema`, when given, becomes every connection's search_path: the tests use one
 * throwaway schema per run so they never meet another run's rows.
 */
export async function openPostgres(url: string, options: { schema?: string } = {}): Promise<FleetDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A dropped connection is reported on the pool; without a listener it would end the process.
  pool.on('error', (error) => console.error(`fleet: PostgreSQL connection lost: ${error.message}`));
  // Connect once now so a wrong URL or a server that is down is told at start, not at the first report.
  (await pool.connect()).release();
  return {
    kind: 'postgres',
    async query<R extends Row>(sql: string, params: unknown[] = []) {
      return (await pool.query<R>(sql, params)).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      // Set when ROLLBACK itself failed: the connection's state is unknown (broken, or still inside the
      // transaction), so it is destroyed rather than handed to the next request from the pool.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <R extends Row>(sql: string, params: unknown[] = []) =>
            (await client.query<R>(sql, params)).rows,
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** The service's database: the server at `DATABASE_URL` when set, else PGlite in `dataDir`. */
export function openFleetDb(options: { databaseUrl?: string; dataDir?: string }): Promise<FleetDb> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}
