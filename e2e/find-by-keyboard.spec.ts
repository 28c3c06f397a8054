/**
 * A visitor finds a service by tapping the on-screen keyboard (pinyin initials in Chinese, the start of a word in
 * English), sees the results change with every key and the match marked, opens the service and comes back to the
 * same results; deletes, clears, is told kindly when nothing matches, taps a popular search, and leaves no query
 * for the next visitor; with no result, a button shows the help desk on the map. axe finds nothing wrong on the screen. In zh-CN and en, landscape and portrait.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const WORDS = {
  zh: {
    entry: /搜索办事事项/,
    dock: '搜索',
    title: '搜索',
    field: '您打的字',
    placeholder: '点下面的字母或数字',
    hint: /hz 找护照/,
    // Pinyin initials: a Chinese visitor cannot type hanzi on this keyboard.
    keys: ['H', 'Z'],
    service: '普通护照签发',
    marked: '护照',
    department: '出入境服务窗口',
    group: /办事指南/,
    guide: '带齐这些材料',
    found: /找到 (\d+) 项/,
    nothingKeys: ['X', 'Q', 'Z', 'J'],
    nothing: '没有找到“xqzj”',
    nothingHelp: /少打几个字母.*服务台/,
    helpDesk: '到服务台问工作人员',
    helpDeskPlace: '综合咨询服务台',
    delete: '删除',
    clear: '清除',
    popular: '大家常搜',
    chip: '社保卡',
    chipService: '社会保障卡申领、补领、换领',
  },
  en: {
    entry: /Search services/,
    dock: 'Search',
    title: 'Search',
    field: 'What you typed',
    placeholder: 'Tap the letters below',
    hint: /pass for passport/,
    keys: ['P', 'A', 'S', 'S'],
    service: 'Ordinary passport (first issue, renewal and replacement)',
    marked: 'pass',
    department: 'Exit-Entry Service Windows',
    group: /Service guides/,
    guide: 'Bring these',
    found: /(\d+) results?/,
    nothingKeys: ['X', 'Q', 'Z', 'J'],
    nothing: 'Nothing found for “xqzj”',
    nothingHelp: /fewer letters.*help desk/,
    helpDesk: 'Ask at the help desk',
    helpDeskPlace: 'Information desk',
    delete: 'Delete',
    clear: 'Clear',
    popular: 'Popular searches',
    chip: 'social security card',
    chipService: 'Social security card (first card, replacement and exchange)',
  },
} as const;

const key = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const field = (page: Page, lang: keyof typeof WORDS) =>
  page.getByRole('searchbox', { name: WORDS[lang].field });
const status = (page: Page) => page.getByRole('main').getByRole('status');
const h1 = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];
      const shot = (name: string) => `e2e/.artifacts/screens/${name}-${orientation}-${lang}.png`;

      test('finds a service by tapping keys, opens it, and comes back to the same results', async ({
        page,
      }) => {
        test.setTimeout(60_000);
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await page.getByRole('button', { name: w.entry }).click();
        await expect(h1(page)).toHaveText(w.title);
        await expect(page.getByText(w.hint)).toBeVisible();
        await expect(field(page, lang)).toHaveText(w.placeholder);

        // The keys are large, and the keyboard sits at the bottom of the screen, within reach.
        const first = key(page, w.keys[0]);
        const box = (await first.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(64);
        expect(box.width).toBeGreaterThanOrEqual(64);
        const lowest = (await key(page, w.clear).boundingBox())!;
        expect(lowest.y + lowest.height).toBeGreaterThan(viewport.height * 0.75);

        // Results come with the first key, and change as more are tapped.
        await first.click();
        await expect(status(page)).toHaveText(w.found);
        const countAfter = async () => Number((await status(page).textContent())?.match(w.found)?.[1]);
        const afterOne = await countAfter();
        let typed = w.keys[0].toLowerCase();
        for (const k of w.keys.slice(1)) {
          await key(page, k).click();
          typed += k.toLowerCase();
          await expect(field(page, lang)).toHaveText(typed);
        }
        // (One letter searches only the first letters of names, so more keys can find more, not only fewer.)
        await expect(status(page)).toHaveText(w.found);
        expect(await countAfter()).not.toBe(afterOne);

        // The service is among the service guides, the typed part marked, not by colour alone.
        const hit = page.getByRole('region', { name: w.group }).getByRole('button', { name: w.service });
        await expect(hit).toBeVisible();
        const mark = hit.locator('mark').first();
        await expect(mark).toHaveText(w.marked);
        await expect(mark).toHaveCSS('text-decoration-line', 'underline');
        // Its department under it, to tell like-named services apart.
        await expect(hit).toContainText(w.department);
        await page.screenshot({ path: shot('search') });
        await noAxeViolations(page);

        // Delete takes one letter; the results follow.
        await key(page, w.delete).click();
        await expect(field(page, lang)).toHaveText(typed.slice(0, -1));
        await key(page, w.keys[w.keys.length - 1]!).click();
        await expect(field(page, lang)).toHaveText(typed);

        await hit.click();
        await expect(h1(page)).toHaveText(w.service);
        await expect(page.getByRole('heading', { name: w.guide })).toBeVisible();

        // Back: the same query and results; back again: home, since keys did not pile up on the way.
        await page.getByRole('button', { name: lang === 'zh' ? '返回' : 'Back', exact: true }).click();
        await expect(field(page, lang)).toHaveText(typed);
        await expect(hit).toBeVisible();
        await page.getByRole('button', { name: lang === 'zh' ? '返回' : 'Back', exact: true }).click();
        await expect(page.getByRole('button', { name: w.entry })).toBeVisible();
        await kiosk.close();
      });

      test('is told kindly when nothing matches, clears, and taps a popular search', async ({ page }) => {
        test.setTimeout(60_000);
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?e2e');
        await page.getByRole('navigation').getByRole('button', { name: w.dock, exact: true }).click();
        await expect(h1(page)).toHaveText(w.title);
        const chips = page.getByRole('region', { name: w.popular });
        await expect(chips.getByRole('button', { name: w.chip, exact: true })).toBeVisible();
        await page.screenshot({ path: shot('search-start') });
        await noAxeViolations(page);

        for (const k of w.nothingKeys) await key(page, k).click();
        await expect(status(page)).toHaveText(w.nothing);
        await expect(page.getByText(w.nothingHelp)).toBeVisible();
        await expect(chips).toHaveCount(0);
        // Not a dead end: a button shows the help desk on the map; back returns to the search as it was.
        await page.getByRole('main').getByRole('button', { name: w.helpDesk }).click();
        await expect(page.locator('.map-status-target')).toContainText(w.helpDeskPlace);
        await page.getByRole('button', { name: lang === 'zh' ? '返回' : 'Back', exact: true }).click();
        await expect(status(page)).toHaveText(w.nothing);

        await key(page, w.clear).click();
        await expect(field(page, lang)).toHaveText(w.placeholder);
        await expect(status(page)).toHaveText('');
        await chips.getByRole('button', { name: w.chip, exact: true }).click();
        await expect(field(page, lang)).toHaveText(w.chip);
        await expect(status(page)).toHaveText(w.found);
        await expect(page.getByRole('button', { name: w.chipService })).toBeVisible();

        // The end of a visit leaves no query behind: the next visitor (in the default language) finds search empty.
        await page.evaluate(() =>
          (window as unknown as { sunlightVisit: { reset(): void } }).sunlightVisit.reset(),
        );
        await page.getByRole('button', { name: WORDS.zh.entry }).click();
        await expect(field(page, 'zh')).toHaveText(WORDS.zh.placeholder);
        await kiosk.close();
      });
    });
  }
}
