import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchCopy } from '../content/fixtures/scratch.ts';
import { lastRefusal } from '../kiosk/staff/refusal.ts';
import { generateKeys, signText } from '../scripts/keys.ts';
import { SyncEngine, type SyncOptions } from './engine.ts';
import { readActiveContent } from './read-content.ts';
import { CONTENT_DB, openContentStore, type Store } from './store.ts';
import { FEED_URL, ManualClock, MemoryFeed, plentyOfStorage } from './testing/memory-feed.ts';
import { sha256Hex } from './verify.ts';

const KEYS = generateKeys();
const OTHER = generateKeys();
const MINIMAL = 'content/fixtures/minimal';

let feed: MemoryFeed;
let clock: ManualClock;
const opened: Store[] = [];

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  feed = new MemoryFeed();
  clock = new ManualClock();
});

async function terminal(options: Partial<SyncOptions> = {}) {
  const { store, recreated } = await openContentStore();
  opened.push(store);
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
  return { store, engine, recreated };
}
const lastError = (engine: SyncEngine) =>
  engine
    .getStatus()
    .log.filter((e) => e.kind === 'error')
    .at(-1)?.message;
const editedCopy = (file: string, from: string, to: string) => {
  const dir = scratchCopy(MINIMAL);
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  return dir;
};

