/** Lockdown: whatever a visitor does with a finger or a mouse, nothing opens and nobody leaves the app. */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const PORTAL = 'https://zwfw.shili.example/';
let kiosk: Awaited<ReturnType<typeof kioskOnFeed>>;
test.beforeAll(async () => {
  // The sample with a Markdown link to the outside world in a notice.
  const folder = copyOfSample();
  appendFileSync(
    join(folder, 'notices/one-visit-list.md'),
    `\n网上也可以办理：[示例市网上办事大厅](${PORTAL})\n`,
  );
  kiosk = await kioskOnFeed(folder);
});
test.afterAll(async () => kiosk.close());
test.use({ hasTouch: true });

type Go = { sunlightVisit: { go(s: object): void } };

/** Opens the notice with the outside link, and starts counting the events a lockdown must cancel. */
async function openNotice(page: Page) {
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/?e2e`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await page.evaluate(() =>
    (window as unknown as Go).sunlightVisit.go({ name: 'notice', id: 'one-visit-list' }),
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('最多跑一次');
  // Listeners on the bubbling phase run after the lockdown's capturing ones: they see what it decided.
  await page.evaluate(() => {
    const seen: Record<string, { fired: number; allowed: number }> = {};
    for (const type of ['contextmenu', 'dragstart', 'selectstart', 'click', 'dblclick']) {
      seen[type] = { fired: 0, allowed: 0 };
      window.addEventListener(type, (e) => {
        seen[type]!.fired += 1;
        if (!e.defaultPrevented) seen[type]!.allowed += 1;
      });
    }
    Object.assign(window, { seen });
  });
}

const seen = (page: Page, type: string) =>
  page.evaluate(
    (t) => (window as unknown as { seen: Record<string, { fired: number; allowed: number }> }).seen[t]!,
    type,
  );
const selection = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');
const scale = (page: Page) => page.evaluate(() => visualViewport?.scale ?? 1);

test('a right-click opens no context menu', async ({ page }) => {
  await openNotice(page);
  await page.getByText('企业设立登记').click({ button: 'right' });
  expect(await seen(page, 'contextmenu')).toEqual({ fired: 1, allowed: 0 });
});

test('a long press opens no callout and selects nothing', async ({ page, context }) => {
  await openNotice(page);
  const text = page.getByText('企业设立登记');
  const box = (await text.boundingBox())!;
  const cdp = await context.newCDPSession(page);
  const at = [{ x: box.x + 10, y: box.y + box.height / 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at });
  await page.waitForTimeout(1500);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  expect(await selection(page)).toBe('');
  // Headless Chromium makes no long-press gesture of its own; on a touchscreen it sends a contextmenu
  // from the touch and starts selecting the word under the finger. Both are refused.
  const refused = await text.evaluate((el) => {
    const menu = new PointerEvent('contextmenu', { pointerType: 'touch', bubbles: true, cancelable: true });
    const select = new Event('selectstart', { bubbles: true, cancelable: true });
    return [!el.dispatchEvent(menu), !el.dispatchEvent(select)];
  });
  expect(refused).toEqual([true, true]);
});

test('a pinch does not zoom the page', async ({ page, context }) => {
  await openNotice(page);
  const cdp = await context.newCDPSession(page);
  const fingers = (apart: number) => [
    { x: 960 - apart, y: 600, id: 1 },
    { x: 960 + apart, y: 600, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
  for (let apart = 60; apart <= 400; apart += 20)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(apart) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
  expect(await scale(page)).toBe(1);
});

test('a double tap or double click neither zooms nor selects text', async ({ page }) => {
  await openNotice(page);
  const box = (await page.getByText('企业设立登记').boundingBox())!;
  await page.touchscreen.tap(box.x + 20, box.y + 10);
  await page.touchscreen.tap(box.x + 20, box.y + 10);
  await page.waitForTimeout(500);
  expect(await scale(page)).toBe(1);
  // A double click selects a word of English, a triple click the whole line: neither here.
  await page.getByRole('button', { name: 'English' }).click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toContainText('one visit');
  await title.dblclick();
  expect(await selection(page)).toBe('');
  await title.click({ clickCount: 3 });
  expect(await selection(page)).toBe('');
});

test('dragging text or an image moves nothing out of the app', async ({ page }) => {
  await openNotice(page);
  // A sweep over text selects nothing.
  const box = (await page.getByText('最多跑一次').last().boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 200, { steps: 10 });
  await page.mouse.up();
  expect(await selection(page)).toBe('');
  // The floor plan image cannot be dragged away.
  await page.evaluate(() => (window as unknown as Go).sunlightVisit.go({ name: 'map' }));
  const plan = page.locator('.map-plan img');
  await expect(plan).toBeVisible();
  const p = (await plan.boundingBox())!;
  await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
  await page.mouse.down();
  await page.mouse.move(p.x + 10, p.y + 10, { steps: 10 });
  await page.mouse.up();
  const drags = await seen(page, 'dragstart');
  expect(drags.allowed).toBe(0);
});

test('an outside link is shown as its address and a QR code, and no link leaves the app', async ({
  page,
  context,
}) => {
  await openNotice(page);
  const url = page.url();
  const opened: string[] = [];
  context.on('page', (p) => opened.push(p.url()));
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  // Content links are never live: the text, the address and a QR code to take away.
  await expect(page.getByText('示例市网上办事大厅')).toBeVisible();
  await expect(page.getByRole('img', { name: PORTAL })).toBeVisible();
  await expect(page.getByRole('link')).toHaveCount(0);
  await page.getByText('示例市网上办事大厅').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/.artifacts/screens/outside-link-qr.png' });
  await page.getByText('示例市网上办事大厅').click();

  // Should any part of the app ever render a live link, the lockdown still holds.
  await page.evaluate((portal) => {
    const main = document.querySelector('main') ?? document.body;
    for (const [text, attrs] of [
      ['outside', { href: portal }],
      ['new window', { href: portal, target: '_blank' }],
      ['download', { href: './manifest.webmanifest', download: 'x.json' }],
    ] as const) {
      const a = document.createElement('a');
      a.textContent = text;
      for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
      main.prepend(a);
    }
  }, PORTAL);
  for (const name of ['outside', 'new window', 'download']) {
    await page.getByRole('link', { name }).click();
    await page.getByRole('link', { name }).click({ button: 'middle' });
  }
  expect(await page.evaluate(() => window.open('https://example.org/'))).toBeNull();
  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  expect(opened).toEqual([]);
  expect(downloads).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('最多跑一次');
});
