/** A searcher over a content folder built exactly as publish builds the index, for tests and the bench. */
import { buildBundle } from '../bundle.ts';
import { noticeInForce } from '../in-force.ts';
import type { Channel, Department, Fee, Hall, Notice, Service } from '../schema.ts';
import { validateFolder } from '../validate.ts';
import type { SearchIndexDocumentT } from './index-doc.ts';
import type { Searcher, SearchKind } from './results.ts';
import { createSearcher, openIndex, type SearchEntry } from './searcher.ts';

/** `today` is the hall's date (YYYY-MM-DD, fixed so tests never read the calendar): notices out of their dates are not hits. */
export function searcherOfFolder(folder: string, today = '2026-11-27'): Searcher {
  const { content, problems } = validateFolder(folder, { today });
  if (!content) throw new Error(`${folder} does not validate: ${problems.errors.length} error(s)`);
  const bundle = buildBundle(content);
  const values = <T>(kind: string) =>
    bundle.documents.filter((d) => d.kind === kind).map((d) => d.value as T);
  const hall = values<Hall>('hall')[0]!;
  const entries: SearchEntry[] = [
    ...values<Service>('service').map((s) => ({ kind: 'service' as const, id: s.id, name: s.name })),
    ...values<Department>('department').map((d) => ({ kind: 'department' as const, id: d.id, name: d.name })),
    ...values<Fee>('fee').map((f) => ({ kind: 'fee' as const, id: f.id, name: f.name })),
    ...values<Channel[]>('channels')
      .flat()
      .map((c) => ({ kind: 'channel' as const, id: c.id, name: c.name })),
    ...values<Notice>('notice').map((n) => ({ kind: 'notice' as const, id: n.id, name: n.title })),
  ];
  const notices = new Map(values<Notice>('notice').map((n) => [n.id, n]));
  // Round-trip through JSON text, as a terminal receives the index.
  const doc = JSON.parse(JSON.stringify(values<SearchIndexDocumentT>('search')[0]!)) as SearchIndexDocumentT;
  return createSearcher(openIndex(doc), {
    entries,
    defaultLocale: bundle.defaultLocale,
    synonyms: hall.synonyms ?? [],
    popular: hall.popularSearches ?? [],
    isShown: (kind: SearchKind, id: string) => {
      const n = kind === 'notice' ? notices.get(id) : undefined;
      return !n || noticeInForce(n, today);
    },
  });
}