describe('sync', () => {
  it('should sync an empty terminal at once and read the version whole', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal();
    expect(await engine.checkNow()).toBe('updated');
    expect(engine.getStatus().active?.version).toBe(1);
    const content = await readActiveContent(store);
    expect(content?.hall.id).toBe('test-hall');
    expect(content?.services.map((s) => s.id)).toEqual(['transfer']);
    expect(content?.media.get('media/plan.svg')?.type).toBe('image/svg+xml');
  });

  it('should cost one 304 when the feed is unchanged', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal();
    await engine.checkNow();
    feed.served.length = 0;
    expect(await engine.checkNow()).toBe('unchanged');
    expect(feed.served).toEqual([{ path: 'channels/stable.json', status: 304, bytes: 0 }]);
  });

  describe('refuses an update, keeps the active version and records why', () => {
    const v2 = () => editedCopy('hall.yaml', '测试大厅', '测试大厅二');
    const cases: [string, () => void, RegExp][] = [
      [
        'a bad signature',
        () => {
          feed.publish(v2(), KEYS.privateKey);
          const envelope = JSON.parse(new TextDecoder().decode(feed.files.get('channels/stable.json')));
          envelope.payload = envelope.payload.replace('"version":2', '"version":3');
          feed.files.set('channels/stable.json', new TextEncoder().encode(JSON.stringify(envelope)));
        },
        /signature check failed on channels\/stable\.json: the channel file signature is not valid/,
      ],
      [
        'an untrusted key',
        () => feed.publish(v2(), OTHER.privateKey),
        /signed by a key this terminal does not trust/,
      ],
      [
        'expired metadata',
        () => feed.publish(v2(), KEYS.privateKey, new Date(clock.now() - 40 * 86400e3), '30d'),
        /expiry check failed: the feed's metadata \(version 2\) expired at/,
      ],
      [
        'a corrupted file',
        () => {
          feed.publish(v2(), KEYS.privateKey);
          const [path, bytes] = [...feed.files].find(
            ([p, b]) => p.endsWith('.json') && new TextDecoder().decode(b).includes('测试大厅二'),
          )!;
          const corrupt = bytes.slice();
          corrupt[10] = corrupt[10]! ^ 1;
          feed.files.set(path, corrupt);
        },
        /hash check failed: hall "test-hall" \(files\/[0-9a-f]{64}\.json\): its SHA-256 does not match its name/,
      ],
      [
        'a truncated file',
        () => {
          feed.publish(v2(), KEYS.privateKey);
          const [path, bytes] = [...feed.files].find(([, b]) =>
            new TextDecoder().decode(b).includes('测试大厅二'),
          )!;
          feed.files.set(path, bytes.slice(0, bytes.length - 7));
        },
        /hash check failed: hall "test-hall" .*bytes, expected \d+ \(truncated or altered\)/,
      ],
      [
        'a 404 on a file',
        () => {
          feed.publish(v2(), KEYS.privateKey);
          const [path] = [...feed.files].find(([, b]) => new TextDecoder().decode(b).includes('测试大厅二'))!;
          feed.files.delete(path);
        },
        /files\/[0-9a-f]{64}\.json: the feed answered HTTP 404/,
      ],
    ];
    it.each(cases)('%s', async (_name, breakFeed, reason) => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { store, engine } = await terminal();
      await engine.checkNow();
      breakFeed();
      expect(await engine.checkNow()).toBe('failed');
      expect(engine.getStatus().active?.version).toBe(1);
      expect(engine.getStatus().staged).toBeUndefined();
      expect((await readActiveContent(store))?.hall.name).toEqual({ 'zh-CN': '测试大厅', en: 'Test Hall' });
      expect(lastError(engine)).toMatch(reason);
    });

    it('says what the feed offers even while it refuses it (the fleet report compares it with what shows)', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { engine } = await terminal();
      await engine.checkNow();
      expect(engine.getStatus().feedLatest?.version).toBe(1);
      feed.publish(v2(), KEYS.privateKey);
      const [path, bytes] = [...feed.files].find(([, b]) =>
        new TextDecoder().decode(b).includes('测试大厅二'),
      )!;
      feed.files.set(path, bytes.slice(0, 10));
      expect(await engine.checkNow()).toBe('failed');
      expect(engine.getStatus().active?.version).toBe(1);
      expect(engine.getStatus().feedLatest?.version).toBe(2);
    });

    it('a schema-invalid document, even correctly hashed and signed', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { engine } = await terminal();
      await engine.checkNow();
      feed.publish(v2(), KEYS.privateKey);
      // Re-sign a manifest naming a hall document that hashes right but breaks the schema.
      const payload = feed.channelPayload() as { version: number; manifest: { hash: string; size: number } };
      const manifest = JSON.parse(
        new TextDecoder().decode(feed.files.get(`files/${payload.manifest.hash}.json`)),
      );
      const bad = new TextEncoder().encode(JSON.stringify({ id: 'test-hall', name: 42 }));
      const badHash = await sha256Hex(bad);
      feed.files.set(`files/${badHash}.json`, bad);
      manifest.documents = manifest.documents.map((d: { kind: string }) =>
        d.kind === 'hall' ? { ...d, hash: badHash, size: bad.length } : d,
      );
      const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
      const manifestHash = await sha256Hex(manifestBytes);
      feed.files.set(`files/${manifestHash}.json`, manifestBytes);
      const text = JSON.stringify({
        ...payload,
        version: 3,
        manifest: { hash: manifestHash, size: manifestBytes.length },
      });
      feed.files.set(
        'channels/stable.json',
        new TextEncoder().encode(
          JSON.stringify({ payload: text, signatures: [signText(KEYS.privateKey, text)] }),
        ),
      );

      expect(await engine.checkNow()).toBe('failed');
      expect(engine.getStatus().active?.version).toBe(1);
      expect(lastError(engine)).toMatch(
        /schema check failed: hall "test-hall" \(files\/[0-9a-f]+\.json\) does not match the content schema/,
      );
    });

    it('a rollback to a lower version, even after the content store is deleted', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const oldChannel = feed.files.get('channels/stable.json')!;
      const oldFiles = new Map(feed.files);
      feed.publish(v2(), KEYS.privateKey);
      const first = await terminal();
      await first.engine.checkNow();
      expect(first.engine.getStatus().active?.version).toBe(2);
      first.store.close();
      // The content database is lost (collected, or recreated after corruption); trusted state is not.
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(CONTENT_DB);
        req.onsuccess = () => resolve();
      });
      for (const [p, b] of oldFiles) feed.files.set(p, b);
      feed.files.set('channels/stable.json', oldChannel);
      const second = await terminal();
      expect(await second.engine.checkNow()).toBe('failed');
      expect(second.engine.getStatus().active).toBeUndefined();
      expect(lastError(second.engine)).toMatch(
        /rollback refused: the feed offers version 1, lower than version 2 already seen/,
      );
    });
  });

  it('should flag the feed stale when its metadata has expired, and keep the content', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal();
    await engine.checkNow();
    feed.publish(
      editedCopy('hall.yaml', '测试大厅', '测试大厅二'),
      KEYS.privateKey,
      new Date(clock.now() - 40 * 86400e3),
    );
    await engine.checkNow();
    expect(engine.getStatus()).toMatchObject({ stale: true, active: { version: 1 } });
  });

  it('should back off on 500s with growing, capped delays, then recover and reset', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    feed.fault = () => new Response('busy', { status: 500 });
    const { engine } = await terminal({ retryMs: 30_000, maxBackoffMs: 240_000, intervalMs: 300_000 });
    engine.start();
    await until(() => engine.getStatus().failures === 1 && !engine.getStatus().checking);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const delay = clock.nextDelay()!;
      delays.push(delay);
      clock.advance(delay);
      await until(() => engine.getStatus().failures === i + 2 && !engine.getStatus().checking);
    }
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 240_000]);
    expect(lastError(engine)).toMatch(/channels\/stable\.json: the feed answered HTTP 500/);
    expect(engine.getStatus().active).toBeUndefined();

    feed.fault = undefined;
    clock.advance(clock.nextDelay()!);
    await until(() => engine.getStatus().active?.version === 1 && !engine.getStatus().checking);
    expect(engine.getStatus().failures).toBe(0);
    expect(clock.nextDelay()).toBe(300_000);
    engine.stop();
  });

  it('should resume an interrupted download at every file boundary, fetching no verified file twice', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const fileCount = [...feed.files.keys()].filter((p) => p.startsWith('files/')).length;
    for (let cut = 0; cut < fileCount; cut++) {
      globalThis.indexedDB = new IDBFactory();
      feed.served.length = 0;
      let served = 0;
      feed.fault = (path) => (path.startsWith('files/') && served++ >= cut ? 'throw' : undefined);
      const first = await terminal();
      expect(await first.engine.checkNow()).toBe('failed');
      expect(first.engine.getStatus().active).toBeUndefined();
      first.store.close();

      // The page reloads: a new engine on the same database, and the network is back.
      feed.fault = undefined;
      const second = await terminal();
      expect(await second.engine.checkNow()).toBe('updated');
      expect(second.engine.getStatus().active?.version).toBe(1);
      const fetched = feed.served
        .filter((s) => s.path.startsWith('files/') && s.status === 200)
        .map((s) => s.path);
      expect(fetched.length, `cut after ${cut} files`).toBe(new Set(fetched).size);
      expect(new Set(fetched).size).toBe(fileCount);
    }
  });

  it("should transfer only a changed service's document, the search index, the manifest and the channel file", async () => {
    const folder = scratchCopy('content/sample');
    feed.publish(folder, KEYS.privateKey);
    const { engine } = await terminal({ concurrency: 4 });
    await engine.checkNow();
    const path = join(folder, 'services/passport.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('zh-CN: 普通护照', 'zh-CN: 普通护照（新版）'));
    feed.publish(folder, KEYS.privateKey);
    feed.served.length = 0;
    expect(await engine.checkNow()).toBe('updated');
    const manifestPath = `files/${feed.channelPayload().manifest.hash}.json`;
    const documents = feed.served.filter((s) => s.path !== manifestPath && s.path.startsWith('files/'));
    const text = (path: string) => new TextDecoder().decode(feed.files.get(path));
    // The service's document, and the search index, which holds its name.
    expect(documents.map((d) => text(d.path).includes('普通护照（新版）')).sort()).toEqual([false, true]);
    expect(documents.map((d) => text(d.path).includes('"新版"')).sort()).toEqual([false, true]);
    const changed = documents.map((d) => d.path);
    expect(feed.served.map((s) => s.path)).toEqual(['channels/stable.json', manifestPath, ...changed]);
    const bytes = feed.served.reduce((n, s) => n + s.bytes, 0);
    const expected = ['channels/stable.json', manifestPath, ...changed].reduce(
      (n, p) => n + feed.files.get(p)!.length,
      0,
    );
    expect(bytes).toBe(expected);
  });

  describe("never under a visitor's finger", () => {
    it('should stage a new version while busy and activate it when idle, collecting unused files', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { store, engine } = await terminal();
      await engine.checkNow();
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅二'), KEYS.privateKey);
      await engine.checkNow();
      expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: { version: 2 } });
      expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅' });

      await engine.setIdle(true);
      expect(engine.getStatus()).toMatchObject({
        active: { version: 2 },
        previous: { version: 1 },
        staged: undefined,
      });
      expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });

      // A third version: the first is no longer kept, and files only it used are collected.
      await engine.setIdle(false);
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅三'), KEYS.privateKey);
      await engine.checkNow();
      await engine.setIdle(true);
      expect(engine.getStatus()).toMatchObject({ active: { version: 3 }, previous: { version: 2 } });
      expect(await store.version(1)).toBeUndefined();
    });

    it('should activate at once on an attract-only terminal', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { engine } = await terminal({ activation: 'immediate' });
      await engine.checkNow();
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅二'), KEYS.privateKey);
      await engine.checkNow();
      expect(engine.getStatus()).toMatchObject({ active: { version: 2 }, staged: undefined });
    });
  });

  describe('staff at the terminal', () => {
    it('should show a waiting version at once when switched to attract-only, and wait again when switched back', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { engine } = await terminal();
      await engine.checkNow();
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅二'), KEYS.privateKey);
      await engine.checkNow();
      expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: { version: 2 } });

      await engine.setActivation('immediate');
      expect(engine.getStatus()).toMatchObject({ active: { version: 2 }, staged: undefined });

      await engine.setActivation('idle');
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅三'), KEYS.privateKey);
      await engine.checkNow();
      expect(engine.getStatus()).toMatchObject({ active: { version: 2 }, staged: { version: 3 } });
      expect(engine.getStatus().log.map((e) => e.message)).toContain(
        'staff switched the terminal to attract-only: new versions are shown at once',
      );
    });

    it('should let staff show a staged version at once, and say when none waits', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { engine } = await terminal();
      await engine.checkNow();
      expect(await engine.activateStaged()).toBeUndefined();
      feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅二'), KEYS.privateKey);
      await engine.checkNow();
      expect(await engine.activateStaged()).toBe(2);
      expect(engine.getStatus()).toMatchObject({ active: { version: 2 }, previous: { version: 1 } });
    });

    it('should keep the outcome of the last 48 checks, oldest first, across a restart', async () => {
      feed.publish(MINIMAL, KEYS.privateKey);
      const { store, engine } = await terminal();
      await engine.checkNow();
      feed.fault = () => new Response('busy', { status: 500 });
      for (let i = 0; i < 50; i++) {
        clock.advance(60_000);
        await engine.checkNow();
      }
      feed.fault = undefined;
      clock.advance(60_000);
      await engine.checkNow();

      const checks = engine.getStatus().checks;
      expect(checks).toHaveLength(48);
      expect(checks.at(-1)).toEqual({ at: clock.now(), outcome: 'unchanged' });
      expect(checks.slice(0, -1).every((c) => c.outcome === 'failed')).toBe(true);
      expect(checks.map((c) => c.at)).toEqual([...checks.map((c) => c.at)].sort((a, b) => a - b));

      store.close();
      const restarted = await terminal();
      expect(restarted.engine.getStatus().checks).toEqual(checks);
    });
  });

  it('should let staff roll back, and not take the rolled-back version again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal({ activation: 'immediate' });
    await engine.checkNow();
    feed.publish(editedCopy('hall.yaml', '测试大厅', '测试大厅二'), KEYS.privateKey);
    await engine.checkNow();
    expect(await engine.rollback()).toBe(1);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅' });
    expect(await engine.checkNow()).toBe('unchanged');
    expect(engine.getStatus().active?.version).toBe(1);
  });

  it('should refuse an update that does not fit in the storage left', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal({
      storage: { estimate: async () => ({ quota: 5000, usage: 4000 }), persist: async () => true },
    });
    expect(await engine.checkNow()).toBe('failed');
    expect(lastError(engine)).toMatch(
      /space check failed: the update needs \d+ KiB but only 1 KiB of storage is free/,
    );
  });

  it('should say plainly when there is no network and no content', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    feed.fault = () => 'throw';
    const { engine } = await terminal();
    expect(await engine.checkNow()).toBe('failed');
    expect(engine.getStatus().active).toBeUndefined();
    expect(lastError(engine)).toBe('channels/stable.json: the feed cannot be reached (network error)');
  });

  it('should recreate a content database it cannot open', async () => {
    // A database left by a newer build cannot be opened at our version: the same failure path as corruption.
    (await openDB(CONTENT_DB, 99)).close();
    const { recreated, store } = await terminal();
    expect(recreated).toBe(true);
    expect(await store.pointers()).toEqual({});
  });
});

