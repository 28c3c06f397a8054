/**
 * What a text in one language should not hold: words of another script a visitor of that language cannot read,
 * or money written another way than the kiosk writes amounts. Pure functions of one text, so the same rules
 * serve fields and notice bodies; the validator turns each finding into a warning with its file and line.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUNS =
  /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]*\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uffef\d]*/gu;
/**
 * Chinese a visitor of another language is meant to see: in round brackets beside the text it belongs to,
 * "Wang Jianguo (王建国)", "… Shili City 000000 (示例市示例区政务路88号)" — a name to say or an address to copy.
 */
const BESIDE = /\([^()]*\)/g;

/** True for a locale written in Chinese characters: Han there is the text itself. */
export const writesHan = (locale: string): boolean => /^zh\b/i.test(locale);

/** A plain (neutral) value that is really Chinese text: it needs a form in each other language. */
export const isChineseText = (text: string): boolean => HAN.test(text);

/** Chinese left in a text of a non-Chinese locale, outside the brackets that mark it deliberate. */
export function strayChinese(text: string): string[] {
  return [...new Set(text.replace(BESIDE, '').match(HAN_RUNS) ?? [])];
}

/**
 * Money in an English text written as "CNY 80", "RMB 80" or "80 yuan": the kiosk writes amounts ¥80 in
 * English (kiosk/i18n common "yuan"), and one card must not show both. Returns the first such amount.
 */
export function otherMoneyStyle(locale: string, text: string): string | undefined {
  if (!/^en\b/i.test(locale)) return undefined;
  return text.match(/\b(?:CNY|RMB)\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:yuan|CNY|RMB)\b/i)?.[0];
}

/** The warnings one text of one locale earns, as sentences naming the field `what`. */
export function languageFormProblems(what: string, locale: string, text: string): string[] {
  const found: string[] = [];
  if (!writesHan(locale)) {
    const stray = strayChinese(text);
    if (stray.length > 0)
      found.push(
        `${what} has Chinese in it (${stray.slice(0, 3).join(', ')}): write it in ${locale}; a name or address a visitor needs in Chinese goes in brackets beside it, like "Wang Jianguo (王建国)"`,
      );
  }
  const money = otherMoneyStyle(locale, text);
  if (money) {
    const amount = money.match(/\d[\d,]*(?:\.\d+)?/)![0];
    found.push(
      `${what} writes money as "${money}": write ¥${amount}, as the kiosk writes amounts in English`,
    );
  }
  return found;
}
