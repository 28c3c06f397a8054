/**
 * The first screen of a service guide, judged from across the room (issue 12): what to bring, where to go,
 * how long and how much all start on it, the three short facts end whole above the dock and so does the
 * checklist's first paper (a long checklist goes on below, as a list does), with the
 * urgent notice's banner in force and without it, in both orientations and languages; every text a
 * visitor reads there is at least 28 px (tags 26 px bold).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copyOfSample, kioskOnFeed } from './fixtures/feed.ts';
import { allScreens, openScreen } from './fixtures/screens.ts';
import { expect, test } from './fixtures/test.ts';
import { smallTexts } from './fixtures/text-sizes.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const SHOTS = 'e2e/.artifacts/screens';
/** The elderly visitor's service of the audit (four papers, two fees), screenshotted for a look. */
const ID_CARD = 'id-card-replace';
const REGIONS = {
  'zh-CN': { bring: '带齐这些材料', where: '到哪里办', howLong: '多久办好', howMuch: '收费' },
  en: { bring: 'Bring these', where: 'Where to go', howLong: 'How long it takes', howMuch: 'Fees' },
} as const;

/** The sample hall with its urgent notice made ordinary: the same guides with no banner above them. */
function hallWithoutUrgentNotice(): string {
  const folder = copyOfSample();
  const file = join(folder, 'notices/system-maintenance.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('urgent: true', 'urgent: false'));
  return folder;
}

type Box = { top: number; bottom: number };
const boxOf = async (page: Page, selector: string): Promise<Box | undefined> => {
  const b = await page.locator(selector).first().boundingBox();
  return b ? { top: b.y, bottom: b.y + b.height } : undefined;
};

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const banner of [true, false]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const r = REGIONS[locale];
        test(`every guide's first screen holds its four facts above the dock, ${banner ? 'with' : 'without'} an urgent banner: ${orientation}, ${locale}`, async ({
          page,
        }) => {
          test.setTimeout(120_000);
          const kiosk = await kioskOnFeed(banner ? undefined : hallWithoutUrgentNotice());
          await page.goto(`${kiosk.url}/?e2e&device=lobby-1&idle=3600`);
          await expect(page.locator('.home')).toBeVisible({ timeout: 60_000 });
          const failures: string[] = [];
          for (const { screen } of allScreens()) {
            if (screen.name !== 'service') continue;
            await openScreen(page, screen, locale);
            await expect(page.getByRole('alert')).toHaveCount(banner ? 1 : 0);
            const dock = (await boxOf(page, 'nav.dock'))!.top;
            const main = (await boxOf(page, 'main'))!.top;
            for (const name of [r.where, r.howLong, r.howMuch]) {
              const b = await page.getByRole('region', { name, exact: true }).boundingBox();
              if (!b) continue; // A service with no time limit has no "how long".
              if (b.y < main || b.y + b.height > dock)
                failures.push(
                  `${screen.id}: "${name}" spans ${Math.round(b.y)}–${Math.round(b.y + b.height)}, screen ${Math.round(main)}–${Math.round(dock)}`,
                );
            }
            // The checklist starts on the first screen: its heading and its first paper whole above the dock.
            const first = await boxOf(page, '.guide-bring .guide-material');
            const heading = await page.getByRole('heading', { name: r.bring, exact: true }).boundingBox();
            if (!first || !heading || heading.y < main || first.bottom > dock)
              failures.push(
                `${screen.id}: the checklist's first paper ends at ${first?.bottom}, dock at ${dock}`,
              );
            if (screen.id === ID_CARD)
              await page.screenshot({
                path: `${SHOTS}/guide-first-${banner ? 'banner' : 'plain'}-${orientation}-${locale === 'en' ? 'en' : 'zh'}.png`,
              });
            for (const s of await smallTexts(page)) {
              // The content version footer belongs to the shell (issue 12 item 10, another change).
              if (!s.where.includes('quiet-footer'))
                failures.push(`${screen.id}: ${s.px} px "${s.text}" at ${s.where}`);
            }
          }
          expect(failures).toEqual([]);
          await kiosk.close();
        });
      }
    }
  });
}
