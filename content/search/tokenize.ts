/**
 * The one tokeniser of search: the publisher indexes with it and the kiosk queries with it, so their terms
 * always meet. Chinese needs no word segmenter: a run of Han characters becomes overlapping bigrams; other
 * letters and digits become words. See docs/search.md.
 */

/** A run of Han characters, or a run of other letters and digits (a word). */
const PIECE = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
/** Words too common to tell documents apart; dropped from the index and from queries of several words. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'your',
]);

/**
 * English plurals meet their singular (fees → fee, letters → letter) on both sides; -ss, -us and -is
 * words keep their s (business, bus, basis). Light on purpose: no stemmer, the rest is prefix and typos.
 */
export const singular = (word: string): string =>
  word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;

/** Full-width letters and digits become ASCII (NFKC), and case is ignored. */
export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();

export type Piece = { text: string; han: boolean };

export function pieces(normalized: string): Piece[] {
  const found: Piece[] = [];
  for (const m of normalized.matchAll(PIECE)) found.push({ text: m[0], han: m[1] !== undefined });
  return found;
}

/**
 * Overlapping bigrams of a Han run, plus its last character alone: every character then starts exactly
 * one term, so a one-character query finds it by prefix (护 → 护照), and a longer one by its bigrams.
 */
export function hanTerms(run: string): string[] {
  const chars = [...run];
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  terms.push(chars[chars.length - 1]!);
  return terms;
}

/** The terms a text is indexed under (names and other text). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const p of pieces(normalize(text))) {
    if (p.han) terms.push(...hanTerms(p.text));
    else if (!STOP_WORDS.has(p.text)) terms.push(singular(p.text));
  }
  return terms;
}

export type QueryTerm = {
  term: string;
  /** A Han term matches names and text only; a word also matches pinyin. */
  han: boolean;
  /** The visitor may still be typing it: match terms that start with it. */
  prefix: boolean;
  /** Edit distance allowed, as a fraction of the length (MiniSearch's `fuzzy`), or none. */
  fuzzy: number;
};

/** Words of at least this many letters may carry a typo (shorter ones have too many neighbours: seal, real). */
const FUZZY_FROM = 5;
const FUZZINESS = 0.2;

/**
 * The terms of what the visitor typed. The last word is a prefix unless a space follows it; a lone Han
 * character is a prefix; longer Han runs are their bigrams, exact. Letters-only words of 5+ may have a typo;
 * digits never do (12345 is not 12315).
 */
export function queryTerms(query: string): QueryTerm[] {
  const normalized = normalize(query);
  const found = pieces(normalized);
  const typing = !/\s$/.test(normalized);
  const terms: QueryTerm[] = [];
  found.forEach((p, i) => {
    const last = i === found.length - 1;
    if (p.han) {
      const chars = [...p.text];
      if (chars.length === 1) terms.push({ term: p.text, han: true, prefix: true, fuzzy: 0 });
      else
        for (let j = 0; j + 1 < chars.length; j++)
          terms.push({ term: chars[j]! + chars[j + 1]!, han: true, prefix: false, fuzzy: 0 });
      return;
    }
    if (found.length > 1 && STOP_WORDS.has(p.text) && !(last && typing)) return;
    const letters = /^\p{L}+$/u.test(p.text);
    terms.push({
      term: singular(p.text),
      han: false,
      prefix: last && typing,
      fuzzy: letters && p.text.length >= FUZZY_FROM ? FUZZINESS : 0,
    });
  });
  return terms;
}
