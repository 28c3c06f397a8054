/**
 * New rules switch on, and old ones off, on their day with the network cut: the terminal's own clock decides.
 * The sample's housing fund loan takes effect on 2027-01-01; the seal engraving fee expires after 2027-06-30.
 */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const WORDS = {
  zh: {
    directory: '部门导航',
    housingFund: '示例市住房公积金管理中心',
    services: '在这里可以办的事',
    loan: '住房公积金个人住房贷款',
    withdrawal: '住房公积金提取',
    fees: '收费标准',
    sealFee: '企业印章刻制费',
    home: '首页',
    version: /内容版本 1/,
  },
  en: {
    directory: 'Departments',
    housingFund: 'Shili City Housing Provident Fund Management Center',
    services: 'Services here',
    loan: 'Housing provident fund home loan',
    withdrawal: 'Withdrawing money from your housing provident fund',
    fees: 'Fees',
    sealFee: 'Company seal engraving fee',
    home: 'Home',
    version: /Content version 1/,
  },
} as const;

/** Beijing time, as the hall's terminals keep it. */
const at = (dayAndTime: string) => new Date(`${dayAndTime}:00+08:00`);

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];
      const tile = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name}`) });
      /** After a jump of days the visit has ended (or is about to): touch the screen, choose the language again. */
      const startVisit = async (page: Page) => {
        await page.mouse.click(960, 10);
        const english = page.getByRole('button', { name: 'English' });
        if (lang === 'en' && (await english.isVisible())) await english.click();
      };
      const openFromHome = async (page: Page, name: string) => {
        const home = page.getByRole('button', { name: w.home, exact: true });
        if (await home.isEnabled()) await home.click();
        await tile(page, name).click();
      };

      test('switches a service on and a fee off on their days, with no network', async ({
        page,
        context,
      }) => {
        test.setTimeout(60_000);
        const kiosk = await kioskOnFeed();
        // The first sync happens while the feed's metadata is fresh...
        await page.clock.install({ time: at('2026-11-27T10:00') });
        await page.goto(`${kiosk.url}/`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        // ...then the network goes, for good. Nothing below can come from the feed.
        await context.setOffline(true);

        await page.clock.pauseAt(at('2026-12-31T23:59'));
        await startVisit(page);
        await openFromHome(page, w.directory);
        await tile(page, w.housingFund).click();
        const services = page.getByRole('list', { name: w.services });
        await expect(services.getByRole('button', { name: new RegExp(`^${w.withdrawal}`) })).toBeVisible();
        await expect(services.getByRole('button', { name: new RegExp(`^${w.loan}`) })).toHaveCount(0);

        // Midnight passes on the page the visitor is reading: the new service appears without a reload.
        // (The clock stays within the 90 s a visitor may stand still before the visit ends.)
        await page.clock.pauseAt(at('2027-01-01T00:00'));
        await page.clock.runFor(20_000);
        await expect(services.getByRole('button', { name: new RegExp(`^${w.loan}`) })).toBeVisible();
        await page.screenshot({ path: `e2e/.artifacts/screens/dates-on-the-day-${orientation}-${lang}.png` });

        await page.clock.pauseAt(at('2027-06-30T23:59'));
        await startVisit(page);
        await openFromHome(page, w.fees);
        const sealFee = page.getByRole('article', { name: w.sealFee });
        await expect(sealFee).toBeVisible();

        await page.clock.pauseAt(at('2027-07-01T00:00'));
        await page.clock.runFor(20_000);
        await expect(sealFee).toHaveCount(0);
        // The feed's metadata expired months ago, but what the kiosk holds is still shown.
        await expect(page.getByText(w.version)).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.fees);
        await kiosk.close();
      });
    });
  }
}
