/**
 * Issue 12, items 4, 8, 3 and 10 on the screens a visitor browses: all services come in the order visitors
 * look for them (the most used first, then by pinyin or A to Z), every service sits in a topic; the English
 * services, fees and complaints screens show no Chinese except a proper noun given beside its English
 * (marked lang="zh-CN"); money is written one way per card; phone numbers never break; nothing is printed
 * twice; and no text a visitor reads is under 28 px. Both orientations, both languages.
 */
import type { Page } from '@playwright/test';
import { validateFolder } from '../content/validate.ts';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DATE } from './fixtures/test-day.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const sample = validateFolder('content/sample', { today: TEST_DATE }).content!;
const LOCALE = { zh: 'zh-CN', en: 'en' } as const;
const nameIn = (lang: 'zh' | 'en', name: unknown) =>
  typeof name === 'string' ? name : (name as Record<string, string>)[LOCALE[lang]]!;
const popularityOf = (lang: 'zh' | 'en', shown: string) =>
  sample.services.find((s) => nameIn(lang, s.value.name) === shown)?.value.popularity;

const WORDS = {
  zh: {
    guides: /^办事指南/,
    topic: /^户籍·证件/,
    idCard: '居民身份证补领、损坏换领',
    first: '居民身份证补领、损坏换领',
  },
  en: {
    guides: /^Service guides/,
    topic: /^Household registration and ID/,
    idCard: 'Replacing a lost or damaged resident ID card',
    first: 'Replacing a lost or damaged resident ID card',
  },
} as const;

const serviceNames = (page: Page) =>
  page.getByRole('list', { name: 'services' }).locator('.list-button-title').allTextContents();

/** Visible text with Chinese characters that the page does not mark as Chinese on purpose. */
const unmarkedChinese = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!/\p{Script=Han}/u.test(n.textContent ?? '')) continue;
      // Marked on purpose: the nearest language given is Chinese (the page itself says English).
      const marked = el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh');
      if (marked || el.closest('.visually-hidden, [hidden]') || el.getClientRects().length === 0) continue;
      found.push((n.textContent ?? '').trim().slice(0, 60));
    }
    return found;
  });

/** Phone numbers (0000-6188 1234) whose space may break the line: not a no-break space, not in a nowrap box. */
const breakablePhoneNumbers = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const nowrap = getComputedStyle(n.parentElement!).whiteSpace.startsWith('nowrap');
      for (const m of (n.textContent ?? '').matchAll(/\d{3,4}-\d{4}\s\d{4}/g))
        if (!nowrap && /\d \d/.test(m[0])) found.push(m[0]);
    }
    return found;
  });

/** Text under the floor in the screen itself (the shell's footer and banner are other screens' business). */
const smallOnScreen = async (page: Page) =>
  (await smallTexts(page))
    .filter((s) => !/quiet-footer|urgent/.test(s.where))
    .map((s) => `${s.px} ${s.where} ${s.text}`);

const shot = (page: Page, screen: string, orientation: string, lang: string) =>
  page.screenshot({ path: `e2e/.artifacts/screens/${screen}-${orientation}-${lang}.png`, fullPage: true });

/** Opens a screen through the `?e2e` hook, as a tap would, keeping the visit's language. */
const goTo = (page: Page, screen: object) =>
  page.evaluate(
    (s) => (window as unknown as { sunlightVisit: { go(s: unknown): void } }).sunlightVisit.go(s),
    screen,
  );

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];

      test('browses all services, most used first, then by pinyin or A to Z, and finds the ID card under its topic', async ({
        page,
      }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await page.getByRole('button', { name: w.guides }).click();
        const names = await serviceNames(page);
        expect(names[0]).toBe(w.first);
        const used = names.filter((n) => popularityOf(lang, n) !== undefined);
        expect(used.length).toBeGreaterThanOrEqual(5);
        // The most used come first, in falling order of use ...
        expect(names.slice(0, used.length)).toEqual(used);
        const uses = used.map((n) => popularityOf(lang, n)!);
        expect(uses).toEqual([...uses].sort((a, b) => b - a));
        // ... then the rest by sound (pinyin) or alphabet, as a visitor scans a list.
        const rest = names.slice(used.length);
        const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en', {
          sensitivity: 'base',
        });
        expect(rest).toEqual([...rest].sort(collator.compare));
        expect(await smallOnScreen(page)).toEqual([]);
        await shot(page, 'services-all', orientation, lang);

        await page.getByRole('button', { name: w.topic }).click();
        await expect(
          page.getByRole('list', { name: 'services' }).getByRole('button', { name: w.idCard }),
        ).toBeVisible();
        await kiosk.close();
      });

      test('reads the fees and the complaint channels: one currency style per card, whole phone numbers, nothing twice', async ({
        page,
      }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?e2e');
        const go = (screen: object) => goTo(page, screen);
        await go({ name: 'fees' });
        await expect(page.locator('.fee-card').first()).toBeVisible();
        for (const card of await page.locator('.fee-card').allInnerTexts()) {
          const styles = [/¥/, /\bCNY\b|\bRMB\b|\byuan\b/i, /\d\s*元/].filter((r) => r.test(card));
          expect(styles.length, `two ways of writing money on one card:\n${card}`).toBeLessThanOrEqual(1);
        }
        expect(await breakablePhoneNumbers(page)).toEqual([]);
        expect(await smallOnScreen(page)).toEqual([]);
        await shot(page, 'fees-all', orientation, lang);

        await go({ name: 'complaints' });
        const channels = page.locator('.channel');
        await expect(channels.first()).toBeVisible();
        for (const text of await channels.allInnerTexts()) {
          const lines = text
            .split('\n')
            .map((l) => l.trim().toLowerCase())
            .filter(Boolean);
          expect(lines, `a line printed twice on a channel card:\n${text}`).toEqual([...new Set(lines)]);
        }
        expect(await breakablePhoneNumbers(page)).toEqual([]);
        expect(await smallOnScreen(page)).toEqual([]);
        await shot(page, 'complaints-all', orientation, lang);
        await kiosk.close();
      });

      if (lang === 'en')
        test('shows no Chinese on the English services, fees and complaints screens', async ({ page }) => {
          const kiosk = await kioskOnFeed();
          await openKiosk(page, kiosk.url, lang, '?e2e');
          const go = (screen: object) => goTo(page, screen);
          await go({ name: 'services' });
          await page.getByRole('button', { name: /^Find by department/ }).click();
          await expect(page.getByRole('list', { name: 'services' })).toBeVisible();
          expect(await unmarkedChinese(page)).toEqual([]);
          for (const topic of sample.hall.value.topics) {
            await go({ name: 'services', topic: topic.id });
            await expect(page.getByRole('list', { name: 'services' })).toBeVisible();
            expect(await unmarkedChinese(page), `topic ${topic.id}`).toEqual([]);
          }
          for (const screen of ['fees', 'complaints']) {
            await go({ name: screen });
            await expect(page.locator('main h1')).toBeVisible();
            expect(await unmarkedChinese(page), screen).toEqual([]);
          }
          await kiosk.close();
        });
    });
  }
}
