/**
 * Runs subset-font (HarfBuzz's hb-subset in wasm, then WOFF2) for the jobs read as JSON from stdin,
 * writing each result to its `out` file. A child process, so that the publisher, which is synchronous,
 * can wait for it (scripts/fonts/subset.ts). Plain JavaScript: it runs under plain node, without tsx.
 *
 * stdin: { "jobs": [{ "font": path, "text": string, "out": path, "keepFeatures": string[], "preserveNameIds": number[] }] }
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';

const { jobs } = JSON.parse(readFileSync(0, 'utf8'));
const fonts = new Map();
for (const job of jobs) {
  if (!fonts.has(job.font)) fonts.set(job.font, readFileSync(job.font));
  const bytes = await subsetFont(fonts.get(job.font), job.text, {
    targetFormat: 'woff2',
    keepFeatures: job.keepFeatures,
    preserveNameIds: job.preserveNameIds,
  });
  const temp = `${job.out}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, job.out);
}
