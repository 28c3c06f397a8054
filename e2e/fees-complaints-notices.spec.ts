/** A visitor reads the fee schedule, the complaint channels and the notices, in both languages and orientations. */
import type { Page } from '@playwright/test';
import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const WORDS = {
  zh: {
    fees: '收费标准',
    administrative: '行政事业性收费',
    service: '经营服务性收费',
    fund: '政府性基金',
    passportFee: '普通护照工本费',
    passportAmount: '120 元 / 本',
    notaryFee: '公证服务费（出生、亲属关系等民事公证）',
    notaryAmount: '80–200 元 / 件',
    formulaFee: '残疾人就业保障金',
    formula: /年缴纳额 =/,
    basis: /发改价格〔2019〕914号/,
    chargedBy: '哪些事项收这笔费',
    passport: '普通护照签发',
    business: '涉企收费',
    complaints: '投诉监督',
    channels: '投诉和监督渠道',
    webQr: '用手机扫码打开：政务服务“好差评”平台',
    emailQr: '用手机扫码写邮件给：监督投诉邮箱',
    response: '即时受理，一般诉求5个工作日内答复',
    commitments: '我们的服务承诺',
    commitment: /首问负责/,
    notices: '公告',
    list: '公告列表',
    pinned: '冬季工作时间公告',
    expired: '夏季工作时间公告',
    body: /本中心执行冬季工作时间/,
    kind: /置顶.*通知.*发布于 2026-10-08/,
  },
  en: {
    fees: 'Fees',
    administrative: 'Administrative fees',
    service: 'Service charges',
    fund: 'Government funds',
    passportFee: 'Ordinary passport fee',
    passportAmount: '¥120 per passport',
    notaryFee: 'Notarial fee (birth, kinship and other civil certificates)',
    notaryAmount: '¥80–200 per certificate',
    formulaFee: 'Employment security fund for persons with disabilities',
    formula: /Yearly amount = /,
    basis: /Fa Gai Jia Ge \[2019\] No\. 914/,
    chargedBy: 'Services that charge it',
    passport: 'Ordinary passport (first issue, renewal and replacement)',
    business: 'Charged to businesses',
    complaints: 'Complaints',
    channels: 'Complaint and supervision channels',
    webQr: 'Scan with your phone to open: Online service rating and complaints',
    emailQr: 'Scan with your phone to write an email to: Complaints email',
    response: 'Taken on the call; most requests answered within 5 working days',
    commitments: 'Our service commitments',
    commitment: /The first person you ask takes responsibility/,
    notices: 'Notices',
    list: 'List of notices',
    pinned: 'Winter opening hours',
    expired: 'Summer opening hours',
    body: /the center keeps its winter opening hours/,
    kind: /Pinned.*Notice.*Published 2026-10-08/,
  },
} as const;

/** A fixed day the hall is open (a Friday morning in Beijing time), so what is in force never drifts. */
const tile = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const shot = (page: Page, screen: string, orientation: string, lang: string) =>
  page.screenshot({ path: `e2e/.artifacts/screens/${screen}-${orientation}-${lang}.png` });

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];

      test('reads the fee schedule by category, with amounts in yuan', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await tile(page, w.fees).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.fees);

        const administrative = page.getByRole('region', { name: w.administrative });
        const passportFee = administrative.getByRole('article', { name: w.passportFee });
        await expect(passportFee.getByText(w.passportAmount, { exact: true })).toBeVisible();
        await expect(passportFee.getByText(w.basis)).toBeVisible();
        const service = page.getByRole('region', { name: w.service });
        await expect(
          service.getByRole('article', { name: w.notaryFee }).getByText(w.notaryAmount, { exact: true }),
        ).toBeVisible();
        await expect(page.getByRole('region', { name: w.fund }).getByText(w.formula).first()).toBeVisible();
        await shot(page, 'fees', orientation, lang);

        // Business fees only: the passport fee goes, the disability fund (a business levy) stays.
        await page.getByRole('button', { name: w.business }).click();
        await expect(page.getByRole('article', { name: w.passportFee })).toHaveCount(0);
        await expect(page.getByRole('article', { name: w.formulaFee })).toBeVisible();

        await page.getByRole('button', { name: lang === 'zh' ? '全部收费' : 'All fees' }).click();
        await passportFee
          .getByRole('list', { name: w.chargedBy })
          .getByRole('button', { name: w.passport })
          .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.passport);
        await kiosk.close();
      });

      test('opens the schedule at the fee asked for, highlighted', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?e2e');
        // As a service guide's fee link does: the schedule opened at one fee.
        await page.evaluate(() =>
          (window as unknown as { sunlightVisit: { go(s: unknown): void } }).sunlightVisit.go({
            name: 'fees',
            fee: 'id-photo',
          }),
        );
        const asked = page.getByRole('article', { name: lang === 'zh' ? '证件照片拍摄费' : 'ID photo fee' });
        await expect(
          asked.getByText(lang === 'zh' ? '你要找的收费' : 'The fee you asked about'),
        ).toBeInViewport();
        await expect(
          asked.getByText(
            lang === 'zh' ? '20 元 / 次（含电子回执）' : '¥20 per session (with digital receipt)',
          ),
        ).toBeInViewport();
        await kiosk.close();
      });

      test('reads the complaint channels and the service commitments', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await tile(page, w.complaints).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.complaints);
        const channels = page.getByRole('list', { name: w.channels });
        await expect(channels.getByText('12345', { exact: true })).toBeVisible();
        await expect(channels.getByText(w.response)).toBeVisible();
        await expect(channels.getByRole('img', { name: w.webQr })).toBeVisible();
        await expect(channels.getByRole('img', { name: w.emailQr })).toBeVisible();
        // A kiosk never opens a link: the web address is a code to scan, not something to tap.
        await expect(page.getByRole('link')).toHaveCount(0);
        await shot(page, 'complaints', orientation, lang);
        await expect(page.getByRole('heading', { name: w.commitments })).toBeVisible();
        await expect(page.getByText(w.commitment)).toBeVisible();
        await kiosk.close();
      });

      test('reads a notice; pinned notices come first and expired ones are gone', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await tile(page, w.notices).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.notices);
        const list = page.getByRole('list', { name: w.list });
        await expect(list.getByRole('listitem').first()).toContainText(w.pinned);
        await expect(list.getByRole('listitem').first()).toContainText(w.kind);
        await expect(list.getByText(w.expired)).toHaveCount(0);
        await shot(page, 'notices', orientation, lang);

        await list.getByRole('button', { name: new RegExp(`^${w.pinned}`) }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.pinned);
        await expect(page.getByText(w.body)).toBeVisible();
        await expect(page.getByRole('table')).toBeVisible();
        await shot(page, 'notice', orientation, lang);
        await kiosk.close();
      });
    });
  }
}
