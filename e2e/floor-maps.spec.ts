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
    window20: /20、21号窗口 · 二楼/,
    windows2021: '20、21号窗口',
    window20Name: '20号窗口',
    lift: '电梯',
    maps: '楼层导览',
    householdUnit: '户政服务窗口',
    birth: '出生登记（新生儿落户）',
    guideWhere: '到哪里办',
    windows45: '要找的地方：4、5号窗口 · 一楼',
    window4: '4号窗口',
    window5: '5号窗口',
    window17: '17号窗口',
    route: '乘右手边的电梯上到二楼，出电梯后，17号窗口在左前方。',
    stepFree: '这条路线全程无台阶，轮椅可以通行。',
    rule: '方向按平面图：图的上方是你的前方。',
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
    window20: /Windows 20, 21 · 2nd floor/,
    windows2021: 'Windows 20, 21',
    window20Name: 'Window 20',
    lift: 'Lift',
    maps: 'Floor maps',
    householdUnit: 'Household Registration and ID Card Windows',
    birth: "Birth registration (registering a newborn's hukou)",
    guideWhere: 'Where to go',
    windows45: 'You are looking for: Windows 4, 5 · 1st floor (ground floor)',
    window4: 'Window 4',
    window5: 'Window 5',
    window17: 'Window 17',
    route:
      'Take the lift on your right up to the 2nd floor. Out of the lift, Window 17 is ahead on your left.',
    stepFree: 'This route is step-free: no steps on the way, for wheelchairs too.',
    rule: 'Directions follow the plan: its top is straight ahead of you.',
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

      test('a guide naming windows 4 and 5 marks both of them on the plan', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?device=lobby-1');
        await page.getByRole('button', { name: new RegExp(`^${w.directory}`) }).click();
        await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(w.householdUnit)}`) }).click();
        await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(w.birth)}`) }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.birth);
        await page.getByRole('region', { name: w.guideWhere }).getByRole('button').click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.maps);
        await expect(page.getByText(w.windows45, { exact: true })).toBeVisible();
        for (const name of [w.window4, w.window5])
          await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
            'aria-pressed',
            'true',
          );
        // On the plan: both windows' markers are highlighted, and both are inside the plan the visitor sees.
        const marked = page.getByRole('img', { name: w.marks1 }).locator('.map-marker.is-marked');
        await expect(marked).toHaveCount(2);
        await expect(marked).toHaveText(['4', '5']);
        const plan = (await page.locator('#map-plan').boundingBox())!;
        for (const box of [await marked.nth(0).boundingBox(), await marked.nth(1).boundingBox()]) {
          expect(box!.x).toBeGreaterThanOrEqual(plan.x);
          expect(box!.y).toBeGreaterThanOrEqual(plan.y);
          expect(box!.x + box!.width).toBeLessThanOrEqual(plan.x + plan.width);
          expect(box!.y + box!.height).toBeLessThanOrEqual(plan.y + plan.height);
        }
        await page.screenshot({ path: `e2e/.artifacts/screens/map-two-windows-${orientation}-${lang}.png` });
        await kiosk.close();
      });

      test('looking for a window upstairs, the map says the way there in words', async ({ page }) => {
        const kiosk = await kioskOnFeed();
        await openKiosk(page, kiosk.url, lang, '?device=lobby-1');
        await page.getByRole('button', { name: w.help }).click();
        await page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(w.f2)}`) }).click();
        await page.getByRole('button', { name: w.window17, exact: true }).click();
        await expect(page.getByText(w.route, { exact: true })).toBeVisible();
        await expect(page.getByText(w.stepFree, { exact: true })).toBeVisible();
        await expect(page.getByText(w.rule, { exact: true })).toBeVisible();
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
        await expect(page.getByRole('img', { name: w.marks2 })).toContainText(w.windows2021);
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
