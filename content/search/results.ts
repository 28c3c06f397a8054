/** What a search answers: hits grouped by kind, with the ranges of the title to highlight. */
export type SearchKind = 'service' | 'department' | 'fee' | 'channel' | 'notice';
/** Groups come in this order whatever their scores: a visitor looks for a service first. */
export const KIND_ORDER: readonly SearchKind[] = ['service', 'department', 'fee', 'channel', 'notice'];

export type SearchHit = {
  kind: SearchKind;
  id: string;
  /** The entity's name in the asked locale. */
  title: string;
  /** Half-open [start, end) ranges of `title` (UTF-16 indices, as `slice` takes them) that matched. */
  highlights: Array<[number, number]>;
  score: number;
};

export type SearchResults = {
  query: string;
  /** Kinds in a fixed order (services first), only kinds with hits, best hits first. */
  groups: Array<{
    kind: SearchKind;
    hits: SearchHit[];
    /** How many matched in all; `hits` stops at a screenful or two. */
    total?: number;
  }>;
  /** The best hit of any kind: what the visitor most likely meant. */
  best?: SearchHit;
};

export type Searcher = {
  search(query: string, locale: string): SearchResults;
  /** Popular searches from the content, in the asked locale, for one-tap chips. */
  popular(locale: string): string[];
};
