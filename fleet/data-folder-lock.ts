/**
 * PGlite's data folder belongs to one process at a time: PGlite has no lock of its own, so a second
 * process opening the same folder (`npm run fleet -- user add` while the service runs) would write into
 * a copy the service never reads, and two writers can corrupt the folder (electric-sql/pglite#1106).
 * The owner leaves `fleet.lock` in the folder with its pid and host; the file is removed on close. A lock
 * left by a process that no longer lives on this host (a crash, a `kill -9`) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processIsAlive } from '../scripts/feed-lock.ts';

export const LOCK_FILE = 'fleet.lock';

interface LockHolder {
  pid: number;
  host: string;
}

export type DataFolderLock = { ok: true; release: () => void } | { ok: false; reason: string };

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock for this process, or says who holds it and what to do. */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // `wx`: created only if absent, so two processes starting together cannot both win.
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, reason: `could not create ${path}: ${(error as Error).message}` };
      }
    }
    const holder = readHolder(path);
    if (holder && holder.host !== me.host) {
      return {
        ok: false,
        reason: `the fleet service on host ${holder.host} (pid ${holder.pid}) has the data folder ${dataDir} open: stop it first, then run this again (if it no longer runs, remove ${path})`,
      };
    }
    if (holder && processIsAlive(holder.pid)) {
      return {
        ok: false,
        reason: `the fleet service (pid ${holder.pid}) has the data folder ${dataDir} open: stop it first, then run this again`,
      };
    }
    // The holder is gone (or the file is unreadable, left half-written by a crash): take it over.
    rmSync(path, { force: true });
  }
  return { ok: false, reason: `could not take the lock ${path}: another process keeps taking it` };
}
