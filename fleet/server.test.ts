/**
 * `npm run fleet` as staff start it: a data folder that survives a restart (the second start applies
 * no migration), health over HTTP, a clean stop on SIGTERM, and a wrong option told, not crashed on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'fleet-server-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the service on a free port; resolves with its address and its output once it listens. */
function start(): Promise<{ address: string; output: () => string; stop: () => Promise<number | null> }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'fleet/server.ts', '--port', '0', '--data', dataDir],
    {
      env,
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fleet did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = output.match(/reports at (http:\/\/[^\s]+)\/api\/v1\/reports/)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve({
          address,
          output: () => output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`fleet exited with ${code}:\n${output}`)));
  });
}

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
