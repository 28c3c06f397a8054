/**
 * A visitor walks away: "still there?" counts down, the visit is wiped and the attract playlist runs; the next
 * visitor's touch opens a fresh home. The playlist follows its day parts and sleep hours by the terminal's clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

/** Beijing time, as the hall's terminals keep it; 2026-11-27 is a Friday. */
const at = (dayAndTime: string) => new Date(`${dayAndTime}+08:00`);
const HALL = '示例市政务服务中心';
const WELCOME = '欢迎来到示例市政务服务中心';
const TOUCH_TO_START = '轻触屏幕开始';

test.use({ timezoneId: 'Asia/Shanghai', hasTouch: true });

/** Taps the middle of an element with a finger (touch events, as on the terminal). */
async function tapOn(page: Page, box: { x: number; y: number; width: number; height: number }) {
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Waits until what is on screen has finished fading in (CSS animations run in real time, not on page.clock). */
async function faded(page: Page, selector = '.attract-slide.is-current') {
  await page.locator(selector).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

/** What axe finds wrong on the page as it is now (contrast included). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** What a visit could leave behind in the browser itself. */
const traces = (page: Page) =>
  page.evaluate(() => ({
    history: history.length,
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
  }));

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test('"still there?" counts down and a touch keeps the visit where it was', async ({ page }) => {
      const kiosk = await kioskOnFeed();
      await page.clock.install({ time: at('2026-11-27T10:00:00') });
      await page.goto(`${kiosk.url}/?idle=30`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: /^Service guides/ }).click();
      await page.getByRole('button', { name: /^Ordinary passport/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Ordinary passport/);

      await page.clock.runFor(29_000);
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
      await page.clock.runFor(1_000);
      const question = page.getByRole('alertdialog', { name: 'Are you still there?' });
      await expect(question).toBeVisible();
      await expect(question).toContainText('15 seconds left');
      await page.clock.runFor(5_000);
      await expect(question).toContainText('10 seconds left');
      const keep = question.getByRole('button', { name: "I'm still here" });
      await expect(keep).toBeFocused();
      await faded(page, '.still-there-backdrop');
      await page.screenshot({ path: `e2e/.artifacts/screens/still-there-${orientation}-en.png` });
      expect(await axeViolations(page)).toEqual([]);

      await tapOn(page, (await keep.boundingBox())!);
      await expect(question).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Ordinary passport/);
      // The touch started the idle time again: a full 30 s before the question returns.
      await page.clock.runFor(29_000);
      await expect(question).toHaveCount(0);
      await page.clock.runFor(1_000);
      await expect(question).toBeVisible();
      await kiosk.close();
    });
  });
}

test('a visit left alone is wiped; the playlist runs; a touch opens a fresh home, leaving nothing behind', async ({
  page,
}) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: at('2026-11-27T10:00:00') });
  await page.goto(`${kiosk.url}/?e2e&idle=30`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
  const servicesTile = (await page.getByRole('button', { name: /^办事指南/ }).boundingBox())!;
  const before = await traces(page);

  // A visit: English, a service guide's flowchart with a step open in its panel, then a search.
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => {
    const visit = (window as unknown as { sunlightVisit: { go(s: object): void } }).sunlightVisit;
    visit.go({ name: 'flow', id: 'passport' });
  });
  await page.locator('[data-node]').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.evaluate(() => {
    const visit = (window as unknown as { sunlightVisit: { go(s: object): void } }).sunlightVisit;
    visit.go({ name: 'search', query: 'passport photo' });
  });

  await page.clock.runFor(30_000);
  await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible();
  await page.clock.runFor(15_000);
  // The playlist, in the hall's default language; nothing of the visit is left on the page.
  await expect(page.getByText(TOUCH_TO_START)).toBeVisible();
  await expect(page.locator('.attract-slide.is-current')).toContainText(WELCOME);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('passport');
  await expect(page.locator('body')).not.toContainText('Ordinary');
  await faded(page);
  expect(await axeViolations(page)).toEqual([]);

  // The next visitor touches exactly where the services tile will be: the touch only wakes the screen.
  await tapOn(page, servicesTile);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
  await page.clock.runFor(1_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  await expect(page.getByRole('button', { name: '返回', exact: true })).toBeDisabled();
  const screen = await page.evaluate(
    () =>
      (window as unknown as { sunlightVisit: { current: { value: object } } }).sunlightVisit.current.value,
  );
  expect(screen).toEqual({ name: 'home' });
  expect(await traces(page)).toEqual(before);

  // The flowchart opens fresh too: no step panel left open from before.
  await page.getByRole('button', { name: /^办事指南/ }).click();
  await page.getByRole('button', { name: /^普通护照签发/ }).click();
  await page.getByRole('button', { name: /看办理流程/ }).click();
  await expect(page.locator('[data-node]').first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await kiosk.close();
});

