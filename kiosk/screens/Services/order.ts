/**
 * The order a visitor browses services in: the most used first (the content's `popularity`), then the rest
 * by name as the visitor's language sorts — pinyin in Chinese, A to Z in English. The collation comes with
 * the browser (ICU's zh-u-co-pinyin), so no pinyin table is added to the kiosk.
 */

const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    const tag = /^zh\b/i.test(locale) ? `${locale}-u-co-pinyin` : locale;
    c = new Intl.Collator(tag, { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/** A new list in browsing order; `name` gives what the visitor reads. Services used as often sort by name. */
export function inBrowsingOrder<S extends { popularity?: number }>(
  services: readonly S[],
  name: (s: S) => string,
  locale: string,
): S[] {
  const collator = collatorFor(locale);
  const use = (s: S) => s.popularity ?? -1;
  return [...services].sort((a, b) => use(b) - use(a) || collator.compare(name(a), name(b)));
}
