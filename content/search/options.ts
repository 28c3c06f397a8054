/** The fields and tokenising MiniSearch must be given alike when it builds the index and when it loads it. */
import type { Options } from 'minisearch';
import { indexTerms } from './tokenize.ts';

/** One indexed entity. `key` is `kind:id`, like `service:passport`. */
export type IndexedDoc = {
  key: string;
  /** Names in every locale, one per line. */
  name: string;
  /** What else a visitor may look for: materials, responsibilities, scope, a notice's body… */
  text: string;
  /** The Chinese name's syllables joined (不动产登记 → budongchandengji): typed from its start. */
  pinyin: string;
  /** The Chinese name's pinyin initials (不动产登记 → bdcdj). */
  initials: string;
  /** Ready-made terms (space-separated): the syllables joined from each later character on (dengji…). */
  pinyinInner: string;
  /** Ready-made terms: the initials from each later character on (dcdj, cdj, dj, j). */
  initialsInner: string;
  /** The default-locale name's syllables, one per code point, "-" for a character that is not Han. */
  py: string;
};

export const SEARCH_FIELDS = ['name', 'text', 'pinyin', 'initials', 'pinyinInner', 'initialsInner'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const PINYIN_FIELDS: readonly SearchField[] = ['pinyin', 'initials', 'pinyinInner', 'initialsInner'];
/**
 * Names count most; pinyin is a way to type a name, so it ranks close to the name itself, and more when
 * typed from the name's start than from a word inside it.
 */
export const FIELD_BOOST: Record<SearchField, number> = {
  name: 4,
  pinyin: 3,
  initials: 3,
  pinyinInner: 2,
  initialsInner: 2,
  text: 1,
};

const READY_MADE = new Set<string | undefined>(PINYIN_FIELDS);

export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'key',
  fields: [...SEARCH_FIELDS],
  storeFields: ['py'],
  tokenize: (text, field) => (READY_MADE.has(field) ? text.split(' ').filter(Boolean) : indexTerms(text)),
  // Terms are normalised by the tokeniser already (and queries arrive as terms).
  processTerm: (term) => term,
};
