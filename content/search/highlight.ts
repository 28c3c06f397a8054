/**
 * Which characters of a hit's title to highlight: Chinese terms where they occur, the typed part of each
 * word, a word matched despite a typo, and for a pinyin match the Chinese characters it spelled.
 */
import { PINYIN_FIELDS } from './options.ts';
import { normalize, type QueryTerm, singular } from './tokenize.ts';

export type Range = [number, number];

/** The title normalised as the index was, and where each normalised code unit came from in the title. */
function normalizedTitle(title: string): { text: string; from: Range[] } {
  let text = '';
  const from: Range[] = [];
  let at = 0;
  for (const ch of title) {
    const n = normalize(ch);
    for (let i = 0; i < n.length; i++) from.push([at, at + ch.length]);
    text += n;
    at += ch.length;
  }
  return { text, from };
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const PINYIN = new Set<string>(PINYIN_FIELDS);
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/**
 * `matched` maps each index term the hit matched to its fields (MiniSearch's `match`). `py` is the
 * syllables of the title when the title is the indexed Chinese name, else undefined.
 */
export function highlight(
  title: string,
  terms: QueryTerm[],
  matched: Record<string, string[]>,
  py: string | undefined,
): Range[] {
  const { text, from } = normalizedTitle(title);
  const found: Range[] = [];
  const add = (start: number, end: number) => {
    if (end > start) found.push([from[start]![0], from[end - 1]![1]]);
  };
  for (const t of terms.filter((q) => q.han)) {
    for (let at = text.indexOf(t.term); at >= 0; at = text.indexOf(t.term, at + 1))
      add(at, at + t.term.length);
  }
  const words = terms.filter((q) => !q.han);
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index;
    const typed = words.filter((q) => word.startsWith(q.term)).map((q) => q.term.length);
    if (words.some((q) => singular(word) === q.term)) add(at, at + word.length);
    else if (typed.length > 0) add(at, at + Math.max(...typed));
    else if (matched[word]?.includes('name') && words.some((q) => q.fuzzy > 0)) add(at, at + word.length);
  }
  const pinyinTerms = Object.entries(matched).filter(([, fields]) => fields.some((f) => PINYIN.has(f)));
  if (py !== undefined && pinyinTerms.length > 0) found.push(...pinyinRanges(title, py, words, pinyinTerms));
  if (found.length === 0 && pinyinTerms.length > 0) return [[0, title.length]];
  return mergeRanges(found);
}

/** The characters a pinyin or initials query spelled: the first place its term starts, as far as typed. */
function pinyinRanges(
  title: string,
  py: string,
  words: QueryTerm[],
  pinyinTerms: Array<[string, string[]]>,
): Range[] {
  const chars: Range[] = [];
  let at = 0;
  for (const ch of title) {
    chars.push([at, at + ch.length]);
    at += ch.length;
  }
  const syllables = py.split(' ');
  if (syllables.length !== chars.length) return [];
  const han = syllables.flatMap((s, i) => (s === '-' ? [] : [{ s, i }]));
  const found: Range[] = [];
  for (const [term, fields] of pinyinTerms) {
    const q = words.find((w) => term.startsWith(w.term));
    if (!q) continue;
    for (const field of fields.filter((f) => PINYIN.has(f))) {
      const spell = (k: number) => (field.startsWith('initials') ? han[k]!.s[0]! : han[k]!.s);
      for (let k = 0; k < han.length; k++) {
        let written = '';
        for (let j = k; j < han.length && written.length < term.length; j++) written += spell(j);
        if (!written.startsWith(term)) continue;
        let typed = 0;
        for (let j = k; j < han.length && typed < q.term.length; j++) {
          typed += spell(j).length;
          found.push(chars[han[j]!.i]!);
        }
        break;
      }
    }
  }
  return found;
}
