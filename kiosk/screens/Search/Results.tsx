/** Hits grouped by kind under headings, each a large button with the matched parts of its title marked. */

import { useT } from '../../app/context.ts';
import type { SearchHit, SearchResults } from '../../search/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { markedParts } from './results.ts';

export function Results({
  groups,
  detail,
  onOpen,
}: {
  groups: SearchResults['groups'];
  /** A line under the title that tells like-named hits apart (a service's department). */
  detail: (hit: SearchHit) => string | undefined;
  onOpen: (hit: SearchHit) => void;
}) {
  const t = useT('search');
  return (
    <>
      {groups.map((g) => (
        <section key={g.kind} class="search-group" aria-labelledby={`search-group-${g.kind}`}>
          <h2 id={`search-group-${g.kind}`}>
            {t(`kinds.${g.kind}`)} <span class="search-group-count">{g.total ?? g.hits.length}</span>
          </h2>
          <ul class="plain-list">
            {g.hits.map((hit) => (
              <li key={hit.id}>
                <button type="button" class="search-hit" onClick={() => onOpen(hit)}>
                  <span class="search-hit-text">
                    <span class="search-hit-title">
                      {markedParts(hit.title, hit.highlights).map((p, i) =>
                        p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
                      )}
                    </span>
                    {detail(hit) && <span class="search-hit-detail">{detail(hit)}</span>}
                  </span>
                  <Icon name="chevron" size={28} />
                </button>
              </li>
            ))}
          </ul>
          {(g.total ?? 0) > g.hits.length && (
            <p class="search-more">{t('more', { count: (g.total ?? 0) - g.hits.length })}</p>
          )}
        </section>
      ))}
    </>
  );
}
