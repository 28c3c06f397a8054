/**
 * Loads the searcher for the active content. FIRST CUT: a plain substring match over names, so the search
 * screen can be built; the publish-time index (MiniSearch, pinyin, synonyms) replaces it.
 */

import { resolveText } from '../../content/localized.ts';
import type { LocalizedText } from '../../content/schema.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { Searcher, SearchHit, SearchKind, SearchResults } from './types.ts';

const ORDER: SearchKind[] = ['service', 'department', 'fee', 'channel', 'notice'];

export async function loadSearcher(content: ActiveContent): Promise<Searcher> {
  const entries: Array<{ kind: SearchKind; id: string; name: LocalizedText }> = [
    ...content.services.map((s) => ({ kind: 'service' as const, id: s.id, name: s.name })),
    ...content.departments.map((d) => ({ kind: 'department' as const, id: d.id, name: d.name })),
    ...content.fees.map((f) => ({ kind: 'fee' as const, id: f.id, name: f.name })),
    ...content.channels.map((c) => ({ kind: 'channel' as const, id: c.id, name: c.name })),
    ...content.notices.map((n) => ({ kind: 'notice' as const, id: n.id, name: n.title })),
  ];
  const fallback = content.manifest.defaultLocale;
  return {
    search(query: string, locale: string): SearchResults {
      const q = query.trim().toLowerCase();
      const hits: SearchHit[] = [];
      if (q)
        for (const e of entries) {
          const title = resolveText(e.name, locale, fallback);
          const at = title.toLowerCase().indexOf(q);
          if (at >= 0)
            hits.push({ kind: e.kind, id: e.id, title, highlights: [[at, at + q.length]], score: 1 });
        }
      const groups = ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter(
        (g) => g.hits.length > 0,
      );
      return { query, groups };
    },
    popular: () => [],
  };
}
