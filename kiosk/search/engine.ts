/**
 * The search engine chunk, imported only when search opens: opens the bundle's index, or, for a bundle
 * published before indexes existed, builds one here (without pinyin, which only the publisher knows).
 */
import { buildSearchIndex } from '../../content/search/build-index.ts';
import type { SearchIndexDocumentT } from '../../content/search/index-doc.ts';
import { createSearcher, openIndex, type SearcherSource } from '../../content/search/searcher.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { Searcher } from './types.ts';

export function searcherFor(
  content: ActiveContent,
  indexText: string | undefined,
  source: SearcherSource,
): Searcher {
  const doc: SearchIndexDocumentT = indexText
    ? (JSON.parse(indexText) as SearchIndexDocumentT)
    : buildSearchIndex({ ...content, defaultLocale: content.manifest.defaultLocale }, (text) =>
        [...text].map(() => undefined),
      );
  return createSearcher(openIndex(doc), source);
}
