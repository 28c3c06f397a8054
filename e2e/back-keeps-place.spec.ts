/**
 * Back returns a visitor to where they were: a guide scrolled down to its procedure, the flowchart opened from
 * there, back, and the guide is at the same place (not at its top); a new screen still starts at its top.
 */
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test(`back from the flowchart returns to the same place in the guide (${orientation})`, async ({
    page,
  }) => {
    const kiosk = await kioskOnFeed();
    await page.setViewportSize(viewport);
    await openKiosk(page, kiosk.url, 'zh', '?e2e');
    await page.evaluate(() =>
      (window as unknown as { sunlightVisit: { go(s: unknown): void } }).sunlightVisit.go({
        name: 'service',
        id: 'id-card-replace',
      }),
    );
    const main = page.locator('main');
    const open = page.getByRole('button', { name: /看办理流程/ });
    await open.scrollIntoViewIfNeeded();
    // Scrolled on a little further, as a visitor reading on would be.
    await main.evaluate((m) => m.scrollBy(0, 120));
    const scrolled = await main.evaluate((m) => m.scrollTop);
    expect(scrolled).toBeGreaterThan(200);
    await open.click();
    await expect(page.locator('main h1')).not.toHaveText(/居民身份证补领/);
    expect(await main.evaluate((m) => m.scrollTop), 'the flowchart starts at its top').toBe(0);
    await page.getByRole('button', { name: '返回', exact: true }).click();
    await expect(page.locator('main h1')).toHaveText(/居民身份证补领/);
    await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBeGreaterThan(scrolled - 10);
    expect(Math.abs((await main.evaluate((m) => m.scrollTop)) - scrolled)).toBeLessThanOrEqual(10);
    // Home, then the same guide anew: a fresh visit to it starts at its top.
    await page.getByRole('button', { name: '首页', exact: true }).click();
    await page.evaluate(() =>
      (window as unknown as { sunlightVisit: { go(s: unknown): void } }).sunlightVisit.go({
        name: 'service',
        id: 'id-card-replace',
      }),
    );
    await expect(page.locator('main h1')).toHaveText(/居民身份证补领/);
    expect(await main.evaluate((m) => m.scrollTop)).toBe(0);
    await kiosk.close();
  });
}
