import { describe, expect, it } from 'vitest';
import { inBrowsingOrder } from './order.ts';

type S = { id: string; popularity?: number; name: { 'zh-CN': string; en: string } };
const service = (id: string, zh: string, en: string, popularity?: number): S => ({
  id,
  name: { 'zh-CN': zh, en },
  ...(popularity === undefined ? {} : { popularity }),
});
const SERVICES: S[] = [
  service('seal', '公章刻制', 'Company seal engraving'),
  service('passport', '普通护照签发', 'Ordinary passport', 80),
  service('birth', '出生登记', 'Birth registration'),
  service('id-card', '居民身份证补领', 'Replacing an ID card', 95),
  service('archive', '不动产登记资料查询', 'Real estate register search'),
  service('pension', '养老保险待遇申领', 'Claiming a pension', 80),
  service('zz', '住房公积金提取', 'housing fund withdrawal'),
];
const order = (locale: 'zh-CN' | 'en') =>
  inBrowsingOrder(SERVICES, (s) => s.name[locale], locale).map((s) => s.id);

describe('the order visitors browse services in', () => {
  it('should put the most used first, then the rest by pinyin (Chinese)', () => {
    // 不(bu) 出(chu) 公(gong) 住(zhu): by sound, not by stroke or code point.
    expect(order('zh-CN')).toEqual(['id-card', 'passport', 'pension', 'archive', 'birth', 'seal', 'zz']);
  });

  it('should put the most used first, then the rest A to Z whatever the case (English)', () => {
    // Equal use: by name, so two services used as often never swap between visits.
    expect(order('en')).toEqual(['id-card', 'pension', 'passport', 'birth', 'seal', 'zz', 'archive']);
  });

  it('should leave the list it was given alone', () => {
    const before = SERVICES.map((s) => s.id);
    order('en');
    expect(SERVICES.map((s) => s.id)).toEqual(before);
  });
});
