/**
 * 好差评 on the terminal's screen (docs/rating-screens.md), on a kiosk reporting to the real fleet service:
 * the question at a guide's end (非常满意 in one tap, then thanks; 不满意 → reasons → 指南有误 → which part →
 * 提交), the dock's 评价, dismissed in one tap and not offered again in the visit, a half-given rating that
 * idle wipes (nothing queued), no question at all without a fleet service or where hall.yaml turns it
 * off (and only the hall's question where it asks only from the dock), a dock as high as before; and each rating screen in
 * every mode, both orientations and both languages: no text under 28 px, no axe violation, targets ≥ 64 px.
 * What is queued is read from the terminal's own rating queue (IndexedDB sunlight-fleet, store ratings):
 * the terminal is never approved here, so its ratings wait there.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Rating } from '../fleet/protocol.ts';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { type FleetService, startFleetService } from './fixtures/fleet.ts';
import { MODE_SETS, type ModeName, openScreen, setModes } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

type Kiosk = Awaited<ReturnType<typeof kioskOnFeed>>;
let fleet: FleetService;
let kiosk: Kiosk;

test.beforeAll(async () => {
  fleet = await startFleetService();
  kiosk = await kioskOnFeed();
});
test.afterAll(async () => {
  await kiosk?.close();
  await fleet?.close();
});

const startUrl = (extra = '') =>
  `${kiosk.url}/?e2e&fleet=${encodeURIComponent(fleet.url)}&device=lobby-1${extra}`;

/** Boots the kiosk with reporting on and waits until the rating screens have loaded (评价 in the dock). */
async function boot(page: Page, extra = '&idle=3600') {
  await page.goto(startUrl(extra));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await expect(page.getByRole('button', { name: '评价', exact: true })).toBeEnabled();
}

