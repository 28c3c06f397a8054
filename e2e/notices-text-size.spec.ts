/**
 * Notices, read from a step back (issue 12 item 3): on the list and on a notice, nothing a visitor reads is
 * under 28 px (a tag 26 px bold), in both orientations and languages. The footer is another screen's part.
 */
import { kioskOnFeed } from './fixtures/feed.ts';
import { openScreen } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const SCREENS = [
  { name: 'notices' },
  { name: 'notice', id: 'system-maintenance' },
  // A notice with a table: the published approval results.
  { name: 'notice', id: 'approval-results-2026-11' },
] as const;

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test('notices and a notice are in text a visitor reads from a step back', async ({ page }) => {
      const kiosk = await kioskOnFeed();
      await openKiosk(page, kiosk.url, 'zh', '?e2e');
      for (const locale of ['zh-CN', 'en']) {
        for (const screen of SCREENS) {
          await openScreen(page, screen, locale);
          const small = (await smallTexts(page)).filter((s) => !s.where.includes('quiet-footer'));
          expect(small, `${JSON.stringify(screen)} ${locale}`).toEqual([]);
          const id = 'id' in screen ? `-${screen.id}` : '';
          await page.screenshot({
            path: `e2e/.artifacts/screens/${screen.name}${id}-${orientation}-${locale}.png`,
            fullPage: true,
          });
        }
      }
      await kiosk.close();
    });
  });
}
