/**
 * Prepares a Chromium profile for a restart after a crash or power cut. Chromium leaves its profile
 * lock and LevelDB `LOCK` files behind when killed; this build then refuses to open IndexedDB
 * ("Internal error opening backing store") on every later start, so a terminal would lose its
 * content. Call only while no Chromium runs on the profile: the terminal launcher does, before start.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function clearStaleLocks(profile: string): string[] {
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