/** A manifest the publisher would never write, changed by `edit`, stored in the feed and signed as `version`. */
async function publishEditedManifest(
  version: number,
  edit: (manifest: { documents: { kind: string; id: string; hash: string; size: number }[] }) => void,
) {
  const payload = feed.channelPayload() as { version: number; manifest: { hash: string; size: number } };
  const manifest = JSON.parse(
    new TextDecoder().decode(feed.files.get(`files/${payload.manifest.hash}.json`)),
  );
  edit(manifest);
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const manifestHash = await sha256Hex(manifestBytes);
  feed.files.set(`files/${manifestHash}.json`, manifestBytes);
  const text = JSON.stringify({
    ...payload,
    version,
    manifest: { hash: manifestHash, size: manifestBytes.length },
  });
  feed.files.set(
    'channels/stable.json',
    new TextEncoder().encode(
      JSON.stringify({ payload: text, signatures: [signText(KEYS.privateKey, text)] }),
    ),
  );
}

/** Deletes one stored file behind the terminal's back, as a bug or a broken disk would. */
async function loseFile(hash: string): Promise<void> {
  const db = await openDB(CONTENT_DB);
  await db.delete('files', hash);
  db.close();
}

/** The hash of a file that `version` names and no other kept version does. */
async function fileOnlyIn(store: Store, version: number, other: number): Promise<string> {
  const a = (await store.version(version))!.manifest.documents;
  const b = new Set((await store.version(other))!.manifest.documents.map((d) => d.hash));
  return a.find((d) => !b.has(d.hash))!.hash;
}

