import { describe, expect, it } from 'vitest';
import type { StringTree } from './define.ts';
import { NAMESPACES, UI_LOCALES } from './registry.ts';

const flatten = (tree: StringTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

describe('UI strings', () => {
  for (const [ns, strings] of Object.entries(NAMESPACES)) {
    it(`should have the same keys in every language, none empty: ${ns}`, () => {
      const [first, ...rest] = UI_LOCALES.map((l) => flatten(strings[l] as StringTree));
      for (const other of rest) expect(Object.keys(other).sort()).toEqual(Object.keys(first!).sort());
      for (const table of [first!, ...rest]) {
        expect(
          Object.entries(table)
            .filter(([, v]) => v.trim() === '')
            .map(([k]) => k),
        ).toEqual([]);
      }
    });
  }

  it('should keep the same {{placeholders}} in every language', () => {
    for (const strings of Object.values(NAMESPACES)) {
      const zh = flatten(strings['zh-CN'] as StringTree);
      const en = flatten(strings.en as StringTree);
      for (const [key, text] of Object.entries(zh)) {
        const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(en[key] ?? ''), key).toEqual(names(text));
      }
    }
  });
});
