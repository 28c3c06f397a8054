import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { fontCoverage } from '../fonts/cmap.ts';
import { BASE_TEXT, fontFaceCss, uiFontPlugins } from './ui-font-plugin.ts';

const has = (covered: Set<number>, text: string) => [...text].every((c) => covered.has(c.codePointAt(0)!));

describe('the UI font plugin', () => {
  it('should always include ASCII, digits, the common punctuation and the yuan sign', () => {
    for (const c of ' 09AZaz~·—–…、。，：；！？（）《》“”‘’¥') expect(BASE_TEXT).toContain(c);
  });

  it('should declare both weights of Sunlight UI with font-display: block', () => {
    const css = fontFaceCss([
      { weight: 400, fileName: 'assets/sunlight-ui-400-abc.woff2' },
      { weight: 700, fileName: 'assets/sunlight-ui-700-def.woff2' },
    ]);
    expect(css.match(/font-family: 'Sunlight UI'/g)).toHaveLength(2);
    expect(css.match(/font-display: block/g)).toHaveLength(2);
    expect(css).toContain(
      "font-weight: 700;\n  font-display: block;\n  src: url('./sunlight-ui-700-def.woff2')",
    );
  });

  it("should build a font with every character of the app's modules, CSS and page, linked from the page", async () => {
    const root = mkdtempSync(join(tmpdir(), 'sunlight-ui-font-'));
    mkdirSync(join(root, 'screens'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><html><head><title>页面标题</title></head><body><p>静态文字</p><script type="module" src="./main.ts"></script></body></html>',
    );
    writeFileSync(
      join(root, 'main.ts'),
      [
        '// 注释不算',
        "import './style.css';",
        "import { label } from './screens/strings.ts';",
        'document.body.append(label + `模板`);',
      ].join('\n'),
    );
    writeFileSync(join(root, 'screens/strings.ts'), "export const label = '鑫淼';\n");
    writeFileSync(join(root, 'style.css'), 'p::after { content: "\\2192 犇"; }\n');
    const outDir = join(root, 'dist');
    await build({
      root,
      logLevel: 'silent',
      plugins: [uiFontPlugins()],
      build: { outDir, emptyOutDir: true },
    });

    const assets = readdirSync(join(outDir, 'assets'));
    const fonts = assets.filter((f) => /^sunlight-ui-(400|700)-[0-9a-f]{8}\.woff2$/.test(f));
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      const covered = fontCoverage(readFileSync(join(outDir, 'assets', font)));
      expect(has(covered, '页面标题静态文字鑫淼模板→犇')).toBe(true);
      expect(has(covered, BASE_TEXT.replace(/[^\x20-\x7e]/g, ''))).toBe(true);
      expect(has(covered, '注释')).toBe(false);
    }
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const css = assets.find((f) => /^sunlight-ui-[0-9a-f]{8}\.css$/.test(f))!;
    expect(html).toContain(`<link rel="stylesheet" href="./assets/${css}">`);
    for (const font of fonts) expect(html).toContain(`<link rel="preload" href="./assets/${font}" as="font"`);
    expect(readFileSync(join(outDir, 'assets', css), 'utf8')).toContain(`url('./${fonts[0]}')`);
    expect(readFileSync(join(outDir, 'licenses/NotoSansSC-OFL.txt'), 'utf8')).toMatch(
      /SIL OPEN FONT LICENSE/,
    );
  });
});
