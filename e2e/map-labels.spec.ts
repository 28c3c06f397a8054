/**
 * The plans read from across the room: no label on a plan covers another or spills out of its room, every
 * text on the map screen is large enough, and in portrait the floor buttons sit below the top 15 % of the
 * screen (out of reach of a seated visitor's arm up there; issue 12 item 9).
 */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const WORDS = {
  zh: { help: '找工作人员帮忙', f2: '二楼', window17: '17号窗口' },
  en: { help: 'Ask for help', f2: '2nd floor', window17: 'Window 17' },
} as const;

type Box = { x: number; y: number; width: number; height: number };
type Label = { text: string; box: Box; room: Box };

/** Every label drawn on the plan, with its box and its room's box, both in the plan's units. */
async function planLabels(page: Page): Promise<Label[]> {
  return page.locator('svg.map-overlay').evaluate((svg) =>
    [...svg.querySelectorAll<SVGGraphicsElement>('[data-label]')].map((el) => {
      const b = el.getBBox();
      const [x, y, width, height] = (el.getAttribute('data-room') ?? '').split(' ').map(Number);
      return {
        text: el.textContent || el.getAttribute('data-label') || '',
        box: { x: b.x, y: b.y, width: b.width, height: b.height },
        room: { x: x!, y: y!, width: width!, height: height! },
      };
    }),
  );
}

const inside = (a: Box, r: Box) =>
  a.x >= r.x - 0.5 &&
  a.y >= r.y - 0.5 &&
  a.x + a.width <= r.x + r.width + 0.5 &&
  a.y + a.height <= r.y + r.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectLabelsClear(page: Page, what: string) {
  const labels = await planLabels(page);
  expect(labels.length, `${what}: labels drawn`).toBeGreaterThan(5);
  const outside = labels.filter((l) => !inside(l.box, l.room)).map((l) => l.text);
  expect(outside, `${what}: labels that leave their room`).toEqual([]);
  const clashes: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (overlap(labels[i]!.box, labels[j]!.box)) clashes.push(`${labels[i]!.text} × ${labels[j]!.text}`);
  expect(clashes, `${what}: labels that cover each other`).toEqual([]);
}

/** Small text on the map screen, leaving out what other screens' owners fix (the shared footer). */
async function expectNoSmallText(page: Page) {
  const small = (await smallTexts(page)).filter((s) => !s.where.includes('quiet-footer'));
  expect(small).toEqual([]);
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];

      test('labels on both plans stay clear of each other and inside their rooms', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?device=lobby-1');
        await page.getByRole('button', { name: w.help }).click();
        await expect(page.locator('svg.map-overlay')).toBeVisible();
        await expectLabelsClear(page, 'floor 1, help desk marked');
        await expectNoSmallText(page);

        const tab = page.getByRole('tab', { name: new RegExp(`^${w.f2}`) });
        if (orientation === 'portrait') {
          const box = (await tab.boundingBox())!;
          expect(box.y, 'floor buttons below the top 15 % of the screen').toBeGreaterThanOrEqual(
            0.15 * viewport.height,
          );
        }
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        await expectLabelsClear(page, 'floor 2');
        await expectNoSmallText(page);
        await page.getByRole('button', { name: w.window17, exact: true }).click();
        await expect(page.getByRole('button', { name: w.window17, exact: true })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expectLabelsClear(page, 'floor 2, window 17 marked');
        await expectNoSmallText(page);
        await page.screenshot({ path: `e2e/.artifacts/screens/map-route-${orientation}-${lang}.png` });
        await kiosk.close();
      });
    });
  }
}
