/**
 * One publish at a time per feed folder. Two publishes that both read version N and both write N + 1
 * would both say ✓ while one of them is lost; so a publish first creates `<feed>/.publish.lock`
 * exclusively (the file system decides who wins) and removes it when done. A lock whose process is gone
 * (same machine) or that is older than STALE_AFTER_MS (a crash on another machine sharing the folder)
 * is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = '.publish.lock';
/** Far longer than the largest hall takes to publish (about a minute for 5,000 files). */
export const STALE_AFTER_MS = 30 * 60_000;

type Holder = { pid: number; host: string; since: string };
export type FeedLock = { release: () => void };

/** The lock, or why it cannot be had, naming who holds it. */
export function lockFeed(feed: string, now: () => number = Date.now): FeedLock | string {
  mkdirSync(feed, { recursive: true });
  const path = join(feed, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date(now()).toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(path);
      if (attempt === 0 && isStale(path, holder, now())) {
        rmSync(path, { force: true });
        continue;
      }
      return heldMessage(path, holder);
    }
    const text = JSON.stringify(me);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return {
      release: () => {
        // Only our own lock: a takeover after a stale judgement must not be undone by the old holder.
        if (readText(path) === text) rmSync(path, { force: true });
      },
    };
  }
  return heldMessage(path, readHolder(path));
}

function heldMessage(path: string, holder: Holder | undefined): string {
  const who = holder
    ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}`
    : 'pid unknown: the lock file is being written or is unreadable';
  return (
    `${path}: another publish (${who}) is writing to this feed, so nothing was published. ` +
    'Publish again when it has finished; if no publish is running, delete the lock file.'
  );
}

function isStale(path: string, holder: Holder | undefined, now: number): boolean {
  // On this machine the holder's process answers for itself: no clock is involved, so a clock set
  // wrong (or a file system that dates files by another clock) never takes a live publish's lock.
  if (holder && holder.host === hostname()) return !processIsAlive(holder.pid);
  // Another machine's lock: by its age, on the holder's own clock where it wrote one.
  let since = holder ? Date.parse(holder.since) : Number.NaN;
  if (Number.isNaN(since)) {
    try {
      since = statSync(path).mtimeMs;
    } catch {
      return true; // gone already: the next attempt simply creates it
    }
  }
  // An unreadable lock younger than that is one its holder is still writing.
  return now - since > STALE_AFTER_MS;
}

/** Whether `pid` is a live process on this host (EPERM: it lives, under another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readText(path) ?? '') as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.since === 'string')
      return { pid: h.pid, host: h.host, since: h.since };
  } catch {
    // unreadable: handled by the caller
  }
  return undefined;
}
