/** Walks a value alongside the schema that validated it, visiting every (L) and (Md) field with its path. */
import * as v from 'valibot';
import { LOCALIZED, MARKDOWN } from './schema-marks.ts';

export type Path = (string | number)[];
export type FieldVisit = (value: unknown, path: Path, kind: 'localized' | 'markdown') => void;

type AnySchema = v.GenericSchema & {
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
  options?: AnySchema[];
  value?: AnySchema;
  pipe?: unknown[];
};

export function walkLocalized(schema: v.GenericSchema, value: unknown, visit: FieldVisit, path: Path = []): void {
  const s = schema as AnySchema;
  if (MARKDOWN.has(s)) return visit(value, path, 'markdown');
  if (LOCALIZED.has(s)) return visit(value, path, 'localized');
  if (value === undefined || value === null) return;
  switch (s.type) {
    case 'optional':
    case 'nullable':
      return s.wrapped ? walkLocalized(s.wrapped, value, visit, path) : undefined;
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (typeof value !== 'object') return;
      for (const [key, entry] of Object.entries(s.entries ?? {})) {
        walkLocalized(entry, (value as Record<string, unknown>)[key], visit, [...path, key]);
      }
      return;
    case 'array':
      if (Array.isArray(value) && s.item) value.forEach((x, i) => walkLocalized(s.item!, x, visit, [...path, i]));
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
