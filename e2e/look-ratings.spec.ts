/** Scratch: screenshots of the rating screens to look at (not committed). */
import { kioskOnFeed } from './fixtures/feed.ts';
import { openScreen, setModes } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test(`look ${orientation}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const kiosk = await kioskOnFeed();
    await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600&fleet=${encodeURIComponent('http://127.0.0.1:9/')}`);
    await expect(page.locator('.home')).toBeVisible();
    await expect(page.locator('.dock-rate')).toBeVisible();
    for (const lang of ['zh-CN', 'en']) {
      const l = lang === 'en' ? 'en' : 'zh';
      await openScreen(page, { name: 'home' }, lang);
      await page.screenshot({ path: `e2e/.artifacts/ratings/home-${orientation}-${l}.png` });
      await openScreen(page, { name: 'service', id: 'passport' }, lang);
      await page.locator('.rating-inline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/.artifacts/ratings/guide-end-${orientation}-${l}.png` });
      await page.locator('.rating-inline .rating-level[data-level="2"]').click();
      await page.locator('.rating-inline .rating-toggle').first().click();
      await page.locator('.rating-inline .rating-toggle').nth(2).click();
      await page.locator('.rating-inline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `e2e/.artifacts/ratings/guide-reasons-${orientation}-${l}.png` });
      await page.locator('.dock-rate').click();
      await page.screenshot({ path: `e2e/.artifacts/ratings/sheet-guide-${orientation}-${l}.png` });
      await page.locator('.rating-sheet .rating-level[data-level="5"]').click();
      await page.screenshot({ path: `e2e/.artifacts/ratings/sheet-thanks-${orientation}-${l}.png` });
      await page.locator('.rating-next').click();
      await page.locator('.rating-sheet .rating-level[data-level="1"]').click();
      await page.locator('.rating-sheet .rating-toggle').first().click();
      await page.screenshot({ path: `e2e/.artifacts/ratings/sheet-reasons-${orientation}-${l}.png` });
      for (const [mode, on] of [
        ['large', ['largeText']],
        ['reach', ['reach']],
        ['contrast', ['highContrast']],
      ] as const) {
        await setModes(page, on);
        await page.screenshot({ path: `e2e/.artifacts/ratings/sheet-reasons-${mode}-${orientation}-${l}.png` });
      }
      await setModes(page, []);
      await page.locator('.rating-send').click();
      await page.screenshot({ path: `e2e/.artifacts/ratings/guide-done-${orientation}-${l}.png` });
      await page.evaluate(() => (window as unknown as { sunlightVisit: { reset(): void } }).sunlightVisit.reset());
    }
    await kiosk.close();
  });
}
