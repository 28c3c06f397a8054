import { describe, expect, it } from 'vitest';
import { localesWithoutVoice } from './speech-voices.ts';

describe('the locales a terminal cannot read aloud', () => {
  it('should list every hall locale without a voice, in the hall order', () => {
    expect(localesWithoutVoice(['zh-CN', 'en'], () => false)).toEqual(['zh-CN', 'en']);
    expect(localesWithoutVoice(['zh-CN', 'en'], (l) => l === 'zh-CN')).toEqual(['en']);
  });

  it('should list none when every locale has a voice', () => {
    expect(localesWithoutVoice(['zh-CN', 'en'], () => true)).toEqual([]);
  });
});
