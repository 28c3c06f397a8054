/** The JavaScript a built index.html loads before first paint: its module scripts and their static imports. */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export type InitialJs = { files: string[]; raw: number; gzip: number };

/** Follows `<script type="module" src>`, `<link rel="modulepreload">` and static `import … from` (not `import()`). */
export function initialJavaScript(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => join(dist, m[1]!));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; `import("./x.js")` is lazy.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(join(dirname(file), m[1]!));
  };
  for (const e of entries) visit(e);
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...seen].map((f) => relative(dist, f)), raw, gzip };
}
