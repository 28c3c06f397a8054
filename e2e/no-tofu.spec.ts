/**
 * Chinese renders with no CJK font on the terminal: every glyph on screen comes from a font we ship
 * (`Sunlight UI` from the build, `Sunlight Content` from the bundle), never from a system font. This machine has
 * system CJK fonts, so a screenshot would hide a missing glyph; instead Chromium is asked, through CDP
 * (CSS.getPlatformFontsForNode), which fonts drew each element's text, and every character on screen is looked
 * up in the cmaps of the fonts we ship (a terminal without a fallback font would show it as a box).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fontCoverage } from '../scripts/fonts/cmap.ts';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';

type PlatformFont = {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
};
type DomNode = {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
};
/** Our fonts are subsets of Noto Sans SC: web fonts (isCustomFont) with that family name inside. */
const OURS = (f: PlatformFont) => f.isCustomFont && f.familyName === 'Noto Sans SC';
const TEXT_NODE = 3;
const NOT_DRAWN = new Set(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The characters the fonts in these folders have glyphs for. */
function coverageOf(...folders: string[]): Set<number> {
  const covered = new Set<number>();
  for (const folder of folders)
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.woff2')))
      for (const p of fontCoverage(readFileSync(join(folder, file)))) covered.add(p);
  return covered;
}

/** What drew the text now on screen: each element's text, the fonts Chromium used for it, and its characters. */
async function textOnScreen(page: Page): Promise<{ element: string; text: string; fonts: PlatformFont[] }[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const elements: DomNode[] = [];
  const walk = (node: DomNode) => {
    if (NOT_DRAWN.has(node.nodeName)) return;
    if (node.children?.some((c) => c.nodeType === TEXT_NODE && c.nodeValue.trim())) elements.push(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  const drawn = await Promise.all(
    elements.map(async (element) => {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: element.nodeId })) as {
        fonts: PlatformFont[];
      };
      const text = (element.children ?? [])
        .filter((c) => c.nodeType === TEXT_NODE)
        .map((c) => c.nodeValue)
        .join('');
      return { element: element.nodeName.toLowerCase(), text: text.trim(), fonts };
    }),
  );
  await cdp.detach();
  // An element that is not rendered (display: none) draws nothing and has no fonts.
  return drawn.filter((d) => d.fonts.length > 0);
}

/** Where a glyph on screen is not ours: drawn by a system font, or a character our fonts lack (a box). */
async function tofuRisks(page: Page, covered: Set<number>) {
  const shown = await textOnScreen(page);
  expect(shown.length, 'some text is on screen').toBeGreaterThan(0);
  const systemFonts = shown
    .filter((s) => !s.fonts.every(OURS))
    .map(
      (s) => `<${s.element}> "${s.text}" drawn with ${s.fonts.map((f) => f.postScriptName ?? f.familyName)}`,
    );
  const lacking = new Set<string>();
  for (const s of shown)
    for (const c of s.text) if (!/\s/.test(c) && !covered.has(c.codePointAt(0)!)) lacking.add(c);
  return { systemFonts, lacking: [...lacking] };
}

const contentFacesLoaded = (page: Page) =>
  page.evaluate(
    () =>
      [...document.fonts].filter(
        (f) => f.family.replaceAll('"', '') === 'Sunlight Content' && f.status === 'loaded',
      ).length,
  );

const NONE = { systemFonts: [], lacking: [] };
const NAMES = {
  'zh-CN': { services: /办事指南/, language: undefined },
  en: { services: /Service guides/, language: 'English' },
} as const;

for (const [orientation, viewport] of [
  ['landscape', { width: 1920, height: 1080 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const) {
  test.describe(`${orientation}`, () => {
    test.use({ viewport });

    for (const locale of ['zh-CN', 'en'] as const) {
      test(`a visitor reading in ${locale} sees only our fonts on home, the services and a service guide`, async ({
        page,
      }) => {
        const kiosk = await kioskOnFeed();
        const covered = coverageOf('dist/assets', join(kiosk.feed, 'files'));
        await page.goto(`${kiosk.url}/?e2e`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const language = NAMES[locale].language;
        if (language) await page.getByRole('button', { name: language }).click();
        await expect(page.locator(`.shell[lang="${locale}"]`)).toBeVisible();
        await expect.poll(() => contentFacesLoaded(page)).toBe(2);
        expect(await tofuRisks(page, covered), 'home').toEqual(NONE);

        await page.getByRole('button', { name: NAMES[locale].services }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\S/);
        expect(await tofuRisks(page, covered), 'services').toEqual(NONE);

        // The passport guide: long Chinese text, a flow, fees and a legal basis.
        const visit = await page.evaluate(() => 'sunlightVisit' in window);
        if (visit)
          await page.evaluate(() =>
            (window as unknown as { sunlightVisit: { go: (s: object) => void } }).sunlightVisit.go({
              name: 'service',
              id: 'passport',
            }),
          );
        else
          await page
            .getByText(locale === 'en' ? /passport/i : /护照/)
            .first()
            .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          locale === 'en' ? /passport/i : /护照/,
        );
        expect(await tofuRisks(page, covered), 'service guide').toEqual(NONE);
        await kiosk.close();
      });
    }
  });
}

test('the preparing and no-content screens need only the UI font', async ({ page, context }) => {
  // Before the first sync there is no content font: the build's UI font must carry these screens alone.
  const uiOnly = coverageOf('dist/assets');
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  const kiosk = await kioskOnFeed('content/sample', (path) =>
    path.startsWith('files/') ? held : Promise.resolve(),
  );
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { name: '正在准备内容…' })).toBeVisible();
  expect(await tofuRisks(page, uiOnly), 'preparing').toEqual(NONE);
  release();
  await kiosk.close();

  const offline = await kioskOnFeed();
  await context.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${offline.url}/`);
  await expect(page.getByRole('heading', { name: '暂时无法显示内容' })).toBeVisible();
  expect(await tofuRisks(page, uiOnly), 'no content').toEqual(NONE);
  await offline.close();
});

test('the check sees a system font when the content font is taken away', async ({ page }) => {
  // Proof that the checks above can fail: without `Sunlight Content`, the hall's name is not all in our fonts.
  const kiosk = await kioskOnFeed();
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => contentFacesLoaded(page)).toBe(2);
  const removed = await page.evaluate(() => {
    const content = [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Sunlight Content');
    for (const f of content) document.fonts.delete(f);
    return content.length;
  });
  expect(removed).toBe(2);
  const risks = await tofuRisks(page, coverageOf('dist/assets'));
  expect(risks.systemFonts.length + risks.lacking.length).toBeGreaterThan(0);
  await kiosk.close();
});
