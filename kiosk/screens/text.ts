/** Localised content text for the visitor's language, falling back to the hall's default. */
import { resolveText } from '../../content/localized.ts';
import type { LocalizedText } from '../../content/schema.ts';

export type TextOf = (text: LocalizedText) => string;

export const textFor =
  (locale: string, defaultLocale: string): TextOf =>
  (text) =>
    resolveText(text, locale, defaultLocale);
