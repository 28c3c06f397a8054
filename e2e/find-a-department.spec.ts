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
    place: /6号窗口 · 一楼/,
    services: '在这里可以办的事',
    service: '普通护照签发',
    duties: '受理普通护照的申领、换发和补发。',
    leader: '郑丽华',
    partOf: '上级部门',
  },
  en: {
    directory: 'Departments',
    departments: 'List of departments',
    parent: 'Shili City Public Security Bureau',
    department: 'Exit-Entry Service Windows',
    windows: 'Windows 6, 7',
    place: /Window 6 · 1st floor/,
    services: 'Services here',
    service: 'Ordinary passport (first issue, renewal and replacement)',
    duties: 'Receives applications for new, renewed and replacement ordinary passports.',
    leader: 'Window supervisor',
    partOf: 'Part of',
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
    });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
