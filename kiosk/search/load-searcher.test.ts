/**
 * The kiosk's searcher end to end: the sample hall published to a feed, synced into the store, read as the
 * kiosk reads it at boot, and searched once search opens.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeys } from '../../scripts/keys.ts';
import { SyncEngine } from '../../sync/engine.ts';
import { type ActiveContent, readActiveContent } from '../../sync/read-content.ts';
import { openContentStore } from '../../sync/store.ts';
import { FEED_URL, ManualClock, MemoryFeed, plentyOfStorage } from '../../sync/testing/memory-feed.ts';
import { loadSearcher } from './load-searcher.ts';

const KEYS = generateKeys();
let content: ActiveContent;

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  const feed = new MemoryFeed();
  feed.publish('content/sample', KEYS.privateKey, new Date('2026-11-27T08:00:00Z'));
  const { store } = await openContentStore();
  const engine = new SyncEngine(store, {
    feedUrl: FEED_URL,
    channel: 'stable',
    trustedKeys: [KEYS.publicKey],
    fetch: feed.fetch,
    clock: new ManualClock(),
    random: () => 0.5,
    storage: plentyOfStorage,
  });
  await engine.init();
  expect(await engine.checkNow()).toBe('updated');
  content = (await readActiveContent(store))!;
}, 60_000);

describe('loadSearcher', () => {
  it('should search the index that came with the bundle: pinyin, synonyms and popular searches', async () => {
    const searcher = await loadSearcher(content, { today: () => '2026-11-27' });
    expect(searcher.search('bdcdjzx', 'zh-CN').best).toMatchObject({
      kind: 'department',
      id: 'real-estate-registration',
      title: '不动产登记中心',
      highlights: [[0, 7]],
    });
    expect(searcher.search('房产证', 'en').best).toMatchObject({ kind: 'fee', id: 'real-estate-extra-cert' });
    expect(searcher.popular('en')[0]).toBe('passport');
  });

  it("should leave out what is not shown on the visitor's day", async () => {
    const notices = (today: string) =>
      loadSearcher(content, { today: () => today }).then((s) =>
        s.search('春节', 'zh-CN').groups.find((g) => g.kind === 'notice'),
      );
    expect((await notices('2026-11-27'))?.hits.map((h) => h.id)).toEqual(['spring-festival-2027']);
    expect(await notices('2027-03-01')).toBeUndefined();
  });

  it('should build an index (without pinyin) for a bundle published before indexes existed', async () => {
    const searcher = await loadSearcher(
      { ...content, loadSearchIndex: undefined },
      { today: () => '2026-11-27' },
    );
    expect(searcher.search('护照', 'zh-CN').best?.id).toBe('passport');
    expect(searcher.search('bdcdjzx', 'zh-CN').best).toBeUndefined();
  });
});
