/** `npm run bench`: prints measured numbers; speed targets live here, not in timed unit tests. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateFolder } from '../../content/validate.ts';
import { publishBundle } from '../../scripts/publish.ts';

const time = (fn: () => void, runs = 5) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};

const key = readFileSync('dev-keys/dev-only-private.key', 'utf8');
console.log(
  `validate content/sample: ${time(() => validateFolder('content/sample')).toFixed(0)} ms (median of 5)`,
);
console.log(
  `publish content/sample to a new feed: ${time(() => publishBundle({ folder: 'content/sample', feed: mkdtempSync(join(tmpdir(), 'bench-feed-')), privateKey: key, channel: 'stable', expires: '30d' }), 3).toFixed(0)} ms (median of 3)`,
);
try {
  const assets = join('dist', 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + statSync(join(assets, f)).size, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
  console.log(
    `kiosk JavaScript (dist/assets/*.js): ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped`,
  );
} catch {
  console.log('kiosk JavaScript: run npm run build first');
}
