/**
 * Answers a visitor's query from the index: every key press runs the typed terms (all must match, or
 * failing that any), once more for each synonym the query holds, then ranks, groups by kind and highlights.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { resolveText } from '../localized.ts';
import type { LocalizedText } from '../schema.ts';
import { highlight } from './highlight.ts';
import type { SearchIndexDocumentT } from './index-doc.ts';
import { FIELD_BOOST, type IndexedDoc, MINISEARCH_OPTIONS, PINYIN_FIELDS } from './options.ts';
import { KIND_ORDER, type Searcher, type SearchHit, type SearchKind, type SearchResults } from './results.ts';
import { type QueryVariant, synonymVariants } from './synonyms.ts';
import { normalize, type QueryTerm, queryTerms } from './tokenize.ts';

/** An entity a hit can name. */
export type SearchEntry = { kind: SearchKind; id: string; name: LocalizedText };
export type SearcherSource = {
  entries: SearchEntry[];
  defaultLocale: string;
  /** Word groups from hall.yaml `synonyms`. */
  synonyms: string[][];
  /** Popular searches from hall.yaml `popularSearches`. */
  popular: LocalizedText[];
  /** Whether the visitor may see this entity now (dates); hidden ones are never hits. */
  isShown?: (kind: SearchKind, id: string) => boolean;
  /** Hits per group at most (default 50); `total` says how many matched. */
  limit?: number;
};

/** A visitor looks for a service first; notices are news, not things to do. */
const KIND_WEIGHT: Record<SearchKind, number> = {
  service: 1.2,
  department: 1.1,
  fee: 1,
  channel: 1,
  notice: 0.8,
};
/** A synonym's hits rank a little below the words the visitor typed. */
const SYNONYM_WEIGHT = 0.9;
/** When no hit matches every term, hits of any term are shown, at half weight. */
const ANY_TERM_WEIGHT = 0.5;
const WORD_FIELDS = ['name', 'text'];
const PINYIN = [...PINYIN_FIELDS];
const NAME_START_PINYIN = ['initials'];
const SHORT_PINYIN = ['initials', 'pinyin', 'initialsInner'];
const PINYIN_WEIGHTS = { prefix: 0.9, fuzzy: 0 };

/** Pinyin typed syllable by syllable (bu dong chan) is also tried joined, as the index holds it. */
function joinedSyllables(query: string): QueryVariant[] {
  const words = query.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^[a-z]+$/i.test(w))) return [];
  return [{ text: words.join(''), synonym: true }];
}

type Serialised = Parameters<typeof MiniSearch.loadJS>[0];

export function openIndex(doc: SearchIndexDocumentT): MiniSearch<IndexedDoc> {
  return MiniSearch.loadJS(doc.index as Serialised, MINISEARCH_OPTIONS);
}

/** The same, yielding to the page every thousand terms: a large index must not freeze the screen. */
export function openIndexAsync(doc: SearchIndexDocumentT): Promise<MiniSearch<IndexedDoc>> {
  return MiniSearch.loadJSAsync(doc.index as Serialised, MINISEARCH_OPTIONS);
}

type Found = {
  entry: SearchEntry;
  result: SearchResult;
  score: number;
  /** The terms and matches of every variant of the query that found it. */
  terms: QueryTerm[][];
  matches: Array<Record<string, string[]>>;
};

