/**
 * The search engine chunk, imported only when search opens: opens the bundle's index, or, for a bundle
 * published before indexes existed, builds one here (without pinyin, which only the publisher knows).
 */
import { buildSearchIndex, type SearchableContent } from '../../content/search/build-index.ts';
import type { SearchIndexDocumentT } from '../../content/search/index-doc.ts';
import { createSearcher, openIndexAsync, type SearcherSource } from '../../content/search/searcher.ts';
import type { Searcher } from './types.ts';

export async function searcherFor(
  content: SearchableContent | undefined,
  indexText: string | undefined,
  source: SearcherSource,
): Promise<Searcher> {
  let doc: SearchIndexDocumentT;
  if (indexText) doc = JSON.parse(indexText) as SearchIndexDocumentT;
  else if (content) doc = buildSearchIndex(content, (text) => [...text].map(() => undefined));
  else throw new Error('search needs an index or the content to build one from');
  return createSearcher(await openIndexAsync(doc), source);
}
