import { describe, expect, it } from 'vitest';
import { chineseBeside } from './chinese-beside.ts';

describe('Chinese given beside an English text', () => {
  it('should mark the bracketed Chinese and nothing else', () => {
    expect(chineseBeside('Wang Jianguo (王建国), Director')).toEqual([
      { text: 'Wang Jianguo ', chinese: false },
      { text: '(王建国)', chinese: true },
      { text: ', Director', chinese: false },
    ]);
  });
  it('should leave brackets with no Chinese in them as text', () => {
    expect(chineseBeside('Window 4 (1st floor)')).toEqual([{ text: 'Window 4 (1st floor)', chinese: false }]);
  });
});
