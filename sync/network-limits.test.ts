/**
 * A bad server cannot wedge or flood a terminal: downloads stop at the declared size, sizes above the
 * build's bounds are refused, silent or trickling requests are aborted and retried, and a check has an end.
 */
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchCopy } from '../content/fixtures/scratch.ts';
import { generateKeys } from '../scripts/keys.ts';
import { SyncEngine, type SyncOptions } from './engine.ts';
import { readActiveContent } from './read-content.ts';
import { openContentStore } from './store.ts';
import {
  endlessBody,
  FEED_URL,
  ManualClock,
  MemoryFeed,
  plentyOfStorage,
  tricklingBody,
} from './testing/memory-feed.ts';

const KEYS = generateKeys();
const MINIMAL = 'content/fixtures/minimal';

let feed: MemoryFeed;
let clock: ManualClock;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  feed = new MemoryFeed();
  clock = new ManualClock();
});

async function terminal(options: Partial<SyncOptions> = {}) {
  const { store } = await openContentStore();
  const engine = new SyncEngine(store, {
    feedUrl: FEED_URL,
    channel: 'stable',
    trustedKeys: [KEYS.publicKey],
    fetch: feed.fetch,
    clock,
    random: () => 0.5,
    storage: plentyOfStorage,
    concurrency: 1,
    ...options,
  });
  await engine.init();
  return { store, engine };
}
const errors = (engine: SyncEngine) =>
  engine
    .getStatus()
    .log.filter((e) => e.kind === 'error')
    .map((e) => e.message);

/** Version 1 shown, version 2 published: returns the feed path and bytes of v2's new hall document. */
async function shownThenUpdated(options: Partial<SyncOptions> = {}) {
  feed.publish(MINIMAL, KEYS.privateKey);
  const t = await terminal(options);
  expect(await t.engine.checkNow()).toBe('updated');
  const dir = scratchCopy(MINIMAL);
  const hall = join(dir, 'hall.yaml');
  writeFileSync(hall, readFileSync(hall, 'utf8').replace('测试大厅', '测试大厅二'));
  feed.publish(dir, KEYS.privateKey);
  const [path, bytes] = [...feed.files].find(
    ([p, b]) => p.endsWith('.json') && new TextDecoder().decode(b).includes('"测试大厅二"'),
  )!;
  return { ...t, path, bytes };
}

/** Lets the engine's promises and the bodies' real timers run, without moving the test clock. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!condition()) throw new Error('condition not reached');
}

/** Once the terminal has asked for `path` and begun reading its body. */
async function downloading(path: string): Promise<void> {
  await until(() => feed.served.some((s) => s.path === path));
  await new Promise((r) => setTimeout(r, 10));
}

describe('downloads stop at the size the manifest declares', () => {
  it('should refuse an endless file after its declared size, having read at most one chunk more', async () => {
    const { engine, store, path, bytes } = await shownThenUpdated();
    const endless = endlessBody();
    feed.fault = (p) => (p === path ? endless.response : undefined);

    expect(await engine.checkNow()).toBe('failed');
    expect(endless.tap.cancelled).toBe(true);
    expect(endless.tap.pulled).toBeLessThanOrEqual(bytes.length + 2 * 64 * 1024);
    expect(errors(engine).at(-1)).toMatch(
      new RegExp(
        `size check failed: hall "test-hall" \\(${path}\\): the feed sent more than the ${bytes.length} bytes the manifest declares`,
      ),
    );
    expect(engine.getStatus().active?.version).toBe(1);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅' });
  });

  it('should refuse a file whose declared size is above the build bound, without asking the feed for it', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal({ network: { maxFileBytes: 10_000 } });
    expect(await engine.checkNow()).toBe('failed');
    const [message] = errors(engine);
    expect(message).toMatch(
      /^size check failed: .+ \(files\/([0-9a-f]{64})\.\w+\) declares (\d+) bytes, more than the 10000 bytes this build accepts for one file \(maxFileBytes\)$/,
    );
    const refused = /\((files\/[0-9a-f]{64}\.\w+)\)/.exec(message!)![1];
    expect(feed.served.map((s) => s.path)).not.toContain(refused);
    expect(engine.getStatus().active).toBeUndefined();
  });

  it('should refuse an endless channel file at the build bound for it', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const endless = endlessBody(1024);
    feed.fault = (p) => (p === 'channels/stable.json' ? endless.response : undefined);
    const { engine } = await terminal({ network: { maxChannelBytes: 8192 } });
    expect(await engine.checkNow()).toBe('failed');
    expect(endless.tap.pulled).toBeLessThanOrEqual(8192 + 2 * 1024);
    expect(errors(engine).at(-1)).toBe(
      'size check failed: channels/stable.json: the feed sent more than the 8192 bytes this build accepts for the channel file (maxChannelBytes)',
    );
  });

  it('should refuse a manifest declared larger than the build bound for it', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal({ network: { maxManifestBytes: 100 } });
    expect(await engine.checkNow()).toBe('failed');
    expect(errors(engine).at(-1)).toMatch(
      /^size check failed: the manifest \(files\/[0-9a-f]{64}\.json\) declares \d+ bytes, more than the 100 bytes this build accepts for the manifest \(maxManifestBytes\)$/,
    );
    expect(feed.served.map((s) => s.path)).toEqual(['channels/stable.json']);
  });
});