/** A hall whose playlist says good morning before noon, shows the winter hours after, and sleeps at night. */
function hallWithDayParts(): string {
  const folder = copyOfSample();
  writeFileSync(
    join(folder, 'attract.yaml'),
    `idleSeconds: 90
slides:
  - { id: welcome, text: { zh-CN: ${WELCOME}！, en: Welcome }, seconds: 10 }
  - { id: hours, notice: winter-hours, seconds: 10 }
  - { id: help, text: { zh-CN: 不知道去哪个窗口？请到一楼综合咨询服务台。, en: Ask at the information desk. }, seconds: 10 }
  - { id: plan, image: media/floor-1.svg, seconds: 10 }
schedule:
  - { days: [mon, tue, wed, thu, fri], from: "07:00", to: "12:00", slides: [welcome] }
  - { days: [mon, tue, wed, thu, fri], from: "12:00", to: "19:00", slides: [hours, help] }
sleep:
  - { from: "19:00", to: "07:00" }
`,
  );
  return folder;
}

/** Lets the playlist run, a slide at a time, until the slide with `words` is on screen. */
async function showsInTurn(page: Page, words: string) {
  const slide = page.locator('.attract-slide.is-current');
  for (let i = 0; i < 12 && !(await slide.textContent())?.includes(words); i++)
    await page.clock.runFor(10_000);
  await expect(slide).toContainText(words);
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test('the playlist changes with its day parts and dims in its sleep hours', async ({ page }) => {
      const kiosk = await kioskOnFeed(hallWithDayParts());
      // The clock moves only when the test says, so slides never change behind its back.
      await page.clock.install({ time: at('2026-11-27T11:58:59') });
      await page.clock.pauseAt(at('2026-11-27T11:59:00'));
      await page.goto(`${kiosk.url}/?idle=10`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
      // Nobody touched: after the idle time the playlist starts, with no question first.
      await page.clock.runFor(10_000);
      const slide = page.locator('.attract-slide.is-current');
      const screen = page.locator('.attract');
      const DARK = 'rgb(11, 12, 12)';
      await expect(slide).toContainText(WELCOME);
      await expect(screen).not.toHaveCSS('background-color', DARK);
      await faded(page);
      await page.screenshot({ path: `e2e/.artifacts/screens/attract-${orientation}-zh.png` });
      await page.clock.runFor(40_000);
      await expect(slide).toContainText(WELCOME);

      // Noon: the afternoon's slides take over within the clock's 15 s tick.
      await page.clock.runFor(25_000);
      await expect(slide).toContainText(/冬季工作时间公告|不知道去哪个窗口/);
      await showsInTurn(page, '冬季工作时间公告');
      await faded(page);
      await page.screenshot({ path: `e2e/.artifacts/screens/attract-notice-${orientation}-zh.png` });
      await page.clock.runFor(10_000);
      await expect(slide).toContainText('不知道去哪个窗口');
      await page.clock.runFor(10_000);
      await expect(slide).not.toContainText(WELCOME);

      // 19:00: outside every day part all slides play, and the screen dims, still readable.
      await page.clock.pauseAt(at('2026-11-27T18:59:40'));
      await page.clock.runFor(10_000);
      await expect(screen).not.toHaveCSS('background-color', DARK);
      await page.clock.runFor(30_000);
      await expect(screen).toHaveCSS('background-color', DARK);
      // An image slide shows its picture from the bundle.
      const picture = slide.locator('img');
      for (let i = 0; i < 12 && (await picture.count()) === 0; i++) await page.clock.runFor(10_000);
      await expect(picture).toBeVisible();
      await expect
        .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      await showsInTurn(page, WELCOME);
      await faded(page);
      await page.screenshot({ path: `e2e/.artifacts/screens/attract-sleep-${orientation}-zh.png` });

      // 07:00 next morning (a Saturday): awake again.
      await page.clock.pauseAt(at('2026-11-28T06:59:40'));
      await page.clock.runFor(40_000);
      await expect(screen).not.toHaveCSS('background-color', DARK);
      await kiosk.close();
    });
  });
}