describe('sync never breaks itself', () => {
  const hallEdit = (name: string) => editedCopy('hall.yaml', '测试大厅', name);

  it('should refuse a signed bundle with no hall document, and keep showing the last good version', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal({ activation: 'immediate' });
    await engine.checkNow();
    await publishEditedManifest(2, (m) => {
      m.documents = m.documents.filter((d) => d.kind !== 'hall');
    });
    expect(await engine.checkNow()).toBe('failed');
    expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: undefined });
    expect((await readActiveContent(store))?.hall.id).toBe('test-hall');
    expect(lastError(engine)).toBe(
      'bundle check failed: version 2 has no hall document (a bundle needs exactly one); keeping version 1',
    );
    expect(lastRefusal(engine.getStatus().log)?.message).toBe(lastError(engine));
  });

  it('should refuse a signed bundle with two hall documents', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { engine } = await terminal({ activation: 'immediate' });
    await engine.checkNow();
    await publishEditedManifest(2, (m) => {
      const hall = m.documents.find((d) => d.kind === 'hall')!;
      m.documents.push({ ...hall, id: 'second-hall' });
    });
    expect(await engine.checkNow()).toBe('failed');
    expect(engine.getStatus().active?.version).toBe(1);
    expect(lastError(engine)).toMatch(/^bundle check failed: version 2 has 2 hall documents/);
  });

  it('should refuse an entry that names a file the terminal holds as another kind of document', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal({ activation: 'immediate' });
    await engine.checkNow();
    // Every file is already held: nothing is downloaded, so only a check of held files can see it.
    await publishEditedManifest(2, (m) => {
      const hall = m.documents.find((d) => d.kind === 'hall')!;
      m.documents = m.documents.map((d) =>
        d.kind === 'service' ? { ...d, hash: hall.hash, size: hall.size } : d,
      );
    });
    expect(await engine.checkNow()).toBe('failed');
    expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: undefined });
    expect((await readActiveContent(store))?.services.map((s) => s.id)).toEqual(['transfer']);
    expect(lastError(engine)).toMatch(
      /^schema check failed: service "transfer" \(files\/[0-9a-f]{64}\.json\) does not match the content schema/,
    );
  });

  it('should refuse loudly a feed that offers the version shown with other content (restored from a backup)', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    const { store, engine } = await terminal({ activation: 'immediate' });
    await engine.checkNow();
    expect(engine.getStatus().active?.version).toBe(2);
    // The feed folder comes back from a backup taken at version 1, and staff publish again: version 2 again.
    const restored = new MemoryFeed();
    restored.publish(MINIMAL, KEYS.privateKey);
    restored.publish(hallEdit('测试大厅（恢复）'), KEYS.privateKey);
    feed.replaceWith(restored);
    expect(feed.channelPayload().version).toBe(2);

    expect(await engine.checkNow()).toBe('failed');
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });
    expect(lastError(engine)).toMatch(
      /^version check failed: the feed offers version 2 again, with other content \(manifest files\/[0-9a-f]{64}\.json, this terminal holds files\/[0-9a-f]{64}\.json\)/,
    );
    expect(lastRefusal(engine.getStatus().log)?.message).toBe(lastError(engine));
    expect(engine.getStatus().checks.at(-1)?.outcome).toBe('failed');
  });

  it('should not collect the files of a download under way when a waiting version is shown at idle', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal();
    await engine.checkNow();
    // Version 2 is staged during a visit.
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    await engine.checkNow();
    expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: { version: 2 } });

    // Version 3 downloads; the second of its files is held back until the visitor has left.
    feed.publish(hallEdit('测试大厅三'), KEYS.privateKey);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let reached!: () => void;
    const atSecondFile = new Promise<void>((r) => {
      reached = r;
    });
    let files = 0;
    const manifestPath = `files/${feed.channelPayload().manifest.hash}.json`;
    feed.gate = async (path) => {
      if (!path.startsWith('files/') || path === manifestPath) return;
      if (++files === 2) {
        reached();
        await held;
      }
    };
    const downloading = engine.checkNow();
    await atSecondFile;

    // The visitor leaves: version 2 is shown, and garbage is collected while version 3 downloads.
    await engine.setIdle(true);
    expect(engine.getStatus().active?.version).toBe(2);
    release();
    expect(await downloading).toBe('updated');

    expect(engine.getStatus().active?.version).toBe(3);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅三' });
    // And after a restart the terminal still reads it whole.
    store.close();
    const restarted = await terminal();
    expect((await restarted.engine.readActiveContent())?.hall.name).toMatchObject({ 'zh-CN': '测试大厅三' });
    expect(restarted.engine.getStatus().log.filter((e) => e.kind === 'error')).toEqual([]);
  });

  it('should leave garbage until a download under way has ended, then collect it', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal();
    await engine.checkNow();
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    await engine.checkNow();
    await engine.setIdle(true);
    await engine.setIdle(false);
    // Version 3 is staged during a visit; version 1's own hall document will be garbage once 3 is shown.
    feed.publish(hallEdit('测试大厅三'), KEYS.privateKey);
    await engine.checkNow();
    const garbage = await fileOnlyIn(store, 1, 2);
    expect(engine.getStatus()).toMatchObject({ active: { version: 2 }, staged: { version: 3 } });

    // Version 4's manifest is held: the download is under way, its file list not yet known.
    feed.publish(hallEdit('测试大厅四'), KEYS.privateKey);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let reached!: () => void;
    const atManifest = new Promise<void>((r) => {
      reached = r;
    });
    const manifestPath = `files/${feed.channelPayload().manifest.hash}.json`;
    feed.gate = async (path) => {
      if (path !== manifestPath) return;
      reached();
      await held;
    };
    const downloading = engine.checkNow();
    await atManifest;
    await engine.setIdle(true);
    expect(engine.getStatus().active?.version).toBe(3);
    // No collection while the download runs: it could list files stored after it took the in-flight set.
    expect(await store.hasFile(garbage)).toBe(true);

    release();
    expect(await downloading).toBe('updated');
    expect(engine.getStatus().active?.version).toBe(4);
    expect(await store.hasFile(garbage)).toBe(false);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅四' });
  });

  it('should not show a staged version with a file missing, and fetch it again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const { store, engine } = await terminal();
    await engine.checkNow();
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    await engine.checkNow();
    const lost = await fileOnlyIn(store, 2, 1);
    await loseFile(lost);

    await engine.setIdle(true);
    expect(engine.getStatus()).toMatchObject({ active: { version: 1 }, staged: undefined });
    expect(lastError(engine)).toMatch(
      new RegExp(
        `^file check failed: version 2 cannot be shown: hall "test-hall" \\(files/${lost}\\.json\\) is not stored`,
      ),
    );
    // The next check fetches what is missing and shows it (the screen is idle).
    expect(await engine.checkNow()).toBe('updated');
    expect(engine.getStatus().active?.version).toBe(2);
    expect((await readActiveContent(store))?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });
  });

  it('should fall back to the previous version at boot when the active one cannot be read, then sync it again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const first = await terminal({ activation: 'immediate' });
    await first.engine.checkNow();
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    await first.engine.checkNow();
    const lost = await fileOnlyIn(first.store, 2, 1);
    first.store.close();
    await loseFile(lost);

    const { engine } = await terminal({ activation: 'immediate' });
    expect((await engine.readActiveContent())?.hall.name).toMatchObject({ 'zh-CN': '测试大厅' });
    expect(engine.getStatus().active?.version).toBe(1);
    expect(lastError(engine)).toMatch(
      /^version 2 cannot be read: hall "test-hall" \(files\/[0-9a-f]{64}\.json\) is not stored; showing version 1 and syncing again/,
    );
    expect(await engine.checkNow()).toBe('updated');
    expect((await engine.readActiveContent())?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });
  });

  it('should clear an unreadable active version with nothing to fall back on, and sync it again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const first = await terminal();
    await first.engine.checkNow();
    const hall = (await first.store.version(1))!.manifest.documents.find((d) => d.kind === 'hall')!;
    first.store.close();
    await loseFile(hall.hash);

    const { engine } = await terminal();
    expect(await engine.readActiveContent()).toBeUndefined();
    expect(engine.getStatus().active).toBeUndefined();
    expect(lastError(engine)).toMatch(/^version 1 cannot be read: .* is not stored; syncing again/);
    expect(await engine.checkNow()).toBe('updated');
    expect((await engine.readActiveContent())?.hall.id).toBe('test-hall');
  });

  it('should set aside at boot a version an older build took without a hall, and sync it again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const first = await terminal({ activation: 'immediate' });
    await first.engine.checkNow();
    feed.publish(hallEdit('测试大厅二'), KEYS.privateKey);
    await first.engine.checkNow();
    first.store.close();
    // What a build without the bundle check could have stored and shown ("正在准备内容…" for ever).
    const db = await openDB(CONTENT_DB);
    const record = await db.get('versions', 2);
    record.manifest.documents = record.manifest.documents.filter((d: { kind: string }) => d.kind !== 'hall');
    await db.put('versions', record);
    db.close();

    const { engine } = await terminal({ activation: 'immediate' });
    expect((await engine.readActiveContent())?.version).toBe(1);
    expect(lastError(engine)).toBe(
      'version 2 cannot be read: it has 0 hall documents, not one; showing version 1 and syncing again',
    );
    expect(await engine.checkNow()).toBe('updated');
    expect((await engine.readActiveContent())?.hall.name).toMatchObject({ 'zh-CN': '测试大厅二' });
  });

  it('should clear an active pointer whose version record is gone, and sync again', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const first = await terminal();
    await first.engine.checkNow();
    first.store.close();
    const db = await openDB(CONTENT_DB);
    await db.delete('versions', 1);
    db.close();

    const { engine } = await terminal();
    expect(await engine.readActiveContent()).toBeUndefined();
    expect(lastError(engine)).toBe(
      'version 1 cannot be read: its version record is not stored; syncing again',
    );
    expect(await engine.checkNow()).toBe('updated');
    expect((await engine.readActiveContent())?.version).toBe(1);
  });

  it('should remember the last successful check across a restart', async () => {
    feed.publish(MINIMAL, KEYS.privateKey);
    const first = await terminal();
    await first.engine.checkNow();
    const synced = clock.now();
    expect(first.engine.getStatus().lastSuccess).toBe(synced);
    first.store.close();

    clock.advance(60_000);
    feed.fault = () => 'throw';
    const { engine } = await terminal();
    expect(engine.getStatus().lastSuccess).toBe(synced);
    expect(await engine.checkNow()).toBe('failed');
    expect(engine.getStatus()).toMatchObject({ lastSuccess: synced, failures: 1 });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!condition()) throw new Error('condition not reached');
}
