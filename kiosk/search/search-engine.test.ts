/** The search chunk must never carry the publisher's pinyin library (pinyin-pro): terms arrive ready-made. */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module the kiosk's search reaches through static and dynamic imports, by path from the repository. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(relative('.', join(dirname(file), spec)));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('the kiosk search chunk', () => {
  it('should reach MiniSearch and the shared tokeniser, and never pinyin-pro', () => {
    const modules = reachable('kiosk/search/load-searcher.ts');
    expect(modules).toContain('minisearch');
    expect(modules).toContain('content/search/tokenize.ts');
    expect(modules).not.toContain('pinyin-pro');
    expect(modules).not.toContain('content/search/pinyin.ts');
  });
});
