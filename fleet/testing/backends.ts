/**
 * The databases the fleet tests run against: PGlite in memory always, and a real PostgreSQL server
 * when FLEET_TEST_DATABASE_URL is set (.ci/run starts one). Under CI=true a missing URL is a failing
 * backend, not a skipped one, so CI can never pass without having tried PostgreSQL.
 */
import pg from 'pg';
import { type FleetDb, openPglite, openPostgres } from '../db.ts';
import { migrate } from '../migrate.ts';

export interface TestDatabase {
  db: FleetDb;
  close(): Promise<void>;
}

export interface TestBackend {
  name: string;
  open(): Promise<TestDatabase>;
}

const pglite: TestBackend = {
  name: 'PGlite',
  async open() {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, close: () => db.close() };
  },
};

/** A throwaway schema per run on the server, dropped afterwards, so runs never share rows. */
function postgres(url: string): TestBackend {
  return {
    name: 'PostgreSQL',
    async open() {
      const schema = `fleet_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const db = await openPostgres(url, { schema });
      await migrate(db);
      return {
        db,
        async close() {
          await db.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}

const missingInCi: TestBackend = {
  name: 'PostgreSQL',
  open: () =>
    Promise.reject(
      new Error(
        'CI=true but FLEET_TEST_DATABASE_URL is not set: .ci/run must start PostgreSQL and export it',
      ),
    ),
};

export function testBackends(env: NodeJS.ProcessEnv = process.env): TestBackend[] {
  const url = env.FLEET_TEST_DATABASE_URL;
  if (url) return [pglite, postgres(url)];
  return env.CI === 'true' ? [pglite, missingInCi] : [pglite];
}