test('in sleep hours the screen is dark and every word still meets the contrast rules', async ({ page }) => {
  const folder = copyOfSample();
  // One notice slide, so nothing is mid-fade while axe measures contrast.
  writeFileSync(
    join(folder, 'attract.yaml'),
    'slides:\n  - { notice: winter-hours, seconds: 10 }\nsleep:\n  - { from: "19:00", to: "07:00" }\n',
  );
  const kiosk = await kioskOnFeed(folder);
  await page.clock.install({ time: at('2026-11-27T22:00:00') });
  await page.goto(`${kiosk.url}/?idle=10`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
  await page.clock.runFor(10_000);
  await expect(page.locator('.attract-slide.is-current')).toContainText('冬季工作时间公告');
  await expect(page.locator('.attract')).toHaveCSS('background-color', 'rgb(11, 12, 12)');
  await faded(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/attract-sleep-notice-landscape-zh.png' });
  expect(await axeViolations(page)).toEqual([]);
  await kiosk.close();
});

test('an attract-only terminal ignores taps and shows a new version as soon as it is verified', async ({
  page,
  context,
}) => {
  const folder = copyOfSample();
  const kiosk = await kioskOnFeed(folder);
  await page.clock.install({ time: at('2026-11-27T09:59:59') });
  await page.clock.pauseAt(at('2026-11-27T10:00:00'));
  await page.goto(`${kiosk.url}/?mode=attract`);
  const slide = page.locator('.attract-slide.is-current');
  await expect(slide).toContainText(WELCOME);

  // Nobody is invited to touch, and a touch changes nothing.
  await expect(page.getByText(TOUCH_TO_START)).toHaveCount(0);
  await page.touchscreen.tap(960, 540);
  await page.clock.runFor(2_000);
  await expect(slide).toContainText(WELCOME);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  const path = join(folder, 'attract.yaml');
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('欢迎来到示例市政务服务中心！', '欢迎光临（新版）！'),
  );
  publish(folder, kiosk.feed);
  // The network drops and returns: the terminal checks the feed at once, and nobody's visit is in the way.
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(slide).toContainText('欢迎光临（新版）！');

  // Against burn-in the whole picture moves, by a few pixels, every few minutes.
  const picture = page.locator('.attract-slides');
  const before = (await picture.boundingBox())!;
  await page.clock.runFor(3 * 60_000);
  await expect
    .poll(async () => {
      const after = (await picture.boundingBox())!;
      return Math.max(Math.abs(after.x - before.x), Math.abs(after.y - before.y));
    })
    .toBeGreaterThan(0);
  const offset = await page
    .locator('.attract-stage')
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform));
  expect(Math.max(Math.abs(offset.m41), Math.abs(offset.m42))).toBeLessThanOrEqual(4);
  await kiosk.close();
});

