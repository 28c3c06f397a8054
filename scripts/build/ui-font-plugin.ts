/**
 * Vite plugin that ships `Sunlight UI`: a subset of Noto Sans SC (regular and bold, WOFF2) holding exactly the
 * glyphs the kiosk's own text can use, so Chinese renders on a terminal with no CJK font and no network.
 *
 * Which text: every string literal, template and JSX text of every module the build bundles from this project
 * (the i18n namespaces of kiosk/i18n/registry.ts, the static texts of main.tsx and Preparing.tsx, and any
 * other), quoted strings of its CSS, index.html, and BASE_TEXT for what code composes at run time (digits,
 * punctuation, date words). Content text comes in the content font, made at publish time (docs/fonts.md).
 *
 * Emits assets/sunlight-ui-{400,700}-<hash>.woff2, assets/sunlight-ui-<hash>.css with their @font-face
 * rules, and licenses/NotoSansSC-OFL.txt; links the CSS and preloads the fonts from index.html.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Logger, PluginOption } from 'vite';
import { LICENSE_FILE, UI_FAMILY } from '../fonts/noto.ts';
import { htmlStrings, sourceStrings } from '../fonts/source-text.ts';
import { characterSet, type Subset, subset } from '../fonts/subset.ts';

/**
 * Text the UI composes at run time rather than writes in its source: printable ASCII (numbers, times, codes,
 * URLs under QR codes), common Chinese and typographic punctuation, the yuan sign, and the words of dates.
 */
export const BASE_TEXT = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  '\u00a0·—–…、。，：；！？（）《》〈〉「」『』【】〔〕“”‘’¥￥％×÷±→←↑↓',
  '年月日时分秒周星期天上午下午零〇一二三四五六七八九十百千万元角',
].join('');

export const LICENSE_ASSET = 'licenses/NotoSansSC-OFL.txt';

type Built = { files: { fileName: string; source: Uint8Array | string }[]; tags: HtmlTagDescriptor[] };

const shortHash = (bytes: Uint8Array | string) =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/** The @font-face rules; `block` because a fallback face would be tofu on a terminal without a CJK font. */
export function fontFaceCss(fonts: { weight: number; fileName: string }[]): string {
  const faces = fonts.map(
    (f) =>
      `@font-face {\n  font-family: '${UI_FAMILY}';\n  font-style: normal;\n  font-weight: ${f.weight};\n` +
      `  font-display: block;\n  src: url('./${f.fileName.replace(/^assets\//, '')}') format('woff2');\n}\n`,
  );
  return `/* ${UI_FAMILY}: a subset of Noto Sans SC, SIL Open Font License 1.1 (../${LICENSE_ASSET}). */\n${faces.join('')}`;
}

/** The files to emit and the tags for index.html, from the subsets. */
export function uiFontFiles(subsets: Subset[], license: string): Built {
  const fonts = subsets.map((s) => ({
    weight: s.weight,
    fileName: `assets/sunlight-ui-${s.weight}-${shortHash(s.woff2)}.woff2`,
    source: s.woff2,
  }));
  const css = fontFaceCss(fonts);
  const cssName = `assets/sunlight-ui-${shortHash(css)}.css`;
  return {
    files: [...fonts, { fileName: cssName, source: css }, { fileName: LICENSE_ASSET, source: license }],
    tags: [
      ...fonts.map(
        (f): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${f.fileName}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head',
        }),
      ),
      { tag: 'link', attrs: { rel: 'stylesheet', href: `./${cssName}` }, injectTo: 'head' },
    ],
  };
}

export function uiFontPlugins(): PluginOption[] {
  const strings = new Set<string>();
  let root = '';
  let logger: Logger | undefined;
  let built: Built | undefined;
  return [
    {
      name: 'sunlight-ui-font',
      apply: 'build',
      // Before any other plugin: the original source, so JSX text is still text.
      enforce: 'pre',
      configResolved(config) {
        root = config.root;
        logger = config.logger;
      },
      buildStart() {
        strings.clear();
        built = undefined;
      },
      transform(code, id) {
        if (id.startsWith('\0') || id.includes('/node_modules/')) return null;
        for (const s of sourceStrings(code, id)) strings.add(s);
        return null;
      },
      async buildEnd(error) {
        if (error) return;
        const html = readFileSync(join(root, 'index.html'), 'utf8');
        const text = characterSet([BASE_TEXT, ...htmlStrings(html), ...strings]);
        const subsets = await subset(text);
        built = uiFontFiles(subsets, readFileSync(LICENSE_FILE, 'utf8'));
        const kib = subsets.map((s) => `${s.weight}: ${(s.woff2.length / 1024).toFixed(1)} KiB`).join(', ');
        logger?.info(`${UI_FAMILY}: ${subsets[0]?.characters} characters (${kib})`);
        const missing = subsets[0]?.missing ?? [];
        if (missing.length > 0)
          this.warn(`${UI_FAMILY}: not in Noto Sans SC, may show as boxes: ${missing.join(' ')}`);
      },
      generateBundle() {
        for (const f of built?.files ?? []) this.emitFile({ type: 'asset', ...f });
      },
      transformIndexHtml: {
        order: 'post',
        handler: () => built?.tags ?? [],
      },
    },
  ];
}