/** The ratings waiting in the terminal's queue, oldest first; [] while the fleet database has none. */
async function queued(page: Page): Promise<Rating[]> {
  return page.evaluate(async () => {
    // Never create the database here: only read it once the kiosk has made it.
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('sunlight-fleet')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('sunlight-fleet');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('ratings')) {
      db.close();
      return [];
    }
    const all = await new Promise<{ n: number; rating: Rating }[]>((resolve, reject) => {
      const get = db.transaction('ratings').objectStore('ratings').getAll();
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return all.sort((a, b) => a.n - b.n).map((r) => r.rating);
  });
}

const guideEnd = (page: Page) =>
  page.getByRole('region', { name: /这份办事指南对您有帮助吗|Did this guide help/ });
const sheet = (page: Page) => page.getByRole('dialog', { name: /^(评价|Rate us)$/ });

test.describe('landscape journeys', () => {
  test.use({ viewport: ORIENTATIONS.landscape });

  test('at a guide’s end: 非常满意 in one tap, thanks, then 已评价 for the rest of the visit', async ({
    page,
  }) => {
    await boot(page);
    await page.getByRole('button', { name: /^办事指南/ }).click();
    await page.getByRole('button', { name: /^普通护照签发/ }).click();
    const question = guideEnd(page);
    await question.scrollIntoViewIfNeeded();
    await expect(question.getByRole('heading', { name: '这份办事指南对您有帮助吗？' })).toBeVisible();
    const levels = question.getByRole('group', { name: '这份办事指南对您有帮助吗？' }).getByRole('button');
    await expect(levels).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await levels.first().click();
    await expect(question.getByRole('heading', { name: '感谢您的评价' })).toBeVisible();
    await expect
      .poll(() => queued(page))
      .toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          // The test day's clock, 10:00 in Beijing, a moment after boot.
          at: expect.stringMatching(/^2026-12-04T02:0\d:/),
          subject: 'guide',
          hall: 'shili-center',
          contentVersion: 1,
          service: 'passport',
          level: 5,
          reasons: [],
          locale: 'zh-CN',
        },
      ]);
    // The thanks goes by itself; the guide then says it is rated, and stays so when the visitor comes back.
    await page.clock.runFor(5_000);
    await expect(question).toContainText('已评价，谢谢');
    await expect(question.getByRole('button')).toHaveCount(0);
    await page.getByRole('button', { name: '返回', exact: true }).click();
    await page.getByRole('button', { name: /^普通护照签发/ }).click();
    await expect(guideEnd(page)).toContainText('已评价，谢谢');
    await expect(guideEnd(page).getByRole('button')).toHaveCount(0);
    expect(await queued(page)).toHaveLength(1);
  });

  test('不满意 → reasons → 指南有误 → which part → Send: one rating with them, in English', async ({
    page,
  }) => {
    await boot(page);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await openScreen(page, { name: 'service', id: 'passport' }, 'en');
    const question = guideEnd(page);
    await question.scrollIntoViewIfNeeded();
    await question.getByRole('button', { name: 'Dissatisfied', exact: true }).click();
    // Nothing is sent for a poor level until the visitor sends it.
    await expect(question.getByRole('heading', { name: 'What went wrong?' })).toBeVisible();
    await expect(question).toContainText('You chose: Dissatisfied.');
    expect(await queued(page)).toEqual([]);
    const wrong = question.getByRole('button', { name: /The guide is wrong or unclear/ });
    await expect(wrong).toHaveAttribute('aria-pressed', 'false');
    await expect(question.getByRole('heading', { name: 'Which part of the guide was wrong?' })).toHaveCount(
      0,
    );
    await wrong.click();
    await expect(wrong).toHaveAttribute('aria-pressed', 'true');
    await expect(wrong).toContainText('Chosen');
    const parts = question
      .getByRole('group', { name: 'Which part of the guide was wrong?' })
      .getByRole('button');
    await expect(parts).toHaveText(['Materials to bring', 'Which window', 'Time limit', 'Fees', 'Steps']);
    await parts.filter({ hasText: 'Which window' }).click();
    await question.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(question.getByRole('heading', { name: 'Thank you for your rating' })).toBeVisible();
    await expect(question).toContainText('We will look into it and put it right.');
    await expect
      .poll(() => queued(page))
      .toEqual([
        expect.objectContaining({
          subject: 'guide',
          service: 'passport',
          level: 2,
          reasons: ['guide-wrong'],
          wrong: ['window'],
          locale: 'en',
        }),
      ]);
    // One tap on OK and the thanks is gone at once.
    await question.getByRole('button', { name: 'OK', exact: true }).click();
    await expect(question).toContainText('Rated — thank you');
  });

  test('the dock’s 评价: dismissed in one tap, not offered again in the visit; the screen stays usable', async ({
    page,
  }) => {
    await boot(page);
    const rate = page.getByRole('button', { name: '评价', exact: true });
    // On home it asks about the hall's service; 不评价 closes it at once.
    await rate.click();
    await expect(sheet(page).getByRole('heading', { name: '您对本次服务满意吗？' })).toBeVisible();
    await expect(rate).toHaveAttribute('aria-expanded', 'true');
    await sheet(page).getByRole('button', { name: '不评价', exact: true }).click();
    await expect(sheet(page)).toHaveCount(0);

    // On a guide it offers the guide first; a tap outside the sheet dismisses it, and the screen under it works.
    await page.getByRole('button', { name: /^办事指南/ }).click();
    await page.getByRole('button', { name: /^普通护照签发/ }).click();
    await expect(rate).toBeEnabled();
    await rate.click();
    await expect(sheet(page).getByRole('heading', { name: '这份办事指南对您有帮助吗？' })).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(sheet(page)).toHaveCount(0);
    // Both dismissed: the guide's end no longer asks, and 评价 has nothing left to offer.
    await guideEnd(page)
      .count()
      .then((n) => expect(n).toBe(0));
    await expect(rate).toBeDisabled();
    // Back and home still work, and nothing offers itself again in this visit.
    await page.getByRole('button', { name: '首页', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await expect(rate).toBeDisabled();
    await openScreen(page, { name: 'service', id: 'id-card-first' }, 'zh-CN');
    await expect(rate).toBeEnabled();
    await page.clock.runFor(3_000);
    expect(await queued(page)).toEqual([]);
  });

  test('from the dock on a guide: the guide first, then the hall’s own question from the thanks', async ({
    page,
  }) => {
    await boot(page);
    await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
    await page.getByRole('button', { name: '评价', exact: true }).click();
    await sheet(page).getByRole('button', { name: '满意', exact: true }).click();
    await expect(sheet(page).getByRole('heading', { name: '感谢您的评价' })).toBeVisible();
    await sheet(page).getByRole('button', { name: '也评价本次服务' }).click();
    await expect(sheet(page).getByRole('heading', { name: '您对本次服务满意吗？' })).toBeVisible();
    await sheet(page).getByRole('button', { name: '基本满意', exact: true }).click();
    await expect(sheet(page).getByRole('heading', { name: '感谢您的评价' })).toBeVisible();
    // The thanks goes by itself; nothing is left to rate on this screen.
    await page.clock.runFor(5_000);
    await expect(sheet(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '评价', exact: true })).toBeDisabled();
    await expect
      .poll(() => queued(page))
      .toEqual([
        expect.objectContaining({ subject: 'guide', service: 'passport', level: 4, reasons: [] }),
        expect.objectContaining({ subject: 'hall', service: 'passport', level: 3, reasons: [] }),
      ]);
  });

  test('walking away mid-rating: idle wipes it, nothing is queued, and the next visitor is asked afresh', async ({
    page,
  }) => {
    await boot(page, '&idle=30');
    // This visitor has already said 不评价 to the hall's question.
    const rate = page.getByRole('button', { name: '评价', exact: true });
    await rate.click();
    await sheet(page).getByRole('button', { name: '不评价', exact: true }).click();
    await expect(rate).toBeDisabled();
    await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
    const question = guideEnd(page);
    await question.scrollIntoViewIfNeeded();
    await question.getByRole('button', { name: '非常不满意', exact: true }).click();
    await question.getByRole('button', { name: /等候时间太长/ }).click();
    await page.getByRole('button', { name: '评价', exact: true }).click();
    await sheet(page).getByRole('button', { name: '不满意', exact: true }).click();
    await sheet(page)
      .getByRole('button', { name: /工作人员态度不好/ })
      .click();
    // 30 s without a touch, then the 15 s of "still there?": the visit ends.
    await page.clock.runFor(31_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.runFor(16_000);
    await expect(page.locator('.attract')).toBeVisible();
    expect(await queued(page)).toEqual([]);
    // The next visitor: a fresh home, and the guide asks again.
    await page.locator('.attract').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await expect(rate).toBeEnabled();
    await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
    await expect(guideEnd(page).getByRole('button', { name: '非常满意', exact: true })).toBeVisible();
    await expect(sheet(page)).toHaveCount(0);
    await page.clock.runFor(3_000);
    expect(await queued(page)).toEqual([]);
  });

  test('read aloud speaks the question and each step', async ({ page }) => {
    await page.addInitScript(() => {
      const said: string[] = [];
      const voices = [
        { lang: 'zh-CN', name: 'Test Chinese', default: true, localService: true, voiceURI: 'zh' },
        { lang: 'en-GB', name: 'Test English', default: false, localService: true, voiceURI: 'en' },
      ];
      const synth = Object.assign(new EventTarget(), {
        getVoices: () => voices,
        speak: (u: SpeechSynthesisUtterance) => said.push(u.text),
        cancel: () => {
          said.length = 0;
        },
        pause() {},
        resume() {},
        speaking: false,
        pending: false,
        paused: false,
      });
      Object.defineProperty(window, 'speechSynthesis', { value: synth });
      Object.assign(window, { spoken: () => [...said] });
    });
    const spoken = () => page.evaluate(() => (window as unknown as { spoken(): string[] }).spoken());
    await boot(page);
    await setModes(page, ['readAloud']);
    // Home is read first; then the sheet's question replaces it.
    await expect.poll(async () => (await spoken())[0]).toBe('示例市政务服务中心');
    await page.getByRole('button', { name: '评价', exact: true }).click();
    await expect.poll(spoken).toEqual(expect.arrayContaining(['您对本次服务满意吗？', '非常满意', '不评价']));
    await sheet(page).getByRole('button', { name: '非常不满意', exact: true }).click();
    await expect.poll(spoken).toEqual(expect.arrayContaining(['哪里让您不满意？', '等候时间太长', '提交']));
    await sheet(page).getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(spoken).toEqual(expect.arrayContaining(['感谢您的评价']));
  });
});

