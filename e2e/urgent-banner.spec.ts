/**
 * The urgent banner during a visit: one line per notice that says when ("12月30日 18:00起"), in text a visitor
 * reads from a step back (≥ 28 px), and still plainly urgent in high contrast (a bright band, not black on black).
 */
import type { Locator, Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { setModes } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const BANNER = {
  zh: { title: '网上办事系统升级维护公告', when: '12月30日 18:00起', badge: '紧急' },
  en: { title: 'Online service system maintenance', when: 'from 30 Dec 18:00', badge: 'Urgent' },
} as const;

/** The colours that decide how the banner reads: its band, its words, its badge, and the page around it. */
function colours(banner: Locator) {
  return banner.evaluate((el) => {
    const bg = (e: Element | null): string => {
      for (; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
      }
      return 'rgb(255, 255, 255)';
    };
    const badge = el.querySelector('strong')!;
    return {
      band: bg(el),
      words: getComputedStyle(el).color,
      badge: bg(badge),
      badgeWords: getComputedStyle(badge).color,
      page: bg(document.querySelector('.screen')),
    };
  });
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The smallest font size of any text inside the banner. */
const smallestText = (banner: Locator) =>
  banner.evaluate((el) => {
    const sizes: number[] = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const parent = n.parentElement!;
      if (n.textContent?.trim() && !parent.closest('.visually-hidden'))
        sizes.push(Number.parseFloat(getComputedStyle(parent).fontSize));
    }
    return Math.min(...sizes);
  });

async function bannerOn(page: Page, lang: 'zh' | 'en'): Promise<Locator> {
  const banner = page.getByRole('alert').filter({ hasText: BANNER[lang].title });
  await expect(banner).toBeVisible();
  return banner;
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation} ${lang}`, () => {
      test.use({ viewport });

      test('the urgent banner says when, on one line, in text read from a step back', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?e2e');
        const banner = await bannerOn(page, lang);
        await expect(banner).toContainText(BANNER[lang].when);
        await expect(banner.locator('strong')).toContainText(BANNER[lang].badge);
        expect(await smallestText(banner)).toBeGreaterThanOrEqual(28);
        expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(88);
        await page.screenshot({ path: `e2e/.artifacts/screens/urgent-banner-${orientation}-${lang}.png` });
        await kiosk.close();
      });

      test('in high contrast the urgent banner is a bright band with a badge, not black on black', async ({
        page,
      }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?e2e');
        await setModes(page, ['highContrast']);
        const banner = await bannerOn(page, lang);
        await expect(banner.locator('strong')).toContainText(BANNER[lang].badge);
        const c = await colours(banner);
        // The band stands out from the black page, and its words and badge read at 7:1.
        expect(contrast(c.band, c.page), JSON.stringify(c)).toBeGreaterThanOrEqual(7);
        expect(contrast(c.words, c.band), JSON.stringify(c)).toBeGreaterThanOrEqual(7);
        expect(contrast(c.badgeWords, c.badge), JSON.stringify(c)).toBeGreaterThanOrEqual(7);
        // The badge is set apart from the band too, not by colour alone: the word stays.
        expect(contrast(c.badge, c.band), JSON.stringify(c)).toBeGreaterThanOrEqual(3);
        expect(await smallestText(banner)).toBeGreaterThanOrEqual(28);
        expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(88);
        await page.screenshot({
          path: `e2e/.artifacts/screens/urgent-banner-high-contrast-${orientation}-${lang}.png`,
        });
        await kiosk.close();
      });
    });
  }
}
