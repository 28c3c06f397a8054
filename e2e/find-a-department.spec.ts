/** A visitor finds a department in the directory, reads where it is and how to reach it, and opens one of its services. */

import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const WORDS = {
  zh: {
    directory: '部门导航',
    departments: '部门列表',
    parent: '示例市公安局',
    department: '出入境服务窗口',
    windows: '6、7号窗口',
    place: /6、7号窗口 · 一楼/,
    services: '在这里可以办的事',
    service: '普通护照签发',
    duties: '受理普通护照的申领、换发和补发。',
    leader: '郑丽华',
    partOf: '上级部门',
    office: '示例市政务服务中心管理办公室',
    officeWindows: '11、12号窗口 · 一楼',
    officeRoom: /201室.* · 二楼/,
    officePhone: '0000-6188 1200',
  },
  en: {
    directory: 'Departments',
    departments: 'List of departments',
    parent: 'Shili City Public Security Bureau',
    department: 'Exit-Entry Service Windows',
    windows: 'Windows 6, 7',
    place: /Windows 6, 7 · 1st floor/,
    services: 'Services here',
    service: 'Ordinary passport (first issue, renewal and replacement)',
    duties: 'Receives applications for new, renewed and replacement ordinary passports.',
    leader: 'Window supervisor',
    partOf: 'Part of',
    office: 'Shili City Government Service Center Management Office',
    officeWindows: 'Windows 11, 12 · 1st floor (ground floor)',
    officeRoom: /Room 201.* · 2nd floor/,
    officePhone: '0000-6188 1200',
  },
} as const;

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];

      test('finds a department under its parent and opens one of its services', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await page.getByRole('button', { name: new RegExp(`^${w.directory}`) }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.directory);

        // The unit is listed under its parent, in the parent's own list item.
        const tree = page.getByRole('list', { name: w.departments });
        const parentItem = tree.getByRole('listitem').filter({
          has: page.getByRole('button', { name: new RegExp(`^${w.parent}`) }),
        });
        const unit = parentItem.getByRole('button', { name: new RegExp(`^${w.department}`) });
        await expect(unit).toBeVisible();
        await expect(unit).toContainText(w.windows);
        await page.screenshot({ path: `e2e/.artifacts/screens/directory-${orientation}-${lang}.png` });

        await unit.click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.department);
        await expect(page.getByText(w.windows, { exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: w.place })).toBeVisible();
        await expect(page.getByText('0000-6188 2202')).toBeVisible();
        await expect(page.getByText(w.duties)).toBeVisible();
        await expect(page.getByText(w.leader)).toBeVisible();
        await expect(page.getByRole('heading', { name: w.partOf })).toBeVisible();
        await page.screenshot({ path: `e2e/.artifacts/screens/department-${orientation}-${lang}.png` });

        const services = page.getByRole('list', { name: w.services });
        await services.getByRole('button', { name: new RegExp(`^${escapeRegExp(w.service)}`) }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.service);
        await kiosk.close();
      });

      test('an office upstairs with windows downstairs: each is said on its own floor', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang);
        await page.getByRole('button', { name: new RegExp(`^${w.directory}`) }).click();
        // The plan has windows 11 and 12 on the 1st floor, whatever floor the office itself is on.
        const office = page.getByRole('button', { name: new RegExp(`^${w.office}`) });
        await expect(office).toContainText(w.officeWindows);
        await office.click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.office);
        await expect(page.getByText(w.officeWindows, { exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: w.officeRoom })).toBeVisible();
        // A phone number is read in one go: it never breaks over two lines.
        const phone = page.getByText(w.officePhone, { exact: true });
        await expect(phone).toBeVisible();
        const lines = await phone.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines).toBe(1);
        await page.screenshot({
          path: `e2e/.artifacts/screens/department-office-${orientation}-${lang}.png`,
        });
        await kiosk.close();
      });
    });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
