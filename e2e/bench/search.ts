/**
 * Search speed in the built kiosk, in Chromium with the CPU throttled: the time to open the searcher (its
 * chunk, the index decoded and loaded) and the time of each key press's search, typing queries letter by
 * letter. The sample hall goes through the kiosk's own store (the `?e2e` hook); a 10,000-service hall,
 * whose first sync would take many minutes, gives its index file straight to the kiosk's built
 * search-engine chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { ManifestT } from '../../content/bundle-format.ts';
import type { LocalizedText } from '../../content/schema.ts';
import { CPU_SLOWDOWN } from './browser.ts';

/** What a visitor types: Chinese, pinyin (joined, spaced, initials), English, with a typo. */
export const TYPED_QUERIES: Array<[query: string, locale: string]> = [
  ['不动产登记', 'zh-CN'],
  ['公积金提取', 'zh-CN'],
  ['budongchan', 'zh-CN'],
  ['bdcdj', 'zh-CN'],
  ['gongjijin tiqu', 'zh-CN'],
  ['passport renewal', 'en'],
  ['pasport', 'en'],
  ['medical insurance', 'en'],
];

/** Each prefix a visitor's key presses make of a query (by code point: one Chinese character is one press). */
export const keyPresses = (query: string): string[] =>
  [...query].map((_, i) => [...query].slice(0, i + 1).join(''));
const PRESSES = TYPED_QUERIES.flatMap(([q, locale]) => keyPresses(q).map((p) => [p, locale] as const));

type PageSearcher = { search(query: string, locale: string): unknown };
type SearchWindow = Window & {
  sunlightSearcher?: () => Promise<PageSearcher>;
  benchSearcher?: PageSearcher;
};
export type SearchTimings = { open: number; presses: number[] };

/** In the page: every key press in its own task, as the screen would get them; ms per search. */
async function typeAll(page: Page): Promise<number[]> {
  return page.evaluate(async (typed) => {
    const searcher = (window as SearchWindow).benchSearcher!;
    const times: number[] = [];
    for (const [text, locale] of typed) {
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      searcher.search(text, locale);
      times.push(performance.now() - t0);
    }
    return times;
  }, PRESSES);
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** The sample hall, synced into the kiosk's store; the searcher loaded as the search screen loads it. */
export async function kioskSearchTimings(context: BrowserContext, url: string, homeTile: RegExp) {
  const page = await context.newPage();
  await page.goto(`${url}/?e2e`);
  await page.getByRole('button', { name: homeTile }).waitFor({ timeout: 60_000 });
  await throttle(page);
  const open = await page.evaluate(async () => {
    const w = window as SearchWindow;
    const start = performance.now();
    w.benchSearcher = await w.sunlightSearcher!();
    return performance.now() - start;
  });
  const presses = await typeAll(page);
  await page.close();
  return { open, presses };
}

type Entry = { kind: string; id: string; name: LocalizedText };

/** The entities a feed's bundle names, for hit titles: what the kiosk would have read from its store. */
export function feedEntries(feed: string, manifestPath: string): { entries: Entry[]; indexPath: string } {
  const manifest = JSON.parse(readFileSync(join(feed, manifestPath), 'utf8')) as ManifestT;
  const read = (d: { hash: string; ext: string }) =>
    JSON.parse(readFileSync(join(feed, `files/${d.hash}.${d.ext}`), 'utf8')) as unknown;
  const entries: Entry[] = [];
  let indexPath = '';
  for (const d of manifest.documents) {
    if (d.kind === 'search') indexPath = `files/${d.hash}.${d.ext}`;
    else if (d.kind === 'channels')
      for (const c of read(d) as Array<{ id: string; name: LocalizedText }>)
        entries.push({ kind: 'channel', id: c.id, name: c.name });
    else if (['service', 'department', 'fee', 'notice'].includes(d.kind)) {
      const doc = read(d) as { id: string; name?: LocalizedText; title?: LocalizedText };
      entries.push({ kind: d.kind, id: doc.id, name: (doc.name ?? doc.title)! });
    }
  }
  return { entries, indexPath };
}

/**
 * A large hall's index given to the built kiosk's search-engine chunk, in a kiosk page that follows no
 * feed: open = the index text decoded and loaded (as from the store), then the same key presses.
 */
export async function chunkSearchTimings(
  context: BrowserContext,
  url: string,
  dist: string,
  index: { entries: Entry[]; indexPath: string },
): Promise<SearchTimings> {
  const chunk = readdirSync(join(dist, 'assets')).find((f) => /^search-engine-.*\.js$/.test(f));
  if (!chunk) throw new Error('the kiosk build has no search-engine chunk');
  const page = await context.newPage();
  await page.goto(`${url}/?e2e&feed=./no-feed/`);
  const bytes = await page.evaluate(async (path) => {
    const buffer = await (await fetch(path)).arrayBuffer();
    Object.assign(window, { benchIndex: buffer });
    return buffer.byteLength;
  }, `/feed/${index.indexPath}`);
  if (bytes === 0) throw new Error('the index file is empty');
  await throttle(page);
  const open = await page.evaluate(
    async ({ module, entries }) => {
      type Engine = {
        searcherFor(content: unknown, text: string, source: unknown): Promise<PageSearcher>;
      };
      const start = performance.now();
      const engine = (await import(module)) as Engine;
      const text = new TextDecoder().decode((window as unknown as { benchIndex: ArrayBuffer }).benchIndex);
      const source = { entries, defaultLocale: 'zh-CN', synonyms: [], popular: [] };
      (window as SearchWindow).benchSearcher = await engine.searcherFor(undefined, text, source);
      return performance.now() - start;
    },
    { module: `/assets/${chunk}`, entries: index.entries },
  );
  const presses = await typeAll(page);
  await page.close();
  return { open, presses };
}
