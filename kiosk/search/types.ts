/** What the kiosk's search answers: hits grouped by kind, with the ranges of the title to highlight. */
export type SearchKind = 'service' | 'department' | 'fee' | 'channel' | 'notice';

export type SearchHit = {
  kind: SearchKind;
  id: string;
  /** The entity's name in the asked locale. */
  title: string;
  /** Half-open [start, end) character ranges of `title` that matched, for highlighting. */
  highlights: Array<[number, number]>;
  score: number;
};

export type SearchResults = {
  query: string;
  /** Kinds in a fixed order (services first), only kinds with hits, best hits first. */
  groups: Array<{ kind: SearchKind; hits: SearchHit[] }>;
};

export type Searcher = {
  search(query: string, locale: string): SearchResults;
  /** Popular searches from the content, in the asked locale, for one-tap chips. */
  popular(locale: string): string[];
};
