/** What the visitor sees of a search: groups in a fixed order, hidden items left out, highlights, chips. */
import { describe, expect, it } from 'vitest';
import { searcherOfFolder } from './sample-searcher.ts';

const searcher = searcherOfFolder('content/sample', '2026-11-27');
const marked = (title: string, ranges: Array<[number, number]>) => ranges.map(([a, b]) => title.slice(a, b));
const hitOf = (query: string, locale: string, key: string) =>
  searcher
    .search(query, locale)
    .groups.flatMap((g) => g.hits)
    .find((h) => `${h.kind}:${h.id}` === key);

describe('searcher', () => {
  it('should group hits as service, department, fee, channel, notice whatever their scores', () => {
    const kinds = searcher.search('不动产', 'zh-CN').groups.map((g) => g.kind);
    expect(kinds).toEqual(['service', 'department', 'fee']);
    expect(searcher.search('出入境', 'zh-CN').groups[0]?.kind).toBe('service');
  });

  it('should give titles in the asked language', () => {
    expect(hitOf('护照', 'en', 'service:passport')?.title).toBe(
      'Ordinary passport (first issue, renewal and replacement)',
    );
  });

  it('should leave out a notice past its expiry date', () => {
    expect(hitOf('夏季工作时间', 'zh-CN', 'notice:expired-summer-hours')).toBeUndefined();
    expect(hitOf('冬季工作时间', 'zh-CN', 'notice:winter-hours')).toBeDefined();
  });

  it.each([
    ['Chinese where it occurs', '护照', 'zh-CN', 'service:passport', ['护照']],
    ['the characters pinyin initials spelled', 'bdc', 'zh-CN', 'service:real-estate-inquiry', ['不动产']],
    [
      'the characters full pinyin spelled, as far as typed',
      'budongch',
      'zh-CN',
      'service:real-estate-inquiry',
      ['不动产'],
    ],
    ['the typed start of an English word', 'pass', 'en', 'service:passport', ['pass']],
    ['a whole word matched despite a typo', 'pasport', 'en', 'service:passport', ['passport']],
    ['a whole plural word found by its singular', 'letter', 'en', 'channel:letter', ['Letters']],
    ['the synonym found in the title', '房产证', 'zh-CN', 'fee:real-estate-extra-cert', ['不动产权证书']],
    [
      'the whole title for pinyin when the title is English',
      'bdc',
      'en',
      'service:real-estate-inquiry',
      ['Looking up real estate registration records'],
    ],
  ])('should highlight %s', (_why, query, locale, key, expected) => {
    const hit = hitOf(query, locale, key);
    expect(hit && marked(hit.title, hit.highlights)).toEqual(expected);
  });

  it('should find nothing for nothing typed, or for words that are nowhere', () => {
    expect(searcher.search('', 'zh-CN').groups).toEqual([]);
    expect(searcher.search('   ', 'zh-CN').best).toBeUndefined();
    expect(searcher.search('xyzzyq', 'en').groups).toEqual([]);
  });

  it('should offer the popular searches of hall.yaml in the asked language', () => {
    expect(searcher.popular('zh-CN').slice(0, 2)).toEqual(['护照', '身份证']);
    expect(searcher.popular('en').slice(0, 2)).toEqual(['passport', 'ID card']);
  });
});
