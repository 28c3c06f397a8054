/** The searcher of the active content, loaded once per content version and kept while the kiosk runs. */
import { useEffect, useState } from 'preact/hooks';
import type { ActiveContent } from '../../../sync/index.ts';
import { loadSearcher } from '../../search/load-searcher.ts';
import type { Searcher } from '../../search/types.ts';

/** Keyed by the content object: a new version (activated while idle) gets its own searcher, the old is collected. */
const searchers = new WeakMap<ActiveContent, Promise<Searcher>>();

function searcherFor(content: ActiveContent, today: () => string): Promise<Searcher> {
  let found = searchers.get(content);
  if (!found) {
    found = loadSearcher(content, { today });
    // A failed load is not kept: the next visit to the screen tries again.
    found.catch(() => searchers.delete(content));
    searchers.set(content, found);
  }
  return found;
}

export type SearcherState =
  | { state: 'loading' }
  | { state: 'ready'; searcher: Searcher }
  | { state: 'failed' };

/** `today` is the clock model's: what is out of its dates is no hit, and that changes at midnight with no network. */
export function useSearcher(content: ActiveContent, today: () => string): SearcherState {
  const [result, setResult] = useState<{ content: ActiveContent; state: SearcherState }>({
    content,
    state: { state: 'loading' },
  });
  useEffect(() => {
    let current = true;
    searcherFor(content, today).then(
      (searcher) => current && setResult({ content, state: { state: 'ready', searcher } }),
      () => current && setResult({ content, state: { state: 'failed' } }),
    );
    return () => {
      current = false;
    };
    // Only new content makes a new searcher: `today` reads the clock's signal at each search.
  }, [content]);
  // Until the new content's searcher arrives, do not answer from the old one.
  return result.content === content ? result.state : { state: 'loading' };
}
