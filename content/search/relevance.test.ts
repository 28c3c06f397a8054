/**
 * The relevance table: what a visitor types on the sample hall and the hit they should see first (the
 * best hit of any kind), with the index built by the same code publish uses.
 */
import { describe, expect, it } from 'vitest';
import { searcherOfFolder } from './sample-searcher.ts';

const searcher = searcherOfFolder('content/sample', '2026-11-27');

type Row = [why: string, query: string, locale: 'zh-CN' | 'en', first: string];
const TABLE: Row[] = [
  // Chinese terms and fragments
  ['a service by its key word', '护照', 'zh-CN', 'service:passport'],
  ['a department by its whole name', '不动产登记中心', 'zh-CN', 'department:real-estate-registration'],
  ['a service by the start of its name', '不动产登记资料', 'zh-CN', 'service:real-estate-inquiry'],
  ['a word inside a name', '结婚', 'zh-CN', 'service:marriage-registration'],
  ['a near word does not win', '离婚', 'zh-CN', 'service:divorce-registration'],
  ['a department by name', '婚姻登记处', 'zh-CN', 'department:marriage-registration'],
  ['a department before its services', '出入境', 'zh-CN', 'department:exit-entry'],
  ['a fragment that is not in one piece', '公积金贷款', 'zh-CN', 'service:housing-fund-loan'],
  ['one character, still being typed', '护', 'zh-CN', 'service:passport'],
  ['a fragment inside a long name', '养老', 'zh-CN', 'service:pension-claim'],
  ['a fee by its name', '测绘', 'zh-CN', 'fee:house-survey'],
  ['a channel by its name', '好差评', 'zh-CN', 'channel:web-complaint'],
  ['a hotline by its number', '12345', 'zh-CN', 'channel:hotline-12345'],
  ['a number one digit away is another hotline', '12315', 'zh-CN', 'channel:hotline-12315'],
  ['a notice by its title', '冬季', 'zh-CN', 'notice:winter-hours'],
  ['a notice, in English', 'spring festival', 'en', 'notice:spring-festival-2027'],
  // Pinyin initials
  ['initials of 不动产', 'bdc', 'zh-CN', 'service:real-estate-inquiry'],
  ['initials of a whole department name', 'bdcdjzx', 'zh-CN', 'department:real-estate-registration'],
  ['initials of a word inside the name', 'sfz', 'zh-CN', 'service:id-card-first'],
  ['initials of 公积金', 'gjj', 'zh-CN', 'service:housing-fund-withdrawal'],
  [
    'initials at the start of a name beat the same inside one',
    'hz',
    'zh-CN',
    'department:household-registration',
  ],
  ['initials of 出生登记', 'csdj', 'zh-CN', 'service:birth-registration'],
  // Full pinyin
  ['full pinyin, joined', 'budongchan', 'zh-CN', 'service:real-estate-inquiry'],
  ['full pinyin, syllable by syllable', 'bu dong chan', 'zh-CN', 'service:real-estate-inquiry'],
  ['full pinyin of a word inside a name', 'jiehun', 'zh-CN', 'service:marriage-registration'],
  ['full pinyin of 港澳', 'gangao', 'zh-CN', 'service:hk-macau-permit'],
  ['full pinyin, half typed', 'shehuibaozh', 'zh-CN', 'service:social-security-card'],
  ['full pinyin of a channel', 'jiandu', 'zh-CN', 'channel:supervision-email'],
  // English
  ['an English word', 'passport', 'en', 'service:passport'],
  ['an English word, still being typed', 'pass', 'en', 'service:passport'],
  ['an English word, half typed', 'unemp', 'en', 'service:unemployment-benefit'],
  ['two English words', 'real estate', 'en', 'department:real-estate-registration'],
  ['a channel in English', 'letters', 'en', 'channel:letter'],
  ['a fee in English', 'survey', 'en', 'fee:house-survey'],
  ['a notice in English', 'one visit', 'en', 'notice:one-visit-list'],
  ['a Chinese word written in English text', 'hukou', 'en', 'service:household-move-in'],
  ['full-width letters', 'ＰＡＳＳＰＯＲＴ', 'en', 'service:passport'],
  ['a plural finds the singular', 'permits', 'en', 'service:planning-permit'],
  // Typos
  ['a letter missing', 'pasport', 'en', 'service:passport'],
  ['a letter missing, another word', 'marrige', 'en', 'department:marriage-registration'],
  ['a letter missing in pension', 'penson', 'en', 'service:pension-claim'],
  ['a letter too many', 'unemployement', 'en', 'service:unemployment-benefit'],
  // Synonyms (hall.yaml)
  ['房产证 is 不动产权证书', '房产证', 'zh-CN', 'fee:real-estate-extra-cert'],
  ['社保卡 is 社会保障卡', '社保卡', 'zh-CN', 'service:social-security-card'],
  ['低保 is 最低生活保障', '低保', 'zh-CN', 'service:minimum-living'],
  ['营业执照 comes with 开办企业', '营业执照', 'zh-CN', 'service:business-establish'],
  ['刻章 is 公章刻制', '刻章', 'zh-CN', 'service:seal-engraving'],
  ['港澳证 is 往来港澳通行证', '港澳证', 'zh-CN', 'service:hk-macau-permit'],
  ['license is licence', 'license', 'en', 'service:food-business-license'],
  ['identity card is ID card', 'identity card', 'en', 'service:id-card-first'],
  ['补办 is 补领, in another word order', '补办身份证', 'zh-CN', 'service:id-card-replace'],
];

describe('relevance on the sample hall', () => {
  it.each(TABLE)('should rank first for %s: %s (%s) → %s', (_why, query, locale, first) => {
    const best = searcher.search(query, locale).best;
    expect(best && `${best.kind}:${best.id}`).toBe(first);
  });

  it('should hold at least 30 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });
});
