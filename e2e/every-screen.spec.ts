/**
 * Walks every screen of the sample hall in both languages and orientations: no `undefined`, `null`,
 * `NaN`, `[object Object]`, raw i18n key or broken image anywhere; no text a visitor reads under 28 px
 * (e2e/fixtures/text-sizes.ts); axe finds no violation on any kind
 * of screen, in the normal look and in every accessibility mode (switched in place, no reload);
 * a screenshot of each kind is written to e2e/.artifacts/screens/ (git ignores it), and of each mode
 * on home and a service guide.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { allScreens, MODE_SETS, openScreen, setModes } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

async function problemsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a visitor sees
    const text = document.body.innerText;
    // Words must stand alone ("nullify" is fine); markers are bad anywhere.
    const bad = /(?<![A-Za-z])(undefined|null|NaN)(?![A-Za-z])|\[object Object\]|【i18n:/g;
    for (const m of text.matchAll(bad)) {
      const around = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ');
      problems.push(`"${m[0]}" in: …${around}…`);
    }
    // What a screen reader says counts too: names and descriptions given in attributes.
    for (const el of Array.from(
      document.querySelectorAll('[aria-label], [title], [alt], [aria-description]'),
    )) {
      for (const attr of ['aria-label', 'title', 'alt', 'aria-description']) {
        const value = el.getAttribute(attr);
        if (value?.match(bad)) problems.push(`${attr}="${value}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    for (const img of Array.from(document.images)) {
      if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
      if (img.naturalWidth === 0) problems.push(`broken image: ${img.alt || img.src}`);
    }
    return problems;
  });
}

async function axeViolations(page: Page, where: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.map(
    (v) =>
      `${where}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const locale of ['zh-CN', 'en']) {
      test(`every screen reads cleanly: ${orientation}, ${locale}`, async ({ page }) => {
        test.setTimeout(180_000);
        const kiosk = await kioskOnFeed();
        // A long idle time: the walk touches nothing, and the visit must not end halfway through it.
        await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600`);
        await expect(page.locator('.home')).toBeVisible();
        const failures: string[] = [];
        for (const { kind, screen } of allScreens()) {
          await openScreen(page, screen, locale);
          for (const p of await problemsOnScreen(page)) failures.push(`${JSON.stringify(screen)}: ${p}`);
          // Read from across the room: nothing a visitor must read is drawn under 28 px (26 px bold for a tag).
          for (const s of await smallTexts(page)) {
            failures.push(`${JSON.stringify(screen)}: "${s.text}" is ${s.px} px (${s.where})`);
          }
          if (!kind) continue;
          await page.screenshot({
            path: `e2e/.artifacts/screens/${kind}-${orientation}-${locale === 'en' ? 'en' : 'zh'}.png`,
          });
          failures.push(...(await axeViolations(page, kind)));
        }
        expect(failures).toEqual([]);
        await kiosk.close();
      });
    }

    // The modes change layout and colour, not words: one language suffices, and the test runs beside
    // the others. Modes are switched in place on each screen: a reload per screen would cost minutes.
    test(`every kind of screen passes axe in every accessibility mode: ${orientation}`, async ({ page }) => {
      test.setTimeout(240_000);
      const kiosk = await kioskOnFeed();
      await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600`);
      await expect(page.locator('.home')).toBeVisible();
      const failures: string[] = [];
      for (const { kind, screen } of allScreens().filter((s) => s.kind)) {
        await openScreen(page, screen, 'zh-CN');
        for (const [mode, on] of Object.entries(MODE_SETS)) {
          await setModes(page, on);
          if (kind === 'home' || kind === 'service') {
            await page.screenshot({ path: `e2e/.artifacts/screens/${kind}-${mode}-${orientation}-zh.png` });
          }
          failures.push(...(await axeViolations(page, `${kind} in ${mode}`)));
        }
        await setModes(page, []);
      }
      expect(failures).toEqual([]);
      await kiosk.close();
    });
  });
}
