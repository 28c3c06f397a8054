/**
 * The bench's search rows: index size, opening the searcher and each key press's search, on the sample
 * hall and on a generated hall of 10,000 services and 500 departments (published here, timed).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from '@playwright/test';
import type { ManifestT } from '../../content/bundle-format.ts';
import { channelPath, filePath } from '../../content/bundle-format.ts';
import { serveKiosk } from '../../scripts/kiosk-server.ts';
import { publishBundle } from '../../scripts/publish.ts';
import { writeBigHall } from './big-hall.ts';
import { CPU_SLOWDOWN } from './browser.ts';
import { chunkSearchTimings, feedEntries, kioskSearchTimings, type SearchTimings } from './search.ts';
import { percentile } from './stats.ts';

type Row = [measure: string, value: string, how: string];
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

/** The manifest path a feed's channel names now. */
function manifestOf(feed: string): string {
  const signed = JSON.parse(readFileSync(join(feed, channelPath('stable')), 'utf8')) as { payload: string };
  return filePath({
    hash: (JSON.parse(signed.payload) as { manifest: { hash: string } }).manifest.hash,
    ext: 'json',
  });
}

function indexSize(feed: string): string {
  const manifest = JSON.parse(readFileSync(join(feed, manifestOf(feed)), 'utf8')) as ManifestT;
  const ref = manifest.documents.find((d) => d.kind === 'search');
  if (!ref) throw new Error('the bundle has no search index');
  const bytes = readFileSync(join(feed, filePath(ref)));
  return `${kib(bytes.length)} raw, ${kib(gzipSync(bytes).length)} gzip`;
}

function pressRows(what: string, t: SearchTimings, how: string): Row[] {
  return [
    [`search opens, ${what}`, ms(t.open), `chunk + index decoded and loaded, CPU ${CPU_SLOWDOWN}×; ${how}`],
    [
      `search per key press, ${what}`,
      `p50 ${ms(percentile(t.presses, 50))}, p95 ${ms(percentile(t.presses, 95))}`,
      `${t.presses.length} key presses typing 8 queries (Chinese, pinyin, initials, English, a typo), CPU ${CPU_SLOWDOWN}×; max ${ms(Math.max(...t.presses))}`,
    ],
  ];
}

export async function searchBench(o: {
  browser: Browser;
  context: BrowserContext;
  kioskUrl: string;
  feed: string;
  dist: string;
  key: string;
}): Promise<Row[]> {
  const rows: Row[] = [];
  step('search on the sample hall, key by key');
  rows.push(['search index, sample hall', indexSize(o.feed), 'the bundle\'s "search" document']);
  rows.push(
    ...pressRows(
      'sample hall',
      await kioskSearchTimings(o.context, o.kioskUrl, /^办事指南/),
      "from the kiosk's store",
    ),
  );

  step('generating and publishing a hall of 10,000 services and 500 departments');
  const hall = writeBigHall(10_000, 500);
  const feed = mkdtempSync(join(tmpdir(), 'sunlight-bench-big-feed-'));
  const start = performance.now();
  const result = publishBundle({
    folder: hall.folder,
    feed,
    privateKey: o.key,
    channel: 'stable',
    expires: '30d',
  });
  if (!result.ok) throw new Error(`publish of the generated hall failed: ${result.reason}`);
  rows.push([
    'publish 10,000 services + 500 departments',
    ms(performance.now() - start),
    'once, to a new feed, Node',
  ]);
  rows.push([
    'search index, 10,000 services + 500 departments',
    indexSize(feed),
    'the bundle\'s "search" document',
  ]);

  step('search on the generated hall, key by key');
  const server = await serveKiosk(o.dist, feed, 0);
  const context = await o.browser.newContext();
  try {
    const timings = await chunkSearchTimings(context, server.url, o.dist, feedEntries(feed, result.manifest));
    rows.push(...pressRows('10,000 services', timings, "the built kiosk's search-engine chunk in Chromium"));
  } finally {
    await context.close();
    await server.close();
  }
  return rows;
}
