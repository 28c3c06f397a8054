/**
 * Loads the searcher for the active content, when search first opens: MiniSearch and the query code come
 * as their own chunk (not in the initial JavaScript), the index from the bundle's `search` document.
 */
import { hallTimeZone, localDate } from '../../content/hall-time.ts';
import { inForce, noticeInForce } from '../../content/in-force.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { Searcher } from './types.ts';

export type LoadSearcherOptions = {
  /** Today as YYYY-MM-DD (the clock model's): services, fees and notices out of their dates are not hits. */
  today?: () => string;
};

export async function loadSearcher(
  content: ActiveContent,
  options: LoadSearcherOptions = {},
): Promise<Searcher> {
  const [engine, text] = await Promise.all([
    import('./search-engine.ts'),
    content.loadSearchIndex?.() ?? Promise.resolve(undefined),
  ]);
  // Without the clock model's today: the hall's date now, in the hall's zone (not the terminal's).
  const zone = hallTimeZone(content.hall);
  const today = options.today ?? (() => localDate(new Date(), zone));
  const services = new Map(content.services.map((s) => [s.id, s]));
  const fees = new Map(content.fees.map((f) => [f.id, f]));
  const notices = new Map(content.notices.map((n) => [n.id, n]));
  const searchable = { ...content, defaultLocale: content.manifest.defaultLocale };
  return engine.searcherFor(searchable, text, {
    entries: [
      ...content.services.map((s) => ({ kind: 'service' as const, id: s.id, name: s.name })),
      ...content.departments.map((d) => ({ kind: 'department' as const, id: d.id, name: d.name })),
      ...content.fees.map((f) => ({ kind: 'fee' as const, id: f.id, name: f.name })),
      ...content.channels.map((c) => ({ kind: 'channel' as const, id: c.id, name: c.name })),
      ...content.notices.map((n) => ({ kind: 'notice' as const, id: n.id, name: n.title })),
    ],
    defaultLocale: content.manifest.defaultLocale,
    synonyms: content.hall.synonyms ?? [],
    popular: content.hall.popularSearches ?? [],
    isShown(kind, id) {
      const day = today();
      if (kind === 'service') return inForce(services.get(id) ?? {}, day);
      if (kind === 'fee') return inForce(fees.get(id) ?? {}, day);
      if (kind === 'notice') {
        const n = notices.get(id);
        return n !== undefined && noticeInForce(n, day);
      }
      return true;
    },
  });
}
