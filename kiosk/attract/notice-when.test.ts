import { describe, expect, it } from 'vitest';
import { happensBy, whenShort, whenWords } from './notice-when.ts';

const maintenance = {
  date: '2026-11-30',
  expires: '2026-12-31',
  happens: { from: '2026-12-30 18:00', to: '2026-12-31 12:00' },
};

describe('when a notice happens, in words', () => {
  it('should give the dates, weekdays and times of what happens, in the language asked', () => {
    expect(whenWords(maintenance, 'zh-CN')).toBe('12月30日（周三）18:00 至 12月31日（周四）12:00');
    expect(whenWords(maintenance, 'en')).toBe('Wed 30 Dec, 18:00 to Thu 31 Dec, 12:00');
  });

  it('should write one day once', () => {
    const oneEvening = { date: '2026-11-30', happens: { from: '2026-12-30 18:00', to: '2026-12-30 20:00' } };
    expect(whenWords(oneEvening, 'zh-CN')).toBe('12月30日（周三）18:00—20:00');
    expect(whenWords(oneEvening, 'en')).toBe('Wed 30 Dec, 18:00–20:00');
    expect(whenWords({ date: '2026-11-27', expires: '2026-11-27' }, 'zh-CN')).toBe('11月27日（周五）');
  });

  it('should fall back to the days the notice is in force', () => {
    expect(whenWords({ date: '2026-11-30', expires: '2026-12-31' }, 'en')).toBe('Mon 30 Nov to Thu 31 Dec');
  });
});

describe('when, for a one-line banner', () => {
  it('should say from when before it starts and until when once it has', () => {
    expect(whenShort(maintenance, 'zh-CN', '2026-12-04')).toBe('12月30日 18:00起');
    expect(whenShort(maintenance, 'en', '2026-12-04')).toBe('from 30 Dec 18:00');
    expect(whenShort(maintenance, 'zh-CN', '2026-12-30')).toBe('至12月31日 12:00');
    expect(whenShort(maintenance, 'en', '2026-12-31')).toBe('until 31 Dec 12:00');
  });

  it('should say "today" for a notice of one day', () => {
    expect(whenShort({ date: '2026-11-27', expires: '2026-11-27' }, 'zh-CN', '2026-11-27')).toBe('今天');
    expect(whenShort({ date: '2026-11-27', expires: '2026-11-27' }, 'en', '2026-11-27')).toBe('today');
  });
});

describe('whether an urgent notice is about now', () => {
  it('should be from the day its event starts, and always for a notice with no event date', () => {
    expect(happensBy(maintenance, '2026-12-04')).toBe(false);
    expect(happensBy(maintenance, '2026-12-30')).toBe(true);
    expect(happensBy({ date: '2026-11-27', expires: '2026-11-27' }, '2026-11-27')).toBe(true);
  });
});
