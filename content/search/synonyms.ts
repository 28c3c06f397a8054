/**
 * Synonyms, expanded at query time: a query that holds one word of a group (hall.yaml `synonyms`) is also
 * run with each other word of the group in its place, so 房产证 finds 不动产权证书. The index stays the same
 * whatever the groups; they travel in the hall document.
 */
import { normalize } from './tokenize.ts';

export type QueryVariant = { text: string; synonym: boolean };

export function synonymVariants(query: string, groups: string[][]): QueryVariant[] {
  const typed = normalize(query);
  const variants: QueryVariant[] = [{ text: query, synonym: false }];
  const seen = new Set([typed]);
  for (const group of groups) {
    const words = group.map(normalize);
    for (const word of words) {
      if (!word || !containsWord(typed, word)) continue;
      for (const other of words) {
        const text = typed.replace(word, other);
        if (other === word || seen.has(text)) continue;
        seen.add(text);
        variants.push({ text, synonym: true });
      }
    }
  }
  return variants;
}

/** Chinese words may sit anywhere in a query; Latin words only as whole words (id is not in "idle"). */
function containsWord(text: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return text.includes(word);
  const at = text.indexOf(word);
  if (at < 0) return false;
  const before = text[at - 1];
  const after = text[at + word.length];
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return !letter(before) && !letter(after);
}