/** The sample with an urgent notice in force until the end of 2026-11-27. */
function hallWithUrgentNotice(): string {
  const folder = copyOfSample();
  writeFileSync(
    join(folder, 'notices/flood.md'),
    `---
id: flood
title: { zh-CN: 暴雨红色预警：今日暂停对外办公, en: "Red rainstorm warning: closed today" }
date: 2026-11-27
expires: 2026-11-27
urgent: true
---
受暴雨影响，本中心今日暂停对外办公。急办事项请拨打 0000-6188 0000。
`,
  );
  return folder;
}

for (const mode of ['interactive', 'attract'] as const) {
  test(`an urgent notice takes turns with the playlist until it expires (${mode})`, async ({ page }) => {
    const kiosk = await kioskOnFeed(hallWithUrgentNotice());
    await page.clock.install({ time: at('2026-11-27T23:58:29') });
    await page.clock.pauseAt(at('2026-11-27T23:58:30'));
    await page.goto(`${kiosk.url}/?idle=10&mode=${mode}`);
    if (mode === 'interactive') {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
      await page.clock.runFor(10_000);
    }
    const slide = page.locator('.attract-slide.is-current');
    // The playlist plays, and within its first turns the urgent notice, with the day it is about.
    await expect(slide).toContainText(WELCOME);
    await showsInTurn(page, '暴雨红色预警：今日暂停对外办公');
    await expect(slide).toContainText('紧急通知');
    await expect(slide.locator('h2')).toContainText('11月27日（周五）');
    await expect(slide).toContainText('受暴雨影响');
    if (mode === 'attract') {
      await faded(page);
      await page.screenshot({ path: 'e2e/.artifacts/screens/attract-urgent-flood-landscape-zh.png' });
    }

    // Midnight: the notice has expired and the playlist goes on without it.
    await page.clock.pauseAt(at('2026-11-28T00:00:15'));
    await page.clock.runFor(15_000);
    await showsInTurn(page, WELCOME);
    for (let i = 0; i < 8; i++) {
      await expect(slide).not.toContainText('暴雨红色预警');
      await expect(slide).not.toContainText('紧急通知');
      await page.clock.runFor(10_000);
    }
    await kiosk.close();
  });
}

/** One slide as a visitor sees it: its language and its words. */
type Seen = { lang: string; text: string; urgent: boolean };

/** Lets the playlist run a second at a time and notes each new slide, until `count` slides have shown. */
async function slidesInTurn(page: Page, count: number): Promise<Seen[]> {
  const seen: Seen[] = [];
  const current = page.locator('.attract-slide.is-current');
  for (let i = 0; i < 240 && seen.length < count; i++) {
    const now = await current.evaluate((el) => ({
      lang: el.closest('[lang]')?.getAttribute('lang') ?? '',
      text: el.textContent ?? '',
      urgent: el.querySelector('.slide-urgent') !== null,
    }));
    const last = seen.at(-1);
    if (!last || last.text !== now.text || last.lang !== now.lang) seen.push(now);
    await page.clock.runFor(1_000);
  }
  return seen;
}

