/**
 * Home uses the height of the screen: the hall's name near the top (in the calm band, where nothing is tapped),
 * the search bar and the tiles below the top 15 % of a tall screen, and the tiles reaching down to the dock, with
 * or without an urgent banner, in both orientations and languages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

/** The sample with its one urgent notice (in force on TEST_DAY) made an ordinary one: home without a banner. */
function hallWithoutBanner(): string {
  const folder = copyOfSample();
  const file = join(folder, 'notices/system-maintenance.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('urgent: true', 'urgent: false'));
  return folder;
}

/** The empty bands of home: above the title (from the banner or the screen's top) and between the tiles and the dock. */
async function bands(page: Page) {
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const banner =
    (await page.locator('.urgent').count()) > 0 ? await page.locator('.urgent').boundingBox() : null;
  const title = await box('.home h1');
  const entry = await box('.search-entry');
  const tiles = await box('.tiles');
  const dock = await box('.dock');
  const top = banner ? banner.y + banner.height : 0;
  return {
    banner: banner !== null,
    above: Math.round(title.y - top),
    firstTap: Math.round(entry.y),
    below: Math.round(dock.y - (tiles.y + tiles.height)),
  };
}

for (const withBanner of [true, false]) {
  test.describe(withBanner ? 'with an urgent banner' : 'without a banner', () => {
    type Kiosk = Awaited<ReturnType<typeof kioskOnFeed>>;
    let kiosk: Kiosk;
    test.beforeAll(async () => {
      kiosk = await kioskOnFeed(withBanner ? 'content/sample' : hallWithoutBanner());
    });
    test.afterAll(async () => kiosk.close());

    for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
      for (const lang of ['zh', 'en'] as const) {
        test(`home fills the screen (${orientation}, ${lang})`, async ({ page }, info) => {
          await page.setViewportSize(viewport);
          await openKiosk(page, kiosk.url, lang);
          const b = await bands(page);
          expect(b.banner).toBe(withBanner);
          info.annotations.push({
            type: 'home bands',
            description: `${orientation} ${lang}: ${JSON.stringify(b)}`,
          });
          // Nothing to tap in the top 15 % of a tall screen (visual-design.md); a wide one has no such band.
          if (orientation === 'portrait') expect(b.firstTap).toBeGreaterThanOrEqual(viewport.height * 0.15);
          // A title needs a margin above it, not a quarter of the screen: 120 px is the screen's usual top
          // padding (40 px) plus a line of heading (52 px) and some air; more reads as a screen not filled.
          expect(b.above).toBeLessThan(120);
          // Below the tiles the same: the tiles reach down towards the dock, leaving at most one tile gap's air.
          expect(b.below).toBeLessThan(120);
          expect(b.below).toBeGreaterThanOrEqual(0);
          await page.screenshot({
            path: `e2e/.artifacts/screens/home-${withBanner ? 'banner' : 'plain'}-${orientation}-${lang}.png`,
          });
        });
      }
    }
  });
}
