/**
 * `npm run fleet` as staff start it: a data folder that survives a restart (the second start applies
 * no migration), health over HTTP, a clean stop on SIGTERM, and a wrong option told, not crashed on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runService } from './testing/run-service.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'fleet-server-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => runService(dataDir);

describe('npm run fleet', () => {
  it('keeps its database in --data across a restart, answers health, and stops cleanly', async () => {
    const first = await start();
    expect(first.output()).toContain(`PGlite in ${dataDir}, applied 001_initial.sql`);
    expect(await (await fetch(`${first.address}/api/v1/health`)).json()).toEqual({
      ok: true,
      database: 'pglite',
    });
    expect(await first.stop()).toBe(0);

    const second = await start();
    expect(second.output()).toContain('schema up to date');
    expect(await second.stop()).toBe(0);
  }, 60_000);

  it('names a wrong option and exits 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'fleet/server.ts', '--port', 'lots'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port should be a number from 0 to 65535, not "lots"');
  });
});
