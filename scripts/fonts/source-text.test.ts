import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StringTree } from '../../kiosk/i18n/define.ts';
import { NAMESPACES, UI_LOCALES } from '../../kiosk/i18n/registry.ts';
import { cssStrings, htmlStrings, scriptStrings, sourceStrings } from './source-text.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const leaves = (tree: StringTree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

describe('the text of kiosk sources', () => {
  it('should take string literals, templates and JSX text, and leave comments out', () => {
    const code = `
      // 注释里的字
      /** 文档注释 */
      const a = '单引号', b = "双\\u5f15号", c = \`模板\${a}中间\${b}结尾\`;
      export const X = () => <p title="标&amp;题">正文&nbsp;文字 {a}</p>;
    `;
    expect(scriptStrings(code, 'x.tsx').join('|')).toBe('单引号|双引号|模板|中间|结尾|标&题|正文\u00a0文字 ');
  });

  it('should take quoted CSS strings with escapes, and all of an HTML page but its comments', () => {
    expect(
      cssStrings('/* "注" */ .a::before { content: "\\2192  下一步"; } .b { font-family: \'Sunlight UI\' }'),
    ).toEqual(['→ 下一步', 'Sunlight UI']);
    expect(htmlStrings('<!-- 注释 --><title>阳光 &amp; Sunlight</title>')).toEqual([
      '<title>阳光 & Sunlight</title>',
    ]);
    expect(sourceStrings('x', 'a.svg')).toEqual([]);
    expect(sourceStrings('const s = "字"', '/k/a.ts?v=1')).toEqual(['字']);
  });

  it('should find every character of every UI namespace, in both languages, in the kiosk sources', () => {
    const found = new Set<string>();
    for (const file of files('kiosk').filter((f) => /\.(tsx?|css|html)$/.test(f) && !f.endsWith('.test.ts')))
      for (const s of sourceStrings(readFileSync(file, 'utf8'), file)) for (const c of s) found.add(c);
    const missing = new Set<string>();
    for (const strings of Object.values(NAMESPACES))
      for (const locale of UI_LOCALES)
        for (const s of leaves(strings[locale] as StringTree))
          for (const c of s) if (!found.has(c)) missing.add(c);
    expect([...missing]).toEqual([]);
    expect(found.size).toBeGreaterThan(100);
  });
});