describe('a request that stalls is aborted, logged and retried', () => {
  const limits = { stallMs: 30_000, minBytesPerSecond: 512, headersTimeoutMs: 30_000 };

  it('should abort a trickling file, say which and for how long, and take the update at the retry', async () => {
    const { engine, store, path, bytes } = await shownThenUpdated({ network: limits, retryMs: 30_000 });
    const trickle = tricklingBody(bytes);
    feed.fault = (p) => (p === path ? trickle.response : undefined);
    engine.start();
    await downloading(path);
    // The staff panel's "sync now" while it trickles joins the check under way.
    const joined = engine.checkNow();
    clock.advance(30_000);
    expect(await joined).toBe('failed');
    expect(trickle.tap.cancelled).toBe(true);
    expect(errors(engine).at(-1)).toMatch(
      new RegExp(
        `^hall "test-hall" \\(${path}\\): stalled: \\d+ bytes in 30 s \\(\\d+ of ${bytes.length} received\\), less than 512 bytes/s: aborted, will retry$`,
      ),
    );
    expect(engine.getStatus()).toMatchObject({ checking: false, failures: 1, progress: undefined });

    // The server behaves again: the normal backoff retries, and the update comes through.
    feed.fault = undefined;
    expect(clock.nextDelay()).toBe(30_000);
    clock.advance(30_000);
    await until(() => engine.getStatus().staged?.version === 2 && !engine.getStatus().checking);
    expect(engine.getStatus().failures).toBe(0);
    await engine.setIdle(true);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });
    engine.stop();
  });

  it('should abort a request whose answer never comes, after the headers timeout', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    feed.fault = () => 'hang';
    const { engine } = await terminal({ network: limits });
    const check = engine.checkNow();
    await until(() => feed.served.length === 1);
    clock.advance(29_000);
    await new Promise((r) => setTimeout(r, 10));
    expect(engine.getStatus().checking).toBe(true);
    clock.advance(1_000);
    expect(await check).toBe('failed');
    expect(errors(engine).at(-1)).toBe(
      'channels/stable.json: the feed did not answer within 30 s: aborted, will retry',
    );
  });

  it("should log the timeout, not a network error, when the browser's fetch rejects the moment it is aborted", async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    let asked = 0;
    // As Chromium's fetch does: no answer, and a rejection in the same turn as the abort.
    const browserLikeFetch: typeof fetch = (_input, init) => {
      asked++;
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const { engine } = await terminal({ network: limits, fetch: browserLikeFetch });
    const check = engine.checkNow();
    await until(() => asked === 1);
    clock.advance(30_000);
    expect(await check).toBe('failed');
    expect(errors(engine).at(-1)).toBe(
      'channels/stable.json: the feed did not answer within 30 s: aborted, will retry',
    );
  });

  it('should abandon a check that runs past its total bound, log it, and let the next check start afresh', async () => {
    // Slow but never stalled: a byte every few ms passes a 1-byte-per-window rate.
    const { engine, path, bytes } = await shownThenUpdated({
      network: { stallMs: 30_000, minBytesPerSecond: 0, checkLimitMs: 120_000 },
    });
    const trickle = tricklingBody(bytes, 1);
    feed.fault = (p) => (p === path ? trickle.response : undefined);
    const check = engine.checkNow();
    await downloading(path);
    for (let waited = 0; waited < 90_000; waited += 30_000) {
      const before = trickle.tap.pulled;
      await until(() => trickle.tap.pulled > before);
      clock.advance(30_000);
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(engine.getStatus().checking).toBe(true);
    await until(() => trickle.tap.pulled > 0);
    clock.advance(30_000);
    expect(await check).toBe('failed');
    expect(trickle.tap.cancelled).toBe(true);
    expect(errors(engine).at(-1)).toMatch(
      new RegExp(
        `^hall "test-hall" \\(${path}\\): check abandoned: still running after 2 min, the bound for one check \\(\\d+ of ${bytes.length} bytes received\\)$`,
      ),
    );
    feed.fault = undefined;
    expect(await engine.checkNow()).toBe('updated');
  });
});
