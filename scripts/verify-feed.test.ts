import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveFeed } from './feed-server.ts';
import { generateKeys, signText } from './keys.ts';
import { publishBundle } from './publish.ts';
import { checkFeed } from './verify-feed.ts';

const KEYS = generateKeys();
const NOW = new Date('2026-11-26T10:00:00Z');
const LATER = new Date('2026-11-27T10:00:00Z');

type Entry = { kind?: string; id?: string; path?: string; hash: string; size: number; ext: string };
type Manifest = { documents: Entry[]; media: Entry[] } & Record<string, unknown>;

function published(now = NOW, expires = '30d'): string {
  const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
  const r = publishBundle({
    folder: 'content/fixtures/minimal',
    feed,
    privateKey: KEYS.privateKey,
    channel: 'stable',
    expires,
    now,
  });
  if (!r.ok) throw new Error(r.reason);
  return feed;
}
const GOOD = published();
const copyOf = (feed: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-feed-copy-'));
  cpSync(feed, dir, { recursive: true });
  return dir;
};
const payloadOf = (feed: string) =>
  JSON.parse(JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8')).payload) as {
    manifest: { hash: string; size: number };
  } & Record<string, unknown>;
const manifestOf = (feed: string) =>
  JSON.parse(readFileSync(join(feed, `files/${payloadOf(feed).manifest.hash}.json`), 'utf8')) as Manifest;
const fileOf = (e: Entry) => `files/${e.hash}.${e.ext}`;
const check = (source: string, keys = [KEYS.publicKey]) =>
  checkFeed(source, { keys, channel: 'stable', now: LATER });

describe('npm run verify-feed', () => {
  const server = serveFeed(GOOD, 0);
  afterAll(async () => (await server).close());

  it('should pass a good feed in a folder, with a short summary', async () => {
    const result = await check(GOOD);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatch(/channel "stable" of hall "test-hall", version 1, expires 2026-12-26/);
    expect(result.summary).toMatch(/\d+ files checked/);
  });

  it('should pass the same feed served over HTTP', async () => {
    const result = await check(`${(await server).url}/`);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('should name every damaged, missing or cut-off file, and what is wrong with each', async () => {
    const feed = copyOf(GOOD);
    const manifest = manifestOf(feed);
    const svg = manifest.media.find((m) => m.ext === 'svg')!;
    const txt = manifest.media.find((m) => m.ext === 'txt')!;
    const service = manifest.documents.find((d) => d.kind === 'service')!;
    const altered = readFileSync(join(feed, fileOf(svg)));
    altered[10] = altered[10]! ^ 1;
    writeFileSync(join(feed, fileOf(svg)), altered);
    rmSync(join(feed, fileOf(txt)));
    writeFileSync(join(feed, fileOf(service)), readFileSync(join(feed, fileOf(service))).subarray(0, 20));

    const result = await check(feed);
    expect(result.ok).toBe(false);
    expect(result.problems.sort()).toEqual(
      [
        `${svg.path} (${fileOf(svg)}): its SHA-256 does not match its name`,
        `${txt.path} (${fileOf(txt)}): missing from the feed`,
        `service "${service.id}" (${fileOf(service)}): 20 bytes, expected ${service.size} (truncated or altered)`,
      ].sort(),
    );
  });

  it('should refuse a feed signed by a key it was not given', async () => {
    const other = generateKeys().publicKey;
    const result = await check(GOOD, [other]);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(
      /^channels\/stable\.json: the channel file is signed by a key this terminal does not trust/,
    );
  });

  it('should refuse a channel file altered after signing', async () => {
    const feed = copyOf(GOOD);
    const path = join(feed, 'channels/stable.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('\\"version\\":1', '\\"version\\":9'));
    const result = await check(feed);
    expect(result.problems).toEqual([
      'channels/stable.json: the channel file signature is not valid: the file was altered or signed wrongly',
    ]);
  });

  it('should refuse expired metadata, saying when it expired', async () => {
    const result = await check(published(new Date('2026-10-01T10:00:00Z'), '30d'));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'channels/stable.json: version 1 expired at 2026-10-31T10:00:00.000Z: terminals keep what they show and flag the feed stale',
    ]);
  });

  it('should name a document that fails the content schema even when its hash is right', async () => {
    const feed = copyOf(GOOD);
    const manifest = manifestOf(feed);
    const fee = manifest.documents.find((d) => d.kind === 'fee')!;
    const value = JSON.parse(readFileSync(join(feed, fileOf(fee)), 'utf8'));
    const bad = Buffer.from(JSON.stringify({ ...value, amount: 'eighty' }));
    const { createHash } = await import('node:crypto');
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    Object.assign(fee, { hash: hash(bad), size: bad.length });
    writeFileSync(join(feed, fileOf(fee)), bad);
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    writeFileSync(join(feed, `files/${hash(manifestBytes)}.json`), manifestBytes);
    const text = JSON.stringify({
      ...payloadOf(feed),
      manifest: { hash: hash(manifestBytes), size: manifestBytes.length },
    });
    writeFileSync(
      join(feed, 'channels/stable.json'),
      JSON.stringify({ payload: text, signatures: [signText(KEYS.privateKey, text)] }),
    );
    const result = await check(feed);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      new RegExp(`^fee "${fee.id}" \\(${fileOf(fee)}\\) does not match the content schema at "amount"`),
    );
  });

  it('should say so when there is no channel file at all', async () => {
    const result = await check(mkdtempSync(join(tmpdir(), 'sunlight-empty-feed-')));
    expect(result.problems).toEqual(['channels/stable.json: missing from the feed']);
  });
});
