/**
 * Search: results beside (landscape) or above (portrait), the typed text just above the keyboard, low on the
 * screen within reach. The query lives in the screen on the visit's stack, so a wipe clears it. Like every
 * screen but home, this is a lazy chunk (kiosk/app/lazy-screens.ts); the searcher loads on first use.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useApp, useT } from '../../app/context.ts';
import { helpDeskScreen } from '../../app/help-desk.ts';
import type { SearchHit } from '../../search/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Keyboard } from './Keyboard.tsx';
import { applyKey, type Key } from './keys.ts';
import { Results } from './Results.tsx';
import { hitCount, hitTarget } from './results.ts';
import { useSearcher } from './use-searcher.ts';
import './style.css';

export function SearchScreen({ query = '' }: { query?: string | undefined }) {
  const { view, visit, clock } = useApp();
  const t = useT('search');
  const locale = visit.locale.value;
  const found = useSearcher(view.content.value, () => clock.today.value);
  const searcher = found.state === 'ready' ? found.searcher : undefined;
  // Each key replaces the screen, so back leaves search instead of stepping through every letter.
  const setQuery = (q: string) => visit.replace(q ? { name: 'search', query: q } : { name: 'search' });
  const onKey = (key: Key) => setQuery(applyKey(query, key));

  // What is in force changes with the date (a new day, a new version): search again when it does.
  const inForce = [view.services.value, view.fees.value, view.notices.value];
  const groups = useMemo(
    () => (searcher && query.trim() ? searcher.search(query, locale).groups : []),
    [searcher, query, locale, ...inForce],
  );
  const count = hitCount(groups);
  const detail = (hit: SearchHit) => {
    const service = hit.kind === 'service' ? view.service(hit.id) : undefined;
    const department = service && view.department(service.department);
    return department && view.text.value(department.name);
  };
  const popular = useMemo(() => searcher?.popular(locale) ?? [], [searcher, locale]);
  const helpDesk = helpDeskScreen(view.content.value.hall);

  // New results start at their top.
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => list.current?.scrollTo(0, 0), [query]);

  const status =
    found.state === 'failed'
      ? t('unavailable')
      : !query.trim()
        ? ''
        : !searcher
          ? t('preparing')
          : count > 0
            ? t('found', { count })
            : t('none', { query: query.trim() });

  return (
    <div class="search">
      <div class="search-answers">
        <h1>{t('title')}</h1>
        <p class="search-status" role="status">
          {status}
        </p>
        <div class="search-list" ref={list}>
          {!query.trim() ? (
            <>
              <p class="search-hint">{t('hint')}</p>
              {popular.length > 0 && (
                <section aria-labelledby="search-popular">
                  <h2 id="search-popular">{t('popular')}</h2>
                  <ul class="plain-list search-chips">
                    {popular.map((p) => (
                      <li key={p}>
                        <button type="button" class="search-chip" onClick={() => setQuery(p)}>
                          {p}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </>
          ) : searcher && count === 0 ? (
            <>
              <p class="search-none">{t('noneHelp')}</p>
              {helpDesk && (
                <button type="button" class="search-help-desk" onClick={() => visit.go(helpDesk)}>
                  <Icon name="help" /> {t('helpDesk')}
                </button>
              )}
            </>
          ) : (
            <Results groups={groups} detail={detail} onOpen={(hit) => visit.go(hitTarget(hit))} />
          )}
        </div>
      </div>
      <div class="search-input">
        {/* biome-ignore lint/a11y/useSemanticElements: a real <input> would summon the terminal's own keyboard */}
        <div
          class="search-field"
          tabIndex={0}
          role="searchbox"
          aria-readonly="true"
          aria-label={t('field')}
          aria-placeholder={t('placeholder')}
        >
          {query ? (
            <span class="search-field-text">{query}</span>
          ) : (
            <span class="search-field-placeholder" aria-hidden="true">
              {t('placeholder')}
            </span>
          )}
          <span class="search-caret" aria-hidden="true" />
        </div>
        <Keyboard onKey={onKey} />
      </div>
    </div>
  );
}
