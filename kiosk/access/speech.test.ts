import { describe, expect, it } from 'vitest';
import { sameLanguage } from './speech.ts';

describe('a voice for a language', () => {
  it.each([
    ['zh-CN', 'zh-CN', true],
    ['zh_CN', 'zh-CN', true],
    ['en-GB', 'en', true],
    // espeak-ng through speech-dispatcher (Debian's voices) names Mandarin by its ISO 639-3 code.
    ['cmn', 'zh-CN', true],
    ['cmn-latn-pinyin', 'zh-CN', true],
    ['zh-cmn', 'zh-CN', true],
    // Cantonese is not what a Mandarin page should be read in.
    ['yue', 'zh-CN', false],
    ['en-US', 'zh-CN', false],
  ] as const)('%s speaks %s: %s', (voice, locale, same) => {
    expect(sameLanguage(voice, locale)).toBe(same);
  });
});
