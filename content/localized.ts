/** Picks the text of a localised field for a locale, falling back to the default locale. */
import type { LocalizedText } from './schema.ts';

export function resolveText(text: LocalizedText, locale: string, defaultLocale: string): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '';
}
