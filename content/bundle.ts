/** Builds a bundle from validated content: documents with rich text compiled and flows laid out, plus media. */
import * as v from 'valibot';
import { DOCUMENT_SCHEMAS, type DocKindT } from './bundle-format.ts';
import { layoutFlow } from './flow-layout.ts';
import { resolveText } from './localized.ts';
import { compileMarkdown } from './markdown.ts';
import {
  type Channel,
  type Department,
  type Fee,
  type LocalizedText,
  MEDIA_TYPES,
  type Notice,
  type RichNode,
  type Service,
} from './schema.ts';
import { buildSearchIndex, type SyllablesOf } from './search/build-index.ts';
import { SEARCH_INDEX_ID } from './search/index-doc.ts';
import { syllablesOf as pinyinSyllables } from './search/pinyin.ts';
import type { ValidContent } from './validate.ts';

export type BundleDocument = { kind: DocKindT; id: string; value: unknown };
export type BundleMedia = { path: string; type: string; absolute: string };
export type BuiltBundle = {
  hall: string;
  locales: string[];
  defaultLocale: string;
  documents: BundleDocument[];
  media: BundleMedia[];
};

/**
 * Every string in the documents, at any depth and in every locale: what the kiosk can show from this
 * bundle, so the characters its content font must hold (docs/fonts.md).
 */
export function documentStrings(documents: BundleDocument[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  for (const d of documents) walk(d.value);
  return found;
}

export function buildBundle(c: ValidContent, options: { syllablesOf?: SyllablesOf } = {}): BuiltBundle {
  const { defaultLocale, locales } = c;
  const rich = (text: LocalizedText | undefined): Record<string, RichNode[]> | undefined => {
    if (text === undefined) return undefined;
    const byLocale = typeof text === 'string' ? { [defaultLocale]: text } : text;
    return Object.fromEntries(Object.entries(byLocale).map(([l, md]) => [l, compileMarkdown(md).tree]));
  };
  const documents: BundleDocument[] = [];
  const add = (kind: DocKindT, id: string, value: unknown) => {
    // The kiosk validates every document it receives with the same schema: check it here first.
    const result = v.safeParse(DOCUMENT_SCHEMAS[kind], value);
    if (!result.success)
      throw new Error(`bundle ${kind} "${id}" does not match the bundle schema: ${result.issues[0].message}`);
    documents.push({ kind, id, value: result.output });
  };

  const hall = c.hall.value;
  add('hall', hall.id, { ...hall, defaultLocale, commitments: rich(hall.commitments) });
  for (const { value: d } of c.departments)
    add('department', d.id, { ...d, responsibilities: rich(d.responsibilities) });
  for (const { value: s } of c.services) {
    const flow = s.flow && {
      nodes: s.flow.nodes.map((n) => ({ ...n, detail: rich(n.detail) })),
      edges: s.flow.edges,
      layout: Object.fromEntries(
        locales.map((locale) => {
          const text = (t: LocalizedText) => resolveText(t, locale, defaultLocale);
          const nodes = s.flow!.nodes.map((n) => ({ id: n.id, kind: n.kind, label: text(n.label) }));
          const edges = s.flow!.edges.map((e) => ({
            from: e.from,
            to: e.to,
            label: e.label && text(e.label),
          }));
          return [locale, layoutFlow({ nodes, edges })];
        }),
      ),
    };
    add('service', s.id, { ...s, conditions: rich(s.conditions), flow });
  }
  for (const { value: f } of c.fees) add('fee', f.id, { ...f, exemptions: rich(f.exemptions) });
  add(
    'channels',
    'channels',
    c.channels.map((ch) => ch.value),
  );
  for (const n of c.notices) {
    const body = Object.fromEntries(
      Object.entries(n.bodies).map(([l, b]) => [l, compileMarkdown(b.text).tree]),
    );
    add('notice', n.value.id, { ...n.value, body });
  }
  if (c.attract) add('attract', 'attract', c.attract.value);
  // Built from the documents as terminals receive them, so it indexes exactly what they show.
  const values = <T>(kind: DocKindT) => documents.filter((d) => d.kind === kind).map((d) => d.value as T);
  add(
    'search',
    SEARCH_INDEX_ID,
    buildSearchIndex(
      {
        defaultLocale,
        services: values<Service>('service'),
        departments: values<Department>('department'),
        fees: values<Fee>('fee'),
        channels: values<Channel[]>('channels').flat(),
        notices: values<Notice & { body: Record<string, RichNode[]> }>('notice'),
      },
      options.syllablesOf ?? pinyinSyllables,
    ),
  );

  const ext = (p: string) => p.slice(p.lastIndexOf('.') + 1).toLowerCase() as keyof typeof MEDIA_TYPES;
  const media = c.media.map((m) => ({
    path: m.path,
    type: MEDIA_TYPES[ext(m.path)] ?? 'application/octet-stream',
    absolute: m.absolute,
  }));
  return { hall: hall.id, locales, defaultLocale, documents, media };
}
