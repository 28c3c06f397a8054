/**
 * What the kiosk's search answers: hits grouped by kind, with the ranges of the title to highlight. The
 * shapes live beside the query code in content/search/results.ts, which the relevance tests share.
 */
export type { Searcher, SearchHit, SearchKind, SearchResults } from '../../content/search/results.ts';
