import { describe, expect, it } from 'vitest';
import { bodyStart } from './body-start.ts';

describe('the start of a notice body', () => {
  it('should give the first paragraphs as plain text, emphasis and links kept as words', () => {
    const body = [
      {
        t: 'p' as const,
        c: ['自11月1日起，下午办公时间调整为 ', { t: 'strong' as const, c: ['13:30—17:00'] }, '。'],
      },
      { t: 'p' as const, c: ['详见 ', { t: 'a' as const, href: 'https://x.example', c: ['网站'] }] },
      { t: 'p' as const, c: ['第三段'] },
    ];
    expect(bodyStart(body)).toEqual(['自11月1日起，下午办公时间调整为 13:30—17:00。', '详见 网站']);
  });

  it('should read list items one by one and skip tables', () => {
    const body = [
      { t: 'table' as const, c: [{ t: 'tr' as const, c: [{ t: 'td' as const, c: ['表格'] }] }] },
      {
        t: 'ul' as const,
        c: [
          { t: 'li' as const, c: ['身份证'] },
          { t: 'li' as const, c: ['户口簿'] },
        ],
      },
    ];
    expect(bodyStart(body)).toEqual(['身份证', '户口簿']);
  });
});
