/**
 * Pinyin of Chinese names, at publish time only: pinyin-pro is large and must never reach the kiosk, which
 * receives the syllables ready-made in the search index.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}$/u;

/**
 * One entry per character of `text` (by code point): its syllable without tone, ü written v as on a
 * keyboard (绿 → lv), or undefined for a character that is not Han. pinyin-pro reads whole words, so
 * polyphonic characters take their reading in context (银行 → yin hang).
 */
export function syllablesOf(text: string): Array<string | undefined> {
  const chars = [...text];
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro returns one entry per character; if that ever changes, no pinyin beats wrong pinyin.
  if (readings.length !== chars.length) return chars.map(() => undefined);
  return chars.map((c, i) => (HAN.test(c) && /^[a-z]+$/.test(readings[i]!) ? readings[i] : undefined));
}
