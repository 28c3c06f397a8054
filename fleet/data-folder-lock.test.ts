/**
 * PGlite's data folder has one owner at a time: a second opener is refused with the folder and the
 * owner's pid, the lock is released on close, and a lock left by a process that died is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './data-folder-lock.ts';
import { openPglite } from './db.ts';

const root = mkdtempSync(join(tmpdir(), 'fleet-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite data folder lock', () => {
  it('refuses a second opener, naming the folder and the pid, and lets it in once the first closes', async () => {
    const dataDir = join(root, 'two-openers');
    const first = await openPglite(dataDir);
    await first.exec('CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)');
    await expect(openPglite(dataDir)).rejects.toThrow(
      `the fleet service (pid ${process.pid}) has the data folder ${dataDir} open: stop it first, then run this again`,
    );
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const second = await openPglite(dataDir);
    try {
      expect(await second.query('SELECT n FROM kept')).toEqual([{ n: 7 }]);
    } finally {
      await second.close();
    }
  }, 30_000);

  it('takes over a lock whose process no longer lives on this host', async () => {
    const dataDir = join(root, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const first = await openPglite(dataDir);
    await first.close();
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: gone, host: hostname() }));

    const db = await openPglite(dataDir);
    try {
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 30_000);

  it('refuses a lock held on another host, since its pid cannot be checked from here', async () => {
    const dataDir = join(root, 'other-host');
    const first = await openPglite(dataDir);
    await first.close();
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 4242, host: 'hall-server-2' }));
    await expect(openPglite(dataDir)).rejects.toThrow(
      `the fleet service on host hall-server-2 (pid 4242) has the data folder ${dataDir} open`,
    );
  });

  it('needs no lock in memory', async () => {
    const [a, b] = await Promise.all([openPglite(undefined), openPglite(undefined)]);
    await Promise.all([a.close(), b.close()]);
  });
});