/** Whether every element of the slide on screen shows all of its text, inside the slide. */
const clipped = (page: Page) =>
  page.locator('.attract-slide.is-current').evaluate((slide) => {
    const box = slide.getBoundingClientRect();
    return [...slide.querySelectorAll<HTMLElement>('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const cut = el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflow !== 'visible';
        const outside = r.top < box.top - 1 || r.bottom > box.bottom + 1;
        return r.height > 0 && (cut || outside);
      })
      .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 30)}`);
  });

const MAINTENANCE = { zh: '网上办事系统升级维护公告', en: 'Online service system maintenance' };

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test('an urgent notice weeks ahead takes turns with the playlist, whole, in both languages, saying when', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      // The sample on TEST_DAY: the maintenance notice (urgent, in force from 2026-11-30) is about 30–31 December.
      const kiosk = await kioskOnFeed();
      await page.clock.install({ time: at('2026-12-04T09:59:00') });
      await page.clock.pauseAt(at('2026-12-04T10:00:00'));
      await page.goto(`${kiosk.url}/?idle=10`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HALL);
      // The last visitor read English: the playlist after the wipe does not follow them.
      await page.getByRole('button', { name: 'English' }).click();
      await page.clock.runFor(10_000);
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await page.clock.runFor(15_000);
      await expect(page.getByText(TOUCH_TO_START)).toBeVisible();

      const seen = await slidesInTurn(page, 8);
      // docs/attract.md: after every two slides of the playlist, the urgent notice in Chinese, then in English.
      expect(seen.map((s) => (s.urgent ? `urgent-${s.lang}` : 'slide'))).toEqual([
        'slide',
        'slide',
        'urgent-zh-CN',
        'urgent-en',
        'slide',
        'slide',
        'urgent-zh-CN',
        'urgent-en',
      ]);
      const [zh, en] = seen.filter((s) => s.urgent);
      expect(zh!.text).toContain(MAINTENANCE.zh);
      expect(en!.text).toContain(MAINTENANCE.en);

      for (const [lang, title, when, rest] of [
        ['zh', MAINTENANCE.zh, /12月30日.*18:00.*12月31日.*12:00/, '窗口照常办公'],
        ['en', MAINTENANCE.en, /30 Dec.*18:00.*31 Dec.*12:00/, 'windows stay open'],
      ] as const) {
        for (let i = 0; i < 60; i++) {
          const h2 = await page
            .locator('.attract-slide.is-current')
            .evaluate((el) => el.querySelector('h2')?.textContent ?? '');
          if (h2.includes(title)) break;
          await page.clock.runFor(1_000);
        }
        const slide = page.locator('.attract-slide.is-current');
        // The dates are in the headline, in words.
        await expect(slide.locator('h2')).toHaveText(when);
        // What used to stop at "维护期间：" is there whole, and nothing is cut or off the slide.
        await expect(slide).toContainText(rest);
        // The phone number stays on one line.
        const phone = await slide.getByText('0000-6188 1234', { exact: true }).boundingBox();
        expect(phone!.height).toBeLessThan(80);
        await faded(page);
        expect(await clipped(page)).toEqual([]);
        // Read from across the hall: nothing under 28 px (axe needs a running clock: the night test runs it).
        expect(await smallTexts(page)).toEqual([]);
        await page.screenshot({ path: `e2e/.artifacts/screens/attract-urgent-${orientation}-${lang}.png` });
        await page.clock.runFor(12_000);
      }
      await kiosk.close();
    });
  });
}

test('at night an urgent notice about an outage weeks away dims with the playlist, still meeting the contrast rules', async ({
  page,
}) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: at('2026-12-04T21:59:00') });
  await page.clock.pauseAt(at('2026-12-04T22:00:00'));
  await page.goto(`${kiosk.url}/?mode=attract`);
  const slide = page.locator('.attract-slide.is-current');
  // Its turn comes after two of the playlist's slides, whichever two the loop starts with: up to four minutes.
  for (let i = 0; i < 240 && (await slide.locator('.slide-urgent').count()) === 0; i++)
    await page.clock.runFor(1_000);
  await expect(slide.locator('.slide-urgent')).toHaveCount(1);
  await expect(slide).toContainText(MAINTENANCE.zh);
  await expect(page.locator('.attract')).toHaveCSS('background-color', 'rgb(11, 12, 12)');
  // axe waits on timers: the clock runs again, and the slide has 11 of its 12 s left to be measured in.
  await page.clock.resume();
  await faded(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/attract-urgent-sleep-landscape-zh.png' });
  expect(await axeViolations(page)).toEqual([]);
  await kiosk.close();
});
