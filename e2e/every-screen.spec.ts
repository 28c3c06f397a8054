/**
 * Walks every screen of the sample hall in both languages and orientations: no `undefined`, `null`,
 * `NaN`, `[object Object]`, raw i18n key or broken image anywhere; axe finds no violation on any kind
 * of screen; a screenshot of each kind is written to e2e/.artifacts/screens/ (git ignores it).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { validateFolder } from '../content/validate.ts';
import type { Screen } from '../kiosk/app/screens.ts';
import { kioskOnFeed } from './fixtures/feed.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const today = new Date().toISOString().slice(0, 10);
const inForce = (x: { effective?: string; expires?: string }) =>
  (!x.effective || x.effective <= today) && (!x.expires || today <= x.expires);
const sample = validateFolder('content/sample').content!;

/** Every screen a visitor can reach, each with the kind it is screenshotted and checked by axe as. */
function allScreens(): { kind: string; screen: Screen }[] {
  const services = sample.services.map((s) => s.value).filter(inForce);
  const serviceWithFlow = services.find((s) => s.flow)!;
  return [
    { kind: 'home', screen: { name: 'home' } },
    { kind: 'services', screen: { name: 'services' } },
    { kind: 'services-topic', screen: { name: 'services', topic: sample.hall.value.topics[0]!.id } },
    ...services.map((s) => ({
      kind: s.id === serviceWithFlow.id ? 'service' : '',
      screen: { name: 'service', id: s.id } as Screen,
    })),
    ...services
      .filter((s) => s.flow)
      .flatMap((s) => [
        {
          kind: s.id === serviceWithFlow.id ? 'flow-chart' : '',
          screen: { name: 'flow', id: s.id, view: 'chart' } as Screen,
        },
        {
          kind: s.id === serviceWithFlow.id ? 'flow-list' : '',
          screen: { name: 'flow', id: s.id, view: 'list' } as Screen,
        },
      ]),
    { kind: 'directory', screen: { name: 'directory' } },
    ...sample.departments.map((d, i) => ({
      kind: i === 0 ? 'department' : '',
      screen: { name: 'department', id: d.value.id } as Screen,
    })),
    { kind: 'fees', screen: { name: 'fees' } },
    { kind: 'complaints', screen: { name: 'complaints' } },
    { kind: 'notices', screen: { name: 'notices' } },
    ...sample.notices
      .filter((n) => inForce({ expires: n.value.expires }) && n.value.date <= today)
      .map((n, i) => ({
        kind: i === 0 ? 'notice' : '',
        screen: { name: 'notice', id: n.value.id } as Screen,
      })),
    ...sample.hall.value.floors.map((f, i) => ({
      kind: i === 0 ? 'map' : '',
      screen: { name: 'map', floor: f.id } as Screen,
    })),
  ];
}

async function open(page: Page, screen: Screen, locale: string): Promise<void> {
  await page.evaluate(
    ([s, l]) => {
      const visit = (
        window as unknown as {
          sunlightVisit: { home(): void; go(s: unknown): void; setLocale(l: string): void };
        }
      ).sunlightVisit;
      visit.setLocale(l as string);
      visit.home();
      if ((s as Screen).name !== 'home') visit.go(s);
    },
    [screen, locale] as const,
  );
  await expect(page.locator('main h1').first()).toBeVisible();
}

async function problemsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a visitor sees
    const text = document.body.innerText;
    // Words must stand alone ("nullify" is fine); markers are bad anywhere.
    const bad = /(?<![A-Za-z])(undefined|null|NaN)(?![A-Za-z])|\[object Object\]|【i18n:/g;
    for (const m of text.matchAll(bad)) {
      const around = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ');
      problems.push(`"${m[0]}" in: …${around}…`);
    }
    for (const img of Array.from(document.images)) {
      if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
      if (img.naturalWidth === 0) problems.push(`broken image: ${img.alt || img.src}`);
    }
    return problems;
  });
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });
    for (const locale of ['zh-CN', 'en']) {
      test(`every screen reads cleanly: ${orientation}, ${locale}`, async ({ page }) => {
        test.setTimeout(180_000);
        const kiosk = await kioskOnFeed();
        await page.goto(`${kiosk.url}/?e2e&device=lobby-1`);
        await expect(page.locator('.home')).toBeVisible();
        const failures: string[] = [];
        for (const { kind, screen } of allScreens()) {
          await open(page, screen, locale);
          for (const p of await problemsOnScreen(page)) failures.push(`${JSON.stringify(screen)}: ${p}`);
          if (!kind) continue;
          await page.screenshot({
            path: `e2e/.artifacts/screens/${kind}-${orientation}-${locale === 'en' ? 'en' : 'zh'}.png`,
          });
          const axe = await new AxeBuilder({ page }).analyze();
          for (const v of axe.violations) {
            failures.push(
              `${kind}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
          }
        }
        expect(failures).toEqual([]);
        await kiosk.close();
      });
    }
  });
}
