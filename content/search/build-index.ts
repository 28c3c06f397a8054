/**
 * Builds the search index of a bundle over services, departments, fees, channels and notices: one
 * MiniSearch document per entity, names in every locale, other searchable text, and pinyin terms of its
 * Chinese name. Runs at publish time (with pinyin) and, for a bundle without an index, on the kiosk.
 */
import MiniSearch from 'minisearch';
import { resolveText } from '../localized.ts';
import type { Channel, Department, Fee, LocalizedText, Notice, RichNode, Service } from '../schema.ts';
import { SEARCH_INDEX_FORMAT, type SearchIndexDocumentT } from './index-doc.ts';
import { type IndexedDoc, MINISEARCH_OPTIONS } from './options.ts';

/** What is indexed: the entities as a bundle holds them. */
export type SearchableContent = {
  defaultLocale: string;
  services: Service[];
  departments: Department[];
  fees: Fee[];
  channels: Channel[];
  notices: Array<Notice & { body?: Record<string, RichNode[]> }>;
};
/** Syllables per code point of a text, undefined for a character that is not Han (content/search/pinyin.ts). */
export type SyllablesOf = (text: string) => Array<string | undefined>;

/** Pinyin terms start at every character, so a name is found from any of its words; suffixes stop here. */
const MAX_SUFFIX_SYLLABLES = 6;

const texts = (t: LocalizedText | undefined): string[] =>
  t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t);

function richTexts(r: Record<string, RichNode[]> | undefined): string[] {
  const found: string[] = [];
  const walk = (n: RichNode): void => {
    if (typeof n === 'string') found.push(n);
    else for (const c of n.c ?? []) walk(c);
  };
  for (const nodes of Object.values(r ?? {})) for (const n of nodes) walk(n);
  return found;
}

type PinyinFields = Pick<IndexedDoc, 'pinyin' | 'initials' | 'pinyinInner' | 'initialsInner' | 'py'>;

function pinyinFields(name: string, syllablesOf: SyllablesOf): PinyinFields {
  const syllables = syllablesOf(name);
  const han = syllables.filter((s): s is string => s !== undefined);
  if (han.length === 0) return { pinyin: '', initials: '', pinyinInner: '', initialsInner: '', py: '' };
  const full: string[] = [];
  const initials: string[] = [];
  for (let i = 1; i < han.length; i++) {
    const run = han.slice(i, i + MAX_SUFFIX_SYLLABLES);
    full.push(run.join(''));
    // A one-letter initials term inside a name is never looked up: one letter is read as a name's start.
    if (run.length > 1) initials.push(run.map((s) => s[0]).join(''));
  }
  return {
    pinyin: han.join(''),
    initials: han.map((s) => s[0]).join(''),
    pinyinInner: full.join(' '),
    initialsInner: initials.join(' '),
    py: syllables.map((s) => s ?? '-').join(' '),
  };
}

export function searchDocuments(c: SearchableContent, syllablesOf: SyllablesOf): IndexedDoc[] {
  const locale = c.defaultLocale;
  const doc = (key: string, name: LocalizedText, other: string[]): IndexedDoc => ({
    key,
    name: texts(name).join('\n'),
    text: other.join('\n'),
    // Pinyin of the name in the default locale: the one whose characters are indexed and highlighted.
    ...pinyinFields(resolveText(name, locale, locale), syllablesOf),
  });
  return [
    ...c.services.map((s) =>
      doc(`service:${s.id}`, s.name, [
        ...texts(s.type),
        ...s.materials.flatMap((m) => texts(m.name)),
        ...texts(s.result),
        ...(s.code ? [s.code] : []),
      ]),
    ),
    ...c.departments.map((d) =>
      doc(`department:${d.id}`, d.name, [...texts(d.kind), ...richTexts(d.responsibilities)]),
    ),
    ...c.fees.map((f) =>
      doc(`fee:${f.id}`, f.name, [...texts(f.text), ...f.basis.flatMap((b) => texts(b.title))]),
    ),
    ...c.channels.map((ch) => doc(`channel:${ch.id}`, ch.name, [...texts(ch.value), ...texts(ch.scope)])),
    ...c.notices.map((n) => doc(`notice:${n.id}`, n.title, richTexts(n.body))),
  ];
}

export function buildSearchIndex(c: SearchableContent, syllablesOf: SyllablesOf): SearchIndexDocumentT {
  const search = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  search.addAll(searchDocuments(c, syllablesOf));
  return {
    format: SEARCH_INDEX_FORMAT,
    index: search.toJSON() as unknown as SearchIndexDocumentT['index'],
  };
}