export function createSearcher(index: MiniSearch<IndexedDoc>, source: SearcherSource): Searcher {
  const entries = new Map(source.entries.map((e) => [`${e.kind}:${e.id}`, e]));
  const normalizedNames = new Map(
    source.entries.map((e) => [
      `${e.kind}:${e.id}`,
      (typeof e.name === 'string' ? [e.name] : Object.values(e.name)).map(normalize),
    ]),
  );
  const limit = source.limit ?? 50;
  const shown = (key: string): boolean => {
    const e = entries.get(key);
    return e !== undefined && (source.isShown?.(e.kind, e.id) ?? true);
  };

  const run = (terms: QueryTerm[], combineWith: 'AND' | 'OR'): SearchResult[] => {
    const query: Query = {
      combineWith,
      queries: terms.map((t): Query => {
        const words = { queries: [t.term], prefix: t.prefix, fuzzy: t.fuzzy > 0 ? t.fuzzy : false };
        if (t.han) return { ...words, fields: WORD_FIELDS };
        // One letter would start thousands of words: it is read as the first initial of a name only;
        // two letters are initials or the start of a name's pinyin, not yet a syllable inside one.
        const oneLetter = t.term.length === 1;
        return {
          combineWith: 'OR',
          queries: [
            { ...words, prefix: t.prefix && !oneLetter, fields: WORD_FIELDS },
            // Pinyin is typed from a syllable's start and never with a typo worth guessing; a short
            // start (hz) stands for the whole (hzqf) nearly as well as the whole does, and a word typed
            // in full (bu dong chan) is still the start of the name's joined syllables.
            {
              queries: [t.term],
              prefix: true,
              fuzzy: false,
              fields: oneLetter ? NAME_START_PINYIN : t.term.length < 3 ? SHORT_PINYIN : PINYIN,
              weights: PINYIN_WEIGHTS,
            },
          ],
        };
      }),
    };
    return index.search(query, {
      boost: FIELD_BOOST,
      tokenize: (term) => [term],
      processTerm: (term) => term,
      filter: (r) => shown(r.id as string),
    });
  };

  /** A name that is, starts with or holds what was typed (spaces aside) is what the visitor meant. */
  const nameWeight = (key: string, typed: string): number => {
    if ([...typed].length < 2) return 1;
    const names = normalizedNames.get(key) ?? [];
    if (names.some((n) => n === typed)) return 3;
    if (names.some((n) => n.startsWith(typed))) return 2;
    if (names.some((n) => n.includes(typed))) return 1.5;
    return 1;
  };

  const hit = (f: Found, locale: string): SearchHit => {
    const e = f.entry;
    const title = resolveText(e.name, locale, source.defaultLocale);
    const isIndexedName = title === resolveText(e.name, source.defaultLocale, source.defaultLocale);
    const py = isIndexedName ? (f.result.py as string | undefined) || undefined : undefined;
    // Every variant that found the hit (typed words, synonyms) shows in its highlights.
    const match: Record<string, string[]> = {};
    for (const m of f.matches)
      for (const [term, fields] of Object.entries(m)) match[term] = [...(match[term] ?? []), ...fields];
    return {
      kind: e.kind,
      id: e.id,
      title,
      highlights: highlight(title, f.terms.flat(), match, py),
      score: f.score,
    };
  };

  return {
    search(query: string, locale: string): SearchResults {
      const found = new Map<string, Found>();
      for (const variant of [...synonymVariants(query, source.synonyms), ...joinedSyllables(query)]) {
        const terms = queryTerms(variant.text);
        if (terms.length === 0) continue;
        let results = run(terms, 'AND');
        let weight = variant.synonym ? SYNONYM_WEIGHT : 1;
        if (results.length === 0 && terms.length > 1) {
          results = run(terms, 'OR');
          weight *= ANY_TERM_WEIGHT;
        }
        const typed = normalize(variant.text).replace(/\s+/g, ' ').trim();
        // MiniSearch sums over terms and multiplies by the terms matched: a per-term score compares
        // a synonym's hits (other words, other counts) fairly with the typed words' hits.
        weight /= terms.length * terms.length;
        for (const result of results) {
          const key = result.id as string;
          const entry = entries.get(key)!;
          const score = result.score * weight * KIND_WEIGHT[entry.kind] * nameWeight(key, typed);
          const before = found.get(key);
          // The best variant ranks the hit.
          if (!before) found.set(key, { entry, result, score, terms: [terms], matches: [result.match] });
          else {
            before.terms.push(terms);
            before.matches.push(result.match);
            if (before.score < score) Object.assign(before, { result, score });
          }
        }
      }
      const ranked = [...found.values()].sort((a, b) => b.score - a.score);
      const byKind = new Map<SearchKind, Found[]>(KIND_ORDER.map((k) => [k, []]));
      for (const f of ranked) byKind.get(f.entry.kind)!.push(f);
      const groups = KIND_ORDER.map((kind) => {
        const all = byKind.get(kind)!;
        return { kind, hits: all.slice(0, limit).map((f) => hit(f, locale)), total: all.length };
      }).filter((g) => g.total > 0);
      const top = ranked[0];
      return { query, groups, ...(top ? { best: hit(top, locale) } : {}) };
    },
    popular: (locale) =>
      source.popular.map((p) => resolveText(p, locale, source.defaultLocale)).filter((p) => p !== ''),
  };
}
