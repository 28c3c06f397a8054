/**
 * The procedure's flowchart, judged from across the room (issue 12): in landscape the chart has the
 * screen's width and shows most of a nine-step procedure at once, at a size read from a step away; every
 * text on it is at least 28 px as drawn; a step that has nothing more to say is not a button, and every
 * step that is one opens a card that says more than its name. Both languages, with the urgent banner of
 * TEST_DAY in force.
 */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { openScreen } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const SHOTS = 'e2e/.artifacts/screens';
/** Nine steps, two decisions, a loop back (the sample's second-hand home transfer). */
const SERVICE = 'second-hand-housing-transfer';

async function openChart(page: Page, locale: string, id = SERVICE) {
  await page.goto(`${(await kioskOnFeed()).url}/?e2e&device=lobby-1&idle=3600`);
  await expect(page.locator('.home')).toBeVisible({ timeout: 60_000 });
  await openScreen(page, { name: 'flow', id, view: 'chart' }, locale);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.locator('.flow-frame .flow-node').first()).toBeVisible();
}

/** The step nodes wholly inside what the visitor sees: below the top of the screen, above the dock. */
async function nodesInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const dock = document.querySelector('nav.dock')!.getBoundingClientRect().top;
    return [...document.querySelectorAll('.flow-frame .flow-node')].filter((n) => {
      const b = n.getBoundingClientRect();
      return b.top >= main.top && b.bottom <= dock && b.left >= 0 && b.right <= window.innerWidth;
    }).length;
  });
}

/** Pairs of branch labels drawn over each other, or over a step: a label must be read whole, on its own line. */
async function labelClashes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxOf = (el: Element) => el.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const labels = [...document.querySelectorAll('.flow-frame .flow-label')];
    const nodes = [...document.querySelectorAll('.flow-frame .flow-node')];
    const clashes: string[] = [];
    labels.forEach((l, i) => {
      for (const m of labels.slice(i + 1))
        if (meet(boxOf(l), boxOf(m))) clashes.push(`"${l.textContent}" over "${m.textContent}"`);
      for (const n of nodes)
        if (meet(boxOf(l), boxOf(n))) clashes.push(`"${l.textContent}" over step "${n.textContent?.trim()}"`);
    });
    return clashes;
  });
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const locale of ['zh-CN', 'en'] as const) {
      const lang = locale === 'en' ? 'en' : 'zh';

      test(`no branch label lies on another or on a step: ${orientation}, ${locale}`, async ({ page }) => {
        // The transfer (two checks, a loop) and the birth registration (a check whose two branches
        // leave it side by side) as the kiosk sets them on this screen, in columns where it does.
        for (const id of [SERVICE, 'birth-registration']) {
          await openChart(page, locale, id);
          await page.screenshot({ path: `${SHOTS}/flow-labels-${id}-${orientation}-${lang}.png` });
          expect(await labelClashes(page), id).toEqual([]);
        }
      });

      test(`the chart is read from a step away, most of it at once: ${orientation}, ${locale}`, async ({
        page,
      }) => {
        await openChart(page, locale);
        await page.screenshot({ path: `${SHOTS}/flow-chart-first-${orientation}-${lang}.png` });
        const small = (await smallTexts(page)).filter((s) => !s.where.includes('quiet-footer'));
        expect(small).toEqual([]);
        // The chart's text is laid out at 28 px: drawn at scale 1 or more it stays at least that.
        const scale = await page
          .locator('.flow-frame svg > g')
          .evaluate((g) => (g as SVGGraphicsElement).getScreenCTM()!.a);
        expect(scale, 'the chart is not drawn smaller than its reading size').toBeGreaterThanOrEqual(0.999);
        await expect(page.locator('.flow-frame .flow-node')).toHaveCount(9);
        const inView = await nodesInView(page);
        test
          .info()
          .annotations.push({ type: 'steps in view', description: `${inView} of 9 at scale ${scale}` });
        if (orientation === 'landscape') {
          const chart = (await page.locator('.flow-chart').boundingBox())!;
          expect(chart.width, 'the chart has three quarters of the width').toBeGreaterThanOrEqual(
            0.75 * viewport.width,
          );
          expect(inView, 'steps wholly on the first screen').toBeGreaterThanOrEqual(6);
        } else {
          expect(inView, 'steps wholly on the first screen').toBeGreaterThanOrEqual(5);
        }
      });

      test(`every step that is a button opens more than its name, and no other step is one: ${orientation}, ${locale}`, async ({
        page,
      }) => {
        await openChart(page, locale);
        const nodes = page.locator('.flow-frame .flow-node');
        let buttons = 0;
        for (let i = 0; i < (await nodes.count()); i++) {
          const node = nodes.nth(i);
          const button = node.getByRole('button');
          if ((await button.count()) === 0) {
            // Not tappable, and says so by not looking like a button a screen reader would announce.
            await node.click({ force: true });
            await expect(page.getByRole('dialog')).toHaveCount(0);
            continue;
          }
          buttons++;
          const name = (await button.textContent())!.trim();
          await button.click();
          const dialog = page.getByRole('dialog', { name });
          await expect(dialog).toBeVisible();
          // What the card says beyond its number, kind and title.
          const more = await dialog.evaluate((d) =>
            [...d.children]
              .filter((c) => !c.matches('.flow-detail-head, h2'))
              .map((c) => c.textContent?.trim() ?? '')
              .join(''),
          );
          expect(more, `the card of "${name}" says more than its name`).not.toBe('');
          await dialog.getByRole('button', { name: locale === 'en' ? 'Close' : '关闭' }).click();
          await expect(dialog).toBeHidden();
        }
        expect(buttons, 'the steps with more to say are buttons').toBeGreaterThan(0);
      });
    }
  });
}
