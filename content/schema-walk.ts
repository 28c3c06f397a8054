/** Walks a value alongside the schema that validated it, visiting every (L) and (Md) field with its path. */
import * as v from 'valibot';
import { LIST_OF, LOCALIZED, MARKDOWN, NEUTRAL } from './schema-marks.ts';

export type Path = (string | number)[];
export type FieldVisit = (value: unknown, path: Path, kind: 'localized' | 'markdown' | 'neutral') => void;

type AnySchema = v.GenericSchema & {
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
  options?: AnySchema[];
  value?: AnySchema;
  pipe?: unknown[];
};

export function walkLocalized(
  schema: v.GenericSchema,
  value: unknown,
  visit: FieldVisit,
  path: Path = [],
): void {
  const s = schema as AnySchema;
  if (MARKDOWN.has(s) || LOCALIZED.has(s)) {
    visit(value, path, MARKDOWN.has(s) ? 'markdown' : NEUTRAL.has(s) ? 'neutral' : 'localized');
    return;
  }
  if (value === undefined || value === null) return;
  const item = LIST_OF.get(s) as v.GenericSchema | undefined;
  if (item) {
    if (Array.isArray(value)) value.forEach((x, i) => walkLocalized(item, x, visit, [...path, i]));
    else walkLocalized(item, value, visit, path);
    return;
  }
  switch (s.type) {
    case 'optional':
    case 'nullable':
      if (s.wrapped) walkLocalized(s.wrapped, value, visit, path);
      return;
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (typeof value !== 'object') return;
      for (const [key, entry] of Object.entries(s.entries ?? {})) {
        walkLocalized(entry, (value as Record<string, unknown>)[key], visit, [...path, key]);
      }
      return;
    case 'array':
      if (Array.isArray(value) && s.item)
        value.forEach((x, i) => walkLocalized(s.item!, x, visit, [...path, i]));
      return;
    case 'record':
      if (typeof value === 'object' && s.value) {
        for (const [k, x] of Object.entries(value as object)) walkLocalized(s.value, x, visit, [...path, k]);
      }
      return;
    case 'union': {
      // Follow the first option that accepts the value; a union of plain values holds no text fields.
      const option = s.options?.find((o) => v.is(o, value));
      if (option) walkLocalized(option, value, visit, path);
      return;
    }
  }
}
