import { describe, expect, it } from 'vitest';
import { resolveText } from '../../content/localized.ts';
import type { LocalizedText } from '../../content/schema.ts';
import { common } from '../i18n/common.ts';
import { feeAmount } from './fee-amount.ts';

/** The real money templates of each language, filled in as i18next would. */
const wordsIn =
  (locale: 'zh-CN' | 'en') => (key: 'yuan' | 'yuanRange' | 'per', values: Record<string, string>) =>
    common[locale][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');
const textIn = (locale: string) => (t: LocalizedText | undefined) =>
  t ? resolveText(t, locale, 'zh-CN') : '';
const unit = { 'zh-CN': '本', en: 'per passport' };

describe('a fee amount for people', () => {
  it.each([
    ['should show a whole amount with its unit', 'zh-CN', { amount: 12000, unit }, '120 元 / 本'],
    ['should show a whole amount with its unit', 'en', { amount: 12000, unit }, '¥120 per passport'],
    ['should show fen when there are some', 'zh-CN', { amount: 50, unit: '页' }, '0.50 元 / 页'],
    ['should show an amount with no unit', 'en', { amount: 2000 }, '¥20'],
    ['should show a range', 'zh-CN', { range: { min: 8000, max: 20000 }, unit: '件' }, '80–200 元 / 件'],
    [
      'should show a range',
      'en',
      { range: { min: 8000, max: 20000 }, unit: { en: 'per set' } },
      '¥80–200 per set',
    ],
    [
      'should fall back to the default language for a unit',
      'en',
      { amount: 136, unit: '平方米' },
      '¥1.36 平方米',
    ],
  ] as const)('%s (%s)', (_name, locale, fee, shown) => {
    expect(feeAmount(fee, wordsIn(locale), textIn(locale))).toEqual({ kind: 'money', shown });
  });

  it('should show a text amount as written, in the visitor language', () => {
    const fee = { text: { 'zh-CN': '按面积计征\n', en: 'Charged on the floor area\n' } };
    expect(feeAmount(fee, wordsIn('en'), textIn('en'))).toEqual({
      kind: 'text',
      shown: 'Charged on the floor area',
    });
  });
});