test('no fleet service, no question: neither at a guide’s end nor in the dock', async ({ page }) => {
  await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
  // Time for the rating screens to load, were they to.
  await page.clock.runFor(5_000);
  await expect(page.getByRole('heading', { name: '办理依据' })).toBeVisible();
  await expect(page.getByText('这份办事指南对您有帮助吗？')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '评价', exact: true })).toHaveCount(0);
  expect(await queued(page)).toEqual([]);
});

/** A kiosk on a copy of the sample hall whose hall.yaml ends with this `ratings:` block. */
async function kioskWithRatings(block: string): Promise<Kiosk> {
  const folder = copyOfSample();
  const hall = join(folder, 'hall.yaml');
  writeFileSync(hall, `${readFileSync(hall, 'utf8')}\nratings:\n${block}\n`);
  return kioskOnFeed(folder);
}

test('the hall decides: asked only from the dock (the hall alone), or not at all', async ({ page }) => {
  const dockOnly = await kioskWithRatings('  ask: [dock]');
  const off = await kioskWithRatings('  enabled: false');
  try {
    await page.goto(`${dockOnly.url}/?e2e&fleet=${encodeURIComponent(fleet.url)}&idle=3600`);
    await expect(page.getByRole('button', { name: '评价', exact: true })).toBeEnabled();
    await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
    await expect(page.getByRole('heading', { name: '办理依据' })).toBeVisible();
    await expect(guideEnd(page)).toHaveCount(0);
    await page.getByRole('button', { name: '评价', exact: true }).click();
    await expect(sheet(page).getByRole('heading', { name: '您对本次服务满意吗？' })).toBeVisible();

    await page.goto(`${off.url}/?e2e&fleet=${encodeURIComponent(fleet.url)}&idle=3600`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await openScreen(page, { name: 'service', id: 'passport' }, 'zh-CN');
    await page.clock.runFor(5_000);
    await expect(page.getByRole('heading', { name: '办理依据' })).toBeVisible();
    await expect(guideEnd(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '评价', exact: true })).toHaveCount(0);
  } finally {
    await dockOnly.close();
    await off.close();
  }
});

