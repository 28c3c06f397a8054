/**
 * `npm run bench` (not part of npm test): builds the kiosk, publishes the sample hall, serves both, and
 * prints measured numbers in a table with the machine they came from; then the fleet service's rows
 * (e2e/bench/fleet.ts, fleet-console.ts: 10,000 simulated terminals on PGlite and PostgreSQL). Speed
 * targets live here, not in timed unit tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { validateFolder } from '../../content/validate.ts';
import playwrightConfig from '../../playwright.config.ts';
import { serveKiosk } from '../../scripts/kiosk-server.ts';
import { publishBundle } from '../../scripts/publish.ts';
import { CPU_SLOWDOWN, coldBoots, tapToNextScreen } from './browser.ts';
import { fleetBench } from './fleet.ts';
import { fleetConsoleBench } from './fleet-console.ts';
import { findPostgres, startThrowawayPostgres } from './fleet-service.ts';
import { initialJavaScript } from './initial-js.ts';
import { searchBench } from './search-bench.ts';
import { median, percentile, timeSync } from './stats.ts';

const BOOTS = 10;
const NAVIGATIONS = 100;
const SAMPLE = 'content/sample';

type Row = [measure: string, value: string, how: string];
const rows: Row[] = [];
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

step('validating and publishing the sample hall');
const key = readFileSync('dev-keys/dev-only-private.key', 'utf8');
const validate = timeSync(() => validateFolder(SAMPLE), 5);
const newFeed = () => mkdtempSync(join(tmpdir(), 'sunlight-bench-feed-'));
const publish = timeSync(() => {
  const result = publishBundle({
    folder: SAMPLE,
    feed: newFeed(),
    privateKey: key,
    channel: 'stable',
    expires: '30d',
  });
  if (!result.ok) throw new Error(`publish failed: ${result.reason}`);
}, 3);
const feed = newFeed();
publishBundle({ folder: SAMPLE, feed, privateKey: key, channel: 'stable', expires: '30d' });

step('building the kiosk');
const dist = mkdtempSync(join(tmpdir(), 'sunlight-bench-dist-'));
const buildStart = performance.now();
const built = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--outDir', dist, '--logLevel', 'warn'],
  { encoding: 'utf8' },
);
if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
const buildTime = performance.now() - buildStart;

const js = initialJavaScript(dist);
rows.push([
  'initial JavaScript',
  `${kib(js.gzip)} gzip`,
  `${js.files.length} file(s) index.html loads before first paint, ${kib(js.raw)} raw`,
]);

const server = await serveKiosk(dist, feed, 0);
const browser = await chromium.launch({
  ...playwrightConfig.use?.launchOptions,
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  step('first boot: sync and precache');
  const first = await context.newPage();
  await first.goto(`${server.url}/`);
  // The home tiles show once the first sync has stored the content (before that: the preparing screen).
  await first.getByRole('button', { name: /^办事指南/ }).waitFor({ timeout: 60_000 });
  await first.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await first.close();

  step(`${BOOTS} cold boots, offline, CPU ${CPU_SLOWDOWN}× slower`);
  const boots = await coldBoots(context, `${server.url}/`, BOOTS);
  rows.push([
    'cold boot → home painted',
    `${ms(median(boots))} median`,
    `${BOOTS} boots from the service worker cache, network off, CPU ${CPU_SLOWDOWN}×; ` +
      `min ${ms(Math.min(...boots))}, max ${ms(Math.max(...boots))}`,
  ]);

  step(`${NAVIGATIONS} taps to the next screen, CPU ${CPU_SLOWDOWN}× slower`);
  const taps = await tapToNextScreen(context, `${server.url}/`, NAVIGATIONS);
  rows.push([
    'tap → next screen painted',
    `p50 ${ms(percentile(taps.toScreen, 50))}, p95 ${ms(percentile(taps.toScreen, 95))}`,
    `${NAVIGATIONS} taps on the six home tiles in turn, pointerdown → new h1 + a frame, CPU ${CPU_SLOWDOWN}×`,
  ]);
  rows.push([
    'tap Home → home painted',
    `p50 ${ms(percentile(taps.toHome, 50))}, p95 ${ms(percentile(taps.toHome, 95))}`,
    `the ${NAVIGATIONS} taps back, same measure`,
  ]);
  rows.push(...(await searchBench({ browser, context, kioskUrl: server.url, feed, dist, key })));
  rows.push(['validate content/sample', ms(validate), 'median of 5, Node']);
  rows.push(['publish content/sample', ms(publish), 'to a new feed, median of 3, Node']);
  rows.push(['vite build', ms(buildTime), 'once, service worker included']);

  // The fleet service (docs/fleet.md, Figures): BENCH_FLEET_TERMINALS=0 leaves it out.
  const fleetTerminals = Number(process.env.BENCH_FLEET_TERMINALS ?? 10_000);
  if (fleetTerminals > 0) {
    rows.push(...(await fleetBench({ terminals: fleetTerminals })));
    let databaseUrl = process.env.FLEET_TEST_DATABASE_URL;
    const postgres = !databaseUrl && findPostgres() ? await startThrowawayPostgres() : undefined;
    databaseUrl ??= postgres?.url;
    try {
      rows.push(...(await fleetConsoleBench(databaseUrl)));
    } finally {
      await postgres?.stop();
    }
  }

  const cpu = cpus();
  console.log(
    `\nSunlight bench, ${new Date().toISOString().slice(0, 10)}, app ${appVersionOf(dist)}\n` +
      `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores · Node ${process.version} · ` +
      `Chromium ${browser.version()}\n`,
  );
  console.log(table(['measure', 'value', 'how'], rows));
} finally {
  await browser.close();
  await server.close();
}

function appVersionOf(dir: string): string {
  return (
    /<meta name="app-version" content="([^"]*)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1] ??
    '?'
  );
}

/** A Markdown table, columns padded so it reads in a terminal too. */
function table(head: string[], body: string[][]): string {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}
