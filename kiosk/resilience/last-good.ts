/** A tiny snapshot of the last content that rendered: enough for the fallback to name the hall and its help desk. */
import { resolveText } from '../../content/localized.ts';
import type { ActiveContent } from '../../sync/index.ts';

export type LastGood = {
  version: number;
  defaultLocale: string;
  /** Per locale (the default and English): the hall's name and where its help desk is. */
  texts: Record<string, { hall: string; helpDesk?: { place: string; floor: string } }>;
};

export const LAST_GOOD_KEY = 'sunlight.resilience.last-good';

export function snapshotOf(content: ActiveContent): LastGood {
  const defaultLocale = content.manifest.defaultLocale;
  const floor = content.hall.floors.find((f) => f.places.some((p) => p.kind === 'help-desk'));
  const desk = floor?.places.find((p) => p.kind === 'help-desk');
  const texts: LastGood['texts'] = {};
  for (const locale of new Set([defaultLocale, 'en'])) {
    const t = (x: Parameters<typeof resolveText>[0]) => resolveText(x, locale, defaultLocale);
    texts[locale] = {
      hall: t(content.hall.name),
      ...(floor && desk ? { helpDesk: { place: t(desk.name), floor: t(floor.name) } } : {}),
    };
  }
  return { version: content.version, defaultLocale, texts };
}

/** The version last saved, so a good render of the same version costs no storage read. */
let savedVersion: number | undefined;

/** Saves the snapshot when the version changed; storage errors only cost the fallback its names. */
export function saveLastGood(content: ActiveContent): void {
  if (savedVersion === content.version) return;
  try {
    savedVersion = readLastGood()?.version;
    if (savedVersion === content.version) return;
    localStorage.setItem(LAST_GOOD_KEY, JSON.stringify(snapshotOf(content)));
    savedVersion = content.version;
  } catch {
    // A fallback without names still says where to go: the help desk.
  }
}

export function readLastGood(): LastGood | undefined {
  try {
    const raw = localStorage.getItem(LAST_GOOD_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return parsed && typeof parsed === 'object' && 'texts' in parsed ? (parsed as LastGood) : undefined;
  } catch {
    return undefined;
  }
}