test('评价 in the dock leaves the dock as high as before, so a guide’s first screen keeps its height', async ({
  page,
}) => {
  for (const viewport of Object.values(ORIENTATIONS)) {
    await page.setViewportSize(viewport);
    await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600`);
    await expect(page.locator('.home')).toBeVisible();
    const without = (await page.locator('.dock').boundingBox())!.height;
    await boot(page);
    await expect(page.locator('.dock')).toHaveClass(/has-rate/);
    expect((await page.locator('.dock').boundingBox())!.height).toBe(without);
  }
});

/** What axe finds on the page as it is. */
async function axeViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) => `${where}: axe ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Every rating button drawn smaller than 64 × 64 px or with words wider than itself, and in reach mode any in the upper half. */
async function targetProblems(page: Page, where: string, reach: boolean): Promise<string[]> {
  const found = await page.evaluate((reach) => {
    const out: string[] = [];
    for (const b of Array.from(document.querySelectorAll<HTMLElement>('.rating button, .dock button'))) {
      const r = b.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 64 || r.height < 64) out.push(`"${b.textContent}" is ${r.width}×${r.height} px`);
      // The dock with 评价 in it has seven buttons: none may have its words spill out.
      if (b.scrollWidth > b.clientWidth + 1)
        out.push(`"${b.textContent}" overflows its button (${b.scrollWidth} > ${b.clientWidth} px)`);
      // The sheet is in the lower half in reach mode; a guide's end scrolls there with the screen.
      if (reach && b.closest('.rating-sheet') && r.top < innerHeight / 2)
        out.push(`"${b.textContent}" is in the upper half (top ${r.top} px)`);
    }
    return out;
  }, reach);
  return found.map((p) => `${where}: ${p}`);
}

const MODES: [string, readonly ModeName[]][] = [['normal', []], ...Object.entries(MODE_SETS)];

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const locale of ['zh-CN', 'en'] as const) {
      const lang = locale === 'en' ? 'en' : 'zh';
      test(`each rating screen reads and works in every mode: ${orientation}, ${locale}`, async ({
        page,
      }) => {
        test.setTimeout(240_000);
        await boot(page);
        const failures: string[] = [];
        // Both languages in every mode: English words are longer (the dock's seven buttons in large text).
        const modes = MODES;
        // axe reads roles, names and contrast, which orientation does not change: it runs on every screen in
        // every mode, in both languages and both orientations, across two of the four walks (landscape
        // Chinese, portrait English): a whole guide takes axe over a second a run, and CI has 20 minutes.
        // Sizes, targets and overflow run in all four.
        const withAxe = (orientation === 'landscape') === (locale === 'zh-CN');
        const check = async (state: string, scrollTo?: string) => {
          for (const [mode, on] of modes) {
            await setModes(page, on);
            if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
            const where = `${state} in ${mode}`;
            for (const s of await smallTexts(page))
              failures.push(`${where}: "${s.text}" is ${s.px} px (${s.where})`);
            failures.push(...(await targetProblems(page, where, on.includes('reach'))));
            if (withAxe) failures.push(...(await axeViolations(page, where)));
            await page.screenshot({
              path: `e2e/.artifacts/ratings/${state}-${mode}-${orientation}-${lang}.png`,
            });
          }
          await setModes(page, []);
        };
        await openScreen(page, { name: 'service', id: 'passport' }, locale);
        const end = guideEnd(page);
        await check('guide-end', '.rating-inline');
        await end.locator('.rating-level[data-level="2"]').click();
        await end.locator('.rating-toggle').first().click();
        await check('guide-end-reasons', '.rating-inline');
        // The dock's sheet takes the same question over (the guide's end drops its half-given one).
        await page.locator('.dock-rate').click();
        await expect(sheet(page)).toBeVisible();
        await check('sheet');
        await sheet(page).locator('.rating-level[data-level="1"]').click();
        await sheet(page).locator('.rating-toggle').first().click();
        await sheet(page).locator('.rating-toggle').nth(2).click();
        await check('sheet-reasons');
        await sheet(page).locator('.rating-send').click();
        await expect(sheet(page).locator('.rating-next')).toBeVisible();
        await check('sheet-thanks');
        expect(failures).toEqual([]);
      });
    }
  });
}
