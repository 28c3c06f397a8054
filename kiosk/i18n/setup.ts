/** i18next with every namespace loaded up front (they are small and the kiosk is offline). */
import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, type Namespace, UI_LOCALES } from './registry.ts';

export async function setupI18n(): Promise<typeof i18next> {
  const resources: Record<string, Record<string, object>> = {};
  for (const locale of UI_LOCALES) {
    resources[locale] = Object.fromEntries(Object.entries(NAMESPACES).map(([ns, s]) => [ns, s[locale]]));
  }
  await i18next.init({
    resources,
    lng: 'zh-CN',
    fallbackLng: false,
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key must never pass for text: it shows marked, and the every-screen test looks for the mark.
    parseMissingKeyHandler: (key) => `【i18n:${key}】`,
  });
  return i18next;
}

/** A translation function for one language and namespace; a missing key shows itself (and tests catch it). */
export function translator(locale: string, ns: Namespace): TFunction {
  const lng = (UI_LOCALES as readonly string[]).includes(locale) ? locale : 'en';
  return i18next.getFixedT(lng, ns);
}
