/** A visitor finds a place on the floor maps: the place asked for is marked, and so is where they stand. */

import { kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS, openKiosk } from './fixtures/visitor.ts';

const WORDS = {
  zh: {
    help: '找工作人员帮忙',
    helpDesk: '综合咨询服务台',
    f1: '一楼',
    f2: '二楼',
    marked: '要找的地方：综合咨询服务台 · 一楼',
    here: '你在这里：自助服务区 · 一楼',
    hereShort: '你在这里',
    onThisFloor: '你在这层',
    plan1: '一楼平面图',
    marks1: /^一楼平面图上的标记/,
    marks2: /^二楼平面图上的标记/,
    directory: '部门导航',
    housingFund: '示例市住房公积金管理中心',
    window20: /20号窗口 · 二楼/,
    window20Name: '20号窗口',
    lift: '电梯',
    maps: '楼层导览',
  },
  en: {
    help: 'Ask for help',
    helpDesk: 'Information desk',
    f1: '1st floor (ground floor)',
    f2: '2nd floor',
    marked: 'You are looking for: Information desk · 1st floor (ground floor)',
    here: 'You are here: Self-service area · 1st floor (ground floor)',
    hereShort: 'You are here',
    onThisFloor: 'You are on this floor',
    plan1: 'Plan of the 1st floor (ground floor)',
    marks1: /^Marks on the plan of the 1st floor/,
    marks2: /^Marks on the plan of the 2nd floor/,
    directory: 'Departments',
    housingFund: 'Shili City Housing Provident Fund Management Center',
    window20: /Window 20 · 2nd floor/,
    window20Name: 'Window 20',
    lift: 'Elevator',
    maps: 'Floor maps',
  },
} as const;

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(`${orientation}, ${lang}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai' });
      const w = WORDS[lang];

      test('asks for help and sees the help desk marked, and where they stand', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?device=lobby-1');
        await page.getByRole('button', { name: w.help }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.maps);
        await expect(page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(w.f1)}`) })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(page.getByRole('img', { name: w.plan1, exact: true })).toBeVisible();
        await expect(page.getByText(w.marked, { exact: true })).toBeVisible();
        await expect(page.getByText(w.here, { exact: true })).toBeVisible();
        // On the plan itself: the place's full name beside its ring, and "you are here".
        const marks = page.getByRole('img', { name: w.marks1 });
        await expect(marks).toBeVisible();
        await expect(marks.getByText(w.helpDesk, { exact: true })).toBeVisible();
        await expect(marks.getByText(w.hereShort, { exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: new RegExp(`^${w.helpDesk}`) })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await page.screenshot({ path: `e2e/.artifacts/screens/map-${orientation}-${lang}.png` });

        // Tapping another place in the list marks it instead.
        await page.getByRole('button', { name: new RegExp(`^${w.lift}`) }).click();
        await expect(page.getByRole('button', { name: new RegExp(`^${w.lift}`) })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expect(marks.getByText(w.lift, { exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: new RegExp(`^${w.helpDesk}`) })).toHaveAttribute(
          'aria-pressed',
          'false',
        );
        await kiosk.close();
      });

      test('opens a window on another floor from a department and its floor is chosen', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?device=lobby-1');
        await page.getByRole('button', { name: new RegExp(`^${w.directory}`) }).click();
        await page.getByRole('button', { name: new RegExp(`^${w.housingFund}`) }).click();
        await page.getByRole('button', { name: w.window20 }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.maps);
        await expect(page.getByRole('tab', { name: w.f2 })).toHaveAttribute('aria-selected', 'true');
        await expect(page.getByRole('button', { name: w.window20Name })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expect(page.getByRole('img', { name: w.marks2 })).toContainText(w.window20Name);
        // The visitor stands on the other floor: the plan of this one does not claim they are here.
        await expect(page.getByRole('img', { name: w.marks2 }).getByText(w.hereShort)).toHaveCount(0);
        await expect(page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(w.f1)}`) })).toContainText(
          w.onThisFloor,
        );
        await page.screenshot({ path: `e2e/.artifacts/screens/map-floor2-${orientation}-${lang}.png` });

        // Floor tabs change the plan in place: back returns to the department, not to the other floor.
        await page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(w.f1)}`) }).click();
        await expect(page.getByRole('img', { name: w.marks1 })).toBeVisible();
        await page.getByRole('button', { name: lang === 'zh' ? '返回' : 'Back' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.housingFund);
        await kiosk.close();
      });
    });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
