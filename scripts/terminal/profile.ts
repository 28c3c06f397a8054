/**
 * Prepares a Chromium profile for a restart after a crash or power cut. Chromium leaves its profile
 * lock and LevelDB `LOCK` files behind when killed; this build then refuses to open IndexedDB
 * ("Internal error opening backing store") on every later start, so a terminal would lose its
 * content. The launcher clears them, but only when no Chromium runs on the profile.
 */
import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The pid of a Chromium that holds this profile, read from its SingletonLock (`host-pid`). */
export function profileOwner(profile: string): number | undefined {
  let target: string;
  try {
    target = readlinkSync(join(profile, 'SingletonLock'));
  } catch {
    return undefined;
  }
  const m = /^(.*)-(\d+)$/.exec(target);
  if (!m || m[1] !== hostname()) return undefined;
  const pid = Number(m[2]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  // A killed Chromium whose parent is gone can linger as a zombie: it holds nothing.
  try {
    if (/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return undefined;
  } catch {}
  return pid;
}

/** Removes stale lock files; refuses (returns undefined) while a live Chromium owns the profile. */
export function clearStaleLocks(profile: string): string[] | undefined {
  if (profileOwner(profile) !== undefined) return undefined;
  const removed: string[] = [];
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name === 'LOCK' || e.name.startsWith('Singleton')) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    }
  };
  walk(profile);
  return removed;
}
