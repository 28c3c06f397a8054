import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../content/fixtures/scratch.ts';
import { generateKeys } from './keys.ts';
import { publishBundle } from './publish.ts';

const KEY = generateKeys().privateKey;
const newFeed = () => mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
const publish = (folder: string, feed: string, now = new Date('2026-11-26T10:00:00Z')) => {
  const result = publishBundle({ folder, feed, privateKey: KEY, channel: 'stable', expires: '30d', now });
  if (!result.ok) throw new Error(result.reason);
  return result;
};
const feedFiles = (feed: string) => new Set(readdirSync(join(feed, 'files')).map((f) => `files/${f}`));
const manifestOf = (feed: string) => {
  const channel = JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8'));
  const hash = JSON.parse(channel.payload).manifest.hash;
  return JSON.parse(readFileSync(join(feed, `files/${hash}.json`), 'utf8')) as {
    documents: { kind: string; id: string; hash: string }[];
  };
};

describe('publish', () => {
  it('should write only a new channel file when the content is unchanged', () => {
    const feed = newFeed();
    const first = publish('content/sample', feed);
    const before = feedFiles(feed);
    const second = publish('content/sample', feed);
    expect(second.written).toEqual(['channels/stable.json']);
    expect(second.version).toBe(first.version + 1);
    expect(feedFiles(feed)).toEqual(before);
  });

  it("should add only the changed service's document, the search index, the manifest and the channel file", () => {
    const folder = scratchCopy('content/sample');
    const feed = newFeed();
    publish(folder, feed);
    const before = manifestOf(feed);
    const path = join(folder, 'services/passport.yaml');
    // 新, 版, （ and ） all appear elsewhere in the sample: no new character, so the content font is unchanged.
    writeFileSync(path, readFileSync(path, 'utf8').replace('zh-CN: 普通护照', 'zh-CN: 普通护照（新版）'));
    const result = publish(folder, feed);

    const after = manifestOf(feed);
    const changed = after.documents.filter((d) => !before.documents.some((b) => b.hash === d.hash));
    // The index names the service, so it changes with it; nothing else does.
    expect(changed.map((d) => `${d.kind}:${d.id}`)).toEqual(['service:passport', 'search:search']);
    expect(result.written.sort()).toEqual(
      [...changed.map((d) => `files/${d.hash}.json`), result.manifest, 'channels/stable.json'].sort(),
    );
  });

  it('should refuse content with errors and write nothing', () => {
    const folder = scratchCopy('content/fixtures/minimal', {
      edit: { 'fees/registration.yaml': ['amount: 8000', 'amount: 80.5'] },
    });
    const feed = newFeed();
    const lines: string[] = [];
    const result = publishBundle({
      folder,
      feed,
      privateKey: KEY,
      channel: 'stable',
      expires: '30d',
      log: (l) => lines.push(l),
    });
    expect(result.ok).toBe(false);
    expect(lines.join('\n')).toMatch(
      /fees\/registration\.yaml:4: "amount" money must be a whole number of fen/,
    );
    expect(existsSync(join(feed, 'files'))).toBe(false);
    expect(existsSync(join(feed, 'channels'))).toBe(false);
  });

  it('should sign metadata that expires after the given time and names the manifest', () => {
    const feed = newFeed();
    publish('content/fixtures/minimal', feed, new Date('2026-11-26T10:00:00Z'));
    const payload = JSON.parse(JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8')).payload);
    expect(payload).toMatchObject({
      type: 'sunlight-channel',
      channel: 'stable',
      hall: 'test-hall',
      version: 1,
      published: '2026-11-26T10:00:00.000Z',
      expires: '2026-12-26T10:00:00.000Z',
    });
    expect(existsSync(join(feed, `files/${payload.manifest.hash}.json`))).toBe(true);
  });

  it('should compile Markdown to a tree of allowed nodes and lay out every flow per locale', () => {
    const feed = newFeed();
    publish('content/fixtures/minimal', feed);
    const manifest = manifestOf(feed);
    const read = (kind: string) => {
      const d = manifest.documents.find((x) => x.kind === kind)!;
      return JSON.parse(readFileSync(join(feed, `files/${d.hash}.json`), 'utf8'));
    };
    expect(read('department').responsibilities['zh-CN']).toEqual([
      { t: 'ul', c: [{ t: 'li', c: ['负责住房登记'] }] },
    ]);
    const flow = read('service').flow;
    expect(Object.keys(flow.layout)).toEqual(['zh-CN', 'en']);
    const boxes = Object.values(flow.layout['zh-CN'].nodes) as {
      x: number;
      y: number;
      w: number;
      h: number;
    }[];
    // No two boxes overlap, and the loop back from 一次性告知补正 to the start is marked as going back.
    for (const a of boxes)
      for (const b of boxes) {
        if (a !== b)
          expect(Math.abs(a.x - b.x) * 2 >= a.w + b.w || Math.abs(a.y - b.y) * 2 >= a.h + b.h).toBe(true);
      }
    expect(flow.layout['zh-CN'].edges.find((e: { from: string }) => e.from === 'fix').back).toBe(true);
  });

  it('should rewrite a damaged file it would reuse, and say which and why', () => {
    const feed = newFeed();
    publish('content/fixtures/minimal', feed);
    const svg = [...feedFiles(feed)].find((f) => f.endsWith('.svg'))!;
    const goodSvg = readFileSync(join(feed, svg));
    const altered = Buffer.from(goodSvg);
    altered[10] = altered[10]! ^ 1;
    writeFileSync(join(feed, svg), altered); // same size, other bytes: a bad disk
    const doc = `files/${manifestOf(feed).documents.find((d) => d.kind === 'service')!.hash}.json`;
    const goodDoc = readFileSync(join(feed, doc));
    writeFileSync(join(feed, doc), goodDoc.subarray(0, 20)); // a half-finished upload

    const lines: string[] = [];
    const result = publishBundle({
      folder: 'content/fixtures/minimal',
      feed,
      privateKey: KEY,
      channel: 'stable',
      expires: '30d',
      now: new Date('2026-11-26T11:00:00Z'),
      log: (l) => lines.push(l),
    });
    if (!result.ok) throw new Error(result.reason);
    expect(readFileSync(join(feed, svg))).toEqual(goodSvg);
    expect(readFileSync(join(feed, doc))).toEqual(goodDoc);
    expect(result.repaired.sort()).toEqual([doc, svg].sort());
    expect(result.written.sort()).toEqual([doc, svg, 'channels/stable.json'].sort());
    const output = lines.join('\n');
    expect(output).toContain(`${svg} was damaged (its SHA-256 does not match its name): rewritten`);
    expect(output).toContain(`${doc} was damaged (20 bytes, expected ${goodDoc.length}): rewritten`);
  });

  it('should go above every version published before when a feed is restored from a backup', () => {
    const folder = scratchCopy('content/fixtures/minimal');
    const feed = newFeed();
    const at = (iso: string) => new Date(iso);
    const staff = (now: Date) => {
      const r = publishBundle({
        folder,
        feed,
        privateKey: KEY,
        channel: 'stable',
        expires: '30d',
        now,
        versions: 'clock',
      });
      if (!r.ok) throw new Error(r.reason);
      return r;
    };
    const first = staff(at('2026-11-26T10:00:00Z'));
    const backup = mkdtempSync(join(tmpdir(), 'sunlight-backup-'));
    cpSync(feed, backup, { recursive: true });
    const hall = join(folder, 'hall.yaml');
    writeFileSync(hall, readFileSync(hall, 'utf8').replace('测试大厅', '测试大厅二'));
    const second = staff(at('2026-11-26T11:00:00Z'));
    // The disk fails; yesterday's backup comes back, and the next edit is published from it.
    rmSync(feed, { recursive: true });
    cpSync(backup, feed, { recursive: true });
    writeFileSync(hall, readFileSync(hall, 'utf8').replace('测试大厅二', '测试大厅三'));
    const third = staff(at('2026-11-26T12:00:00Z'));
    expect(second.version).toBeGreaterThan(first.version);
    expect(third.version).toBeGreaterThan(second.version);
    expect(third.version).toBe(20261126120000);
  });

  it('should move an existing feed with small versions forward, one at a time within a second', () => {
    const feed = newFeed();
    const now = new Date('2026-11-26T10:00:00Z');
    publish('content/fixtures/minimal', feed, now); // version 1, as feeds published before this change
    const staff = () => {
      const r = publishBundle({
        folder: 'content/fixtures/minimal',
        feed,
        privateKey: KEY,
        channel: 'stable',
        expires: '30d',
        now,
        versions: 'clock',
      });
      if (!r.ok) throw new Error(r.reason);
      return r;
    };
    expect(staff().version).toBe(20261126100000);
    const again = staff();
    expect(again.version).toBe(20261126100001);
    // Same content: still only the channel file is written.
    expect(again.written).toEqual(['channels/stable.json']);
  });

  it("should judge a lock by its holder's process on this machine, and by its age only from another", () => {
    const feed = newFeed();
    const lock = join(feed, '.publish.lock');
    const published = () =>
      publishBundle({
        folder: 'content/fixtures/minimal',
        feed,
        privateKey: KEY,
        channel: 'stable',
        expires: '30d',
      }).ok;
    // A live publish here, its lock dated hours back (a clock set wrong, a file system on another clock).
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2020-01-01T00:00:00.000Z' }),
    );
    const hoursAgo = new Date(Date.now() - 5 * 3600e3);
    utimesSync(lock, hoursAgo, hoursAgo);
    expect(published()).toBe(false);
    // Another machine's lock: taken over once its own clock says it is older than 30 minutes…
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-staff-pc', since: old }));
    expect(published()).toBe(true);
    // …and kept while it is younger.
    writeFileSync(
      lock,
      JSON.stringify({ pid: 1, host: 'another-staff-pc', since: new Date().toISOString() }),
    );
    expect(published()).toBe(false);
  });

  it('should refuse to publish while another publish holds the feed, naming it, and take over a dead one', () => {
    const feed = newFeed();
    const lock = join(feed, '.publish.lock');
    // A live process (this one) holds it.
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-26T09:59:00.000Z' }),
    );
    const held = publishBundle({
      folder: 'content/fixtures/minimal',
      feed,
      privateKey: KEY,
      channel: 'stable',
      expires: '30d',
    });
    expect(held.ok).toBe(false);
    expect(!held.ok && held.reason).toBe(
      `${lock}: another publish (pid ${process.pid} on ${hostname()}, since 2026-11-26T09:59:00.000Z) is writing to this feed, so nothing was published. Publish again when it has finished; if no publish is running, delete the lock file.`,
    );
    expect(existsSync(join(feed, 'channels'))).toBe(false);
    // A publish that crashed: its process is gone.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), since: '2026-11-26T09:59:00.000Z' }));
    expect(publish('content/fixtures/minimal', feed).ok).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
