/**
 * A visitor finds a service by topic, reads what to bring, follows its procedure step by step (as a chart and
 * as a list), jumps to its window on the map and opens its fee; free and on-the-spot services say so; the
 * checklist can be taken away as a QR code. In zh-CN and en, landscape and portrait.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const WORDS = {
  'zh-CN': {
    guides: /办事指南/,
    topic: /住房与不动产/,
    service: '存量房（二手房）买卖转移登记',
    otherTopicService: '普通护照',
    bring: '带齐这些材料',
    where: '到哪里办',
    howLong: '多久办好',
    material: '不动产权证书',
    optional: '视情况',
    windows: '17–19号窗口',
    openFlow: /看办理流程/,
    flowTitle: '办理流程',
    step: '受理，核定并缴纳税费',
    stepDetail: '契税',
    stepDuration: '约40分钟',
    close: '关闭',
    list: '文字列表',
    steps: '办理步骤',
    firstStep: '买卖双方取号',
    branch: '材料不全 → 第 4 步',
    loop: '补齐后重新提交 → 回到第 2 步',
    back: '返回',
    placeLink: /17–19号窗口.*在地图上看/,
    mapTitle: /楼层|地图/,
    fee: /不动产登记费（住宅类）/,
    feeAmount: '80 元 / 件',
    feesTitle: /收费/,
    freeService: '住房公积金提取',
    free: '免费',
    onTheSpot: '当场办结',
    takeAway: /材料清单二维码/,
    takeAwayButton: '扫码带走清单',
    onlineQr: '网上办理二维码',
    urgent: '网上办事系统升级维护公告',
  },
  en: {
    guides: /Service guides/,
    topic: /Housing and property/,
    service: 'Transfer registration for buying a second-hand home',
    otherTopicService: 'passport',
    bring: 'Bring these',
    where: 'Where to go',
    howLong: 'How long it takes',
    material: 'Real estate certificate',
    optional: 'If needed',
    windows: 'Windows 17–19',
    openFlow: /See the steps/,
    flowTitle: 'How it works',
    step: 'Application accepted; taxes assessed and paid',
    stepDetail: 'Deed tax',
    stepDuration: 'About 40 minutes',
    close: 'Close',
    list: 'List',
    steps: 'The steps',
    firstStep: 'Buyer and seller take a number',
    branch: 'Something missing → step 4',
    loop: 'Resubmit when complete → back to step 2',
    back: 'Back',
    placeLink: /Windows 17–19.*Show on map/,
    mapTitle: /map|floor/i,
    fee: /Real estate registration fee \(housing\)/,
    feeAmount: '¥80 per registration',
    feesTitle: /fee/i,
    freeService: 'Withdrawing money from your housing provident fund',
    free: 'Free',
    onTheSpot: 'On the spot',
    takeAway: /QR code of the checklist/,
    takeAwayButton: 'Scan to take the list',
    onlineQr: 'QR code to apply online',
    urgent: 'Online service system maintenance',
  },
} as const;

const SHOTS = 'e2e/.artifacts/screens';
mkdirSync(SHOTS, { recursive: true });

async function openKiosk(page: Page, locale: keyof typeof WORDS) {
  const kiosk = await kioskOnFeed();
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  if (locale === 'en') await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  return kiosk;
}

const main = (page: Page) => page.getByRole('main');
const h1 = (page: Page) => main(page).getByRole('heading', { level: 1 });

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const locale of ['zh-CN', 'en'] as const) {
      const w = WORDS[locale];
      const shot = (name: string) => `${SHOTS}/${name}-${orientation}-${locale === 'en' ? 'en' : 'zh'}.png`;

      test(`finds a housing service by topic, reads what to bring, follows its steps to the window and the fee: ${orientation}, ${locale}`, async ({
        page,
      }) => {
        test.setTimeout(60_000);
        const kiosk = await openKiosk(page, locale);

        // Every service shows until a choice is made.
        await page.getByRole('button', { name: w.guides }).click();
        const services = page.getByRole('list', { name: 'services' });
        await expect(services.getByRole('button', { name: new RegExp(w.otherTopicService) })).toBeVisible();
        await page.screenshot({ path: shot('finder') });

        await page.getByRole('button', { name: w.topic }).click();
        await expect(page.getByRole('button', { name: w.topic })).toHaveAttribute('aria-pressed', 'true');
        // The services of that topic come into view at once (in portrait they sit below the choices).
        await expect(page.getByRole('heading', { level: 2, name: w.topic })).toBeInViewport();
        await expect(services.getByRole('button', { name: new RegExp(w.otherTopicService) })).toHaveCount(0);
        await expect(
          services.getByRole('button', { name: new RegExp(w.service.replace(/[()（）]/g, '.')) }),
        ).toBeVisible();
        await page.screenshot({ path: shot('finder-topic') });
        await services.getByRole('button', { name: new RegExp(w.service.replace(/[()（）]/g, '.')) }).click();

        // What to bring, where and how long come first, on the first screen.
        await expect(h1(page)).toHaveText(w.service);
        const bring = page.getByRole('region', { name: w.bring });
        await expect(bring.getByText(w.material, { exact: true })).toBeVisible();
        await expect(bring.getByText(w.optional).first()).toBeVisible();
        // The windows in the card's big line (its map link names them again, with the floor).
        await expect(
          page.getByRole('region', { name: w.where }).getByRole('paragraph').filter({ hasText: w.windows }),
        ).toBeVisible();
        // …even with an urgent notice's banner in force on TEST_DAY: where and how long whole above the dock,
        // the checklist begun.
        await expect(page.getByRole('alert').filter({ hasText: w.urgent })).toBeVisible();
        await expect(page.getByRole('heading', { name: w.bring })).toBeInViewport({ ratio: 1 });
        const dockTop = (await page.locator('nav.dock').boundingBox())!.y;
        for (const region of [w.where, w.howLong]) {
          const box = (await page.getByRole('region', { name: region }).boundingBox())!;
          expect(box.y, `${region} starts on screen`).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height, `${region} ends above the dock`).toBeLessThanOrEqual(dockTop);
        }
        await expect(page.getByRole('img', { name: w.takeAway })).toBeVisible();
        await expect(page.getByRole('img', { name: w.onlineQr })).toBeVisible();
        await page.screenshot({ path: shot('guide') });

        // The checklist to take away is one tap from the checklist itself.
        await page.getByRole('button', { name: w.takeAwayButton }).click();
        await expect(page.getByRole('img', { name: w.takeAway })).toBeInViewport();
        await page.screenshot({ path: shot('guide-take-away') });

        // The procedure as a chart: tap a step, read its detail, close it.
        await page.getByRole('button', { name: w.openFlow }).click();
        await expect(h1(page)).toHaveText(w.flowTitle);
        await page.getByRole('button', { name: w.step, exact: true }).click();
        const detail = page.getByRole('dialog', { name: w.step });
        await expect(detail).toContainText(w.stepDetail);
        await expect(detail).toContainText(w.stepDuration);
        await page.screenshot({ path: shot('guide-flow-chart') });
        await detail.getByRole('button', { name: w.close }).click();
        await expect(detail).toBeHidden();

        // The same procedure as a list, one tap away.
        await page.getByRole('button', { name: w.list }).click();
        const steps = page.getByRole('list', { name: w.steps });
        await expect(steps.getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(9);
        await expect(steps.getByRole('heading').first()).toContainText(w.firstStep);
        await expect(steps).toContainText(w.branch);
        await expect(steps).toContainText(w.loop);
        await page.screenshot({ path: shot('guide-flow-list') });

        // Back goes to the guide (the chart/list toggle did not add steps to go back through).
        await page.getByRole('button', { name: w.back, exact: true }).click();
        await expect(h1(page)).toHaveText(w.service);

        // Its window on the map, and back.
        await page.getByRole('button', { name: w.placeLink }).click();
        await expect(h1(page)).toHaveText(w.mapTitle);
        await page.getByRole('button', { name: w.back, exact: true }).click();
        await expect(h1(page)).toHaveText(w.service);

        // Its fee, with the amount in yuan.
        const fee = page.getByRole('button', { name: w.fee });
        await expect(fee).toContainText(w.feeAmount);
        await fee.click();
        await expect(h1(page)).toHaveText(w.feesTitle);
        await kiosk.close();
      });

      test(`sees that a service is free and done on the spot: ${orientation}, ${locale}`, async ({
        page,
      }) => {
        const kiosk = await openKiosk(page, locale);
        await page.getByRole('button', { name: w.guides }).click();
        await page.getByRole('button', { name: w.topic }).click();
        await expect(page.getByRole('heading', { level: 2, name: w.topic })).toBeInViewport();
        await page
          .getByRole('list', { name: 'services' })
          .getByRole('button', { name: w.freeService })
          .click();
        await expect(h1(page)).toHaveText(w.freeService);
        await expect(page.getByRole('region', { name: /收费|Fees/ })).toContainText(w.free);
        await expect(page.getByRole('region', { name: w.howLong })).toContainText(w.onTheSpot);
        await expect(page.getByRole('img', { name: w.takeAway })).toBeVisible();
        await kiosk.close();
      });
    }
  });
}

/** A service with a long procedure (14 steps, a loop) and a filled-in sample form, added to a copy of the sample hall. */
function hallWithLongProcedure(): string {
  const folder = copyOfSample();
  const steps = Array.from({ length: 10 }, (_, i) => i + 1);
  const node = (id: string, kind: string, zh: string, en: string) =>
    `    - id: ${id}\n      kind: ${kind}\n      label: { zh-CN: ${zh}, en: ${en} }\n`;
  writeFileSync(
    join(folder, 'media/sample-form.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 140"><rect width="200" height="140" fill="#fff" stroke="#000"/><text x="20" y="40" font-size="20">Sample</text></svg>',
  );
  writeFileSync(
    join(folder, 'services/long-procedure.yaml'),
    [
      'id: long-procedure',
      'name: { zh-CN: 长流程测试事项, en: A service with a long procedure }',
      'department: real-estate-registration',
      'audience: person',
      'topics: [housing]',
      'materials:',
      '  - name: { zh-CN: 申请表, en: Application form }',
      '    form: original',
      '    sample: media/sample-form.svg',
      'flow:',
      '  nodes:',
      node('start', 'start', '取号', 'Take a number'),
      ...steps.map((i) => node(`s${i}`, 'step', `第${i}道手续`, `Formality ${i}`)),
      node('check', 'decision', '是否通过', 'Does it pass?'),
      node('fix', 'step', '补正材料', 'Fix the papers'),
      node('done', 'end', '办结', 'Done'),
      '  edges:',
      '    - { from: start, to: s1 }',
      ...steps.slice(0, -1).map((i) => `    - { from: s${i}, to: s${i + 1} }`),
      '    - { from: s10, to: check }',
      '    - { from: check, to: done, label: { zh-CN: 通过, en: Passed } }',
      '    - { from: check, to: fix, label: { zh-CN: 不通过, en: Not passed } }',
      '    - { from: fix, to: s3, label: { zh-CN: 重新提交, en: Resubmit } }',
      'fees: { free: true }',
      'where: { windows: ["17"], floor: f2, place: w17 }',
      '',
    ].join('\n'),
  );
  return folder;
}

/** Two fingers on the screen through Chromium's own touch input, as a terminal's touch screen sends them. */
async function pinchOut(page: Page, centre: { x: number; y: number }, from: number, to: number) {
  const cdp = await page.context().newCDPSession(page);
  const fingers = (d: number) => [
    { x: centre.x - d, y: centre.y, id: 1 },
    { x: centre.x + d, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
  for (let step = 1; step <= 10; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: fingers(from + ((to - from) * step) / 10),
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** One finger flicks the chart: down, a quick move, up (no rest before lifting). */
async function drag(page: Page, from: { x: number; y: number }, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...from, id: 1 }] });
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: from.x, y: from.y + (dy * step) / 8, id: 1 }],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test.describe('a long procedure', () => {
  test.use({ hasTouch: true });
  test('pinches to zoom the chart only, and a step can still be tapped; a sample form shows', async ({
    page,
  }) => {
    const kiosk = await kioskOnFeed(hallWithLongProcedure());
    await page.goto(`${kiosk.url}/`);
    await page.getByRole('button', { name: /办事指南/ }).click();
    await page
      .getByRole('list', { name: 'services' })
      .getByRole('button', { name: /长流程测试事项/ })
      .click();
    await expect(page.getByRole('img', { name: '申请表的填写示例' })).toBeVisible();
    await page.getByRole('button', { name: /看办理流程/ }).click();

    const chart = page.getByRole('figure', { name: /办理流程图，共 14 步/ });
    await expect(chart).toHaveCSS('touch-action', 'none');
    await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
    // A formality with nothing more to say is drawn as text, not as a button (issue 12).
    const step = page.locator('.flow-frame .flow-node').filter({ hasText: /^第1道手续$/ });
    await expect(step.getByRole('button')).toHaveCount(0);
    const before = (await step.boundingBox())!;
    const box = (await chart.boundingBox())!;
    await pinchOut(page, { x: box.x + box.width / 2, y: box.y + 200 }, 60, 180);
    await expect.poll(async () => (await step.boundingBox())!.width).toBeGreaterThan(before.width * 1.5);
    // The page itself did not zoom: only the chart did.
    expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);

    await page.getByRole('button', { name: '整图' }).click();
    await expect.poll(async () => (await step.boundingBox())!.width).toBeCloseTo(before.width, 0);
    // One finger drags the chart, even when it starts on a step, and that is not a tap on the step.
    const decision = page.getByRole('button', { name: '是否通过', exact: true });
    const first = (await step.boundingBox())!;
    await drag(page, { x: first.x + first.width / 2, y: first.y + first.height / 2 }, -300);
    await expect.poll(async () => (await step.boundingBox())!.y).toBeLessThan(first.y - 250);
    for (let i = 0; i < 8 && (await decision.boundingBox())!.y + 80 > box.y + box.height; i++) {
      await drag(page, { x: box.x + box.width / 2, y: box.y + box.height - 100 }, -400);
    }
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await decision.boundingBox())!.y + 80).toBeLessThan(box.y + box.height);
    // Right after a flick, a tap on a step still opens it.
    await decision.tap();
    await expect(page.getByRole('dialog', { name: '是否通过' })).toContainText('不通过 → 第 14 步：补正材料');
    await page.screenshot({ path: `${SHOTS}/guide-flow-chart-large-landscape-zh.png` });
    await kiosk.close();
  });
});
