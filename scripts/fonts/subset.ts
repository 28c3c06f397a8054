/**
 * Subsets of Noto Sans SC as WOFF2, holding exactly the characters given: subset-font (HarfBuzz hb-subset in
 * wasm) run in a child process, so synchronous callers (the publisher) can use it as well as the Vite plugin.
 * Results are deterministic (same characters, same bytes) and cached by their inputs in
 * node_modules/.cache/sunlight-fonts, since a cold subset of one weight takes a second or two.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fontCoverage } from './cmap.ts';
import { SOURCE_FONTS, WEIGHTS, type Weight } from './noto.ts';

const CHILD = fileURLToPath(new URL('subset-child.mjs', import.meta.url));
const NODE_MODULES = new URL('../../node_modules/', import.meta.url);
const DEFAULT_CACHE = fileURLToPath(new URL('.cache/sunlight-fonts/', NODE_MODULES));

/**
 * OpenType features kept: those browsers apply to horizontal text by default, and the CJK punctuation
 * spacing ones (halt, chws) Chromium's text-spacing-trim uses. Dropping the rest (vertical forms, width
 * variants, regional alternates) saves about 15% and pulls in no glyphs the text does not need.
 */
export const KEEP_FEATURES = [
  'ccmp',
  'locl',
  'kern',
  'liga',
  'clig',
  'calt',
  'rlig',
  'mark',
  'mkmk',
  'halt',
  'chws',
];
/** Name IDs kept: HarfBuzz's default 0–6 (copyright, names, version) plus the licence text and URL (13, 14). */
export const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

export type Subset = {
  weight: Weight;
  woff2: Buffer;
  /** Characters asked for that the font has. */
  characters: number;
  /** Characters asked for that Noto Sans SC does not have: they will show in another font, or as boxes. */
  missing: string[];
};
export type SubsetOptions = { weights?: readonly Weight[]; cacheDir?: string };

/** Every character of the strings once, in code point order, without control characters. */
export function characterSet(strings: Iterable<string>): string {
  const points = new Set<number>();
  for (const s of strings)
    for (const c of s) {
      const p = c.codePointAt(0)!;
      const control = p < 0x20 || (p >= 0x7f && p < 0xa0);
      const loneSurrogate = p >= 0xd800 && p <= 0xdfff;
      if (!control && !loneSurrogate) points.add(p);
    }
  return String.fromCodePoint(...[...points].sort((a, b) => a - b));
}

const memo = <T>(fn: () => T): (() => T) => {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: fn() };
    return value.v;
  };
};
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const fontHash = Object.fromEntries(
  WEIGHTS.map((w) => [w, memo(() => sha256(readFileSync(SOURCE_FONTS[w])))]),
) as Record<Weight, () => string>;
const sourceCoverage = Object.fromEntries(
  WEIGHTS.map((w) => [w, memo(() => fontCoverage(readFileSync(SOURCE_FONTS[w])))]),
) as Record<Weight, () => Set<number>>;
/** The versions of the tools that make the bytes: a new one may make other bytes, so it is part of the key. */
const toolVersions = memo(() =>
  ['subset-font', 'harfbuzzjs', 'wawoff2', 'fontverter'].map((name) => {
    const pkg = JSON.parse(readFileSync(new URL(`${name}/package.json`, NODE_MODULES), 'utf8'));
    return `${name}@${pkg.version}`;
  }),
);

type Job = { weight: Weight; font: string; text: string; out: string; cached: boolean };

function plan(text: string, o: SubsetOptions): Job[] {
  const cacheDir = o.cacheDir ?? process.env.SUNLIGHT_FONT_CACHE ?? DEFAULT_CACHE;
  mkdirSync(cacheDir, { recursive: true });
  return (o.weights ?? WEIGHTS).map((weight) => {
    const key = sha256(
      JSON.stringify({
        tools: toolVersions(),
        font: fontHash[weight](),
        features: KEEP_FEATURES,
        names: NAME_IDS,
        text,
      }),
    );
    const out = join(cacheDir, `${key}.woff2`);
    return { weight, font: SOURCE_FONTS[weight], text, out, cached: existsSync(out) };
  });
}

const childInput = (jobs: Job[]) =>
  JSON.stringify({
    jobs: jobs.map((j) => ({
      font: j.font,
      text: j.text,
      out: j.out,
      keepFeatures: KEEP_FEATURES,
      preserveNameIds: NAME_IDS,
    })),
  });

function results(jobs: Job[], text: string): Subset[] {
  return jobs.map((j) => {
    const covered = sourceCoverage[j.weight]();
    const all = [...text];
    const missing = all.filter((c) => !covered.has(c.codePointAt(0)!));
    return {
      weight: j.weight,
      woff2: readFileSync(j.out),
      characters: all.length - missing.length,
      missing,
    };
  });
}

/** Subsets of each weight holding the characters of `text` (see characterSet), waiting for them. */
export function subsetSync(text: string, o: SubsetOptions = {}): Subset[] {
  const chars = characterSet([text]);
  const jobs = plan(chars, o);
  const todo = jobs.filter((j) => !j.cached);
  if (todo.length > 0)
    execFileSync(process.execPath, [CHILD], {
      input: childInput(todo),
      stdio: ['pipe', 'inherit', 'inherit'],
    });
  return results(jobs, chars);
}

/** The same as subsetSync, without blocking (for the Vite plugin). */
export async function subset(text: string, o: SubsetOptions = {}): Promise<Subset[]> {
  const chars = characterSet([text]);
  const jobs = plan(chars, o);
  const todo = jobs.filter((j) => !j.cached);
  if (todo.length > 0) {
    const child = promisify(execFile)(process.execPath, [CHILD]);
    child.child.stdin!.end(childInput(todo));
    await child;
  }
  return results(jobs, chars);
}
