/**
 * 好差评 on the terminal (issue 13, docs/ratings.md): the five levels, the places a hall may ask, the
 * default reasons a visitor may give for the two lowest levels, and the parts of a guide "指南有误" may
 * name. Plain data shared by the content schema, the kiosk's rating screens and the fleet service.
 */

/** 5 = 非常满意 … 1 = 非常不满意, as GB/T 39734-2020 numbers them; 1 and 2 are 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
/** The two lowest levels: the visitor is asked why, and the centre opens a case. */
export const isPoorRating = (level: number): boolean => level <= 2;

export const RATING_LEVEL_NAMES: Record<RatingLevel, { 'zh-CN': string; en: string }> = {
  5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

/** What is rated: the guide on screen ("这份办事指南对您有帮助吗？"), or the hall's own service ("您对本次服务满意吗？"). */
export const RATING_SUBJECTS = ['guide', 'hall'] as const;
export type RatingSubject = (typeof RATING_SUBJECTS)[number];

/** Where a hall may ask (hall.yaml `ratings.ask`): at the end of every guide, and from the dock on any screen. */
export const RATING_PLACES = ['guide-end', 'dock'] as const;
export type RatingPlace = (typeof RATING_PLACES)[number];

/** The reason id that opens the "which part was wrong" screen: a hall's own list keeps it to keep that screen. */
export const GUIDE_WRONG_REASON = 'guide-wrong';

/** What "指南有误" may name. */
export const WRONG_PARTS = ['materials', 'window', 'time', 'fee', 'steps'] as const;
export type WrongPart = (typeof WRONG_PARTS)[number];
export const WRONG_PART_NAMES: Record<WrongPart, { 'zh-CN': string; en: string }> = {
  materials: { 'zh-CN': '要带的材料', en: 'Materials to bring' },
  window: { 'zh-CN': '办理窗口', en: 'Which window' },
  time: { 'zh-CN': '办理时限', en: 'Time limit' },
  fee: { 'zh-CN': '收费', en: 'Fees' },
  steps: { 'zh-CN': '办事步骤', en: 'Steps' },
};

export type RatingReason = {
  id: string;
  label: { 'zh-CN': string; en: string } | Record<string, string> | string;
};

/** The reasons offered when a hall's `ratings.reasons` gives none. */
export const DEFAULT_RATING_REASONS: RatingReason[] = [
  { id: GUIDE_WRONG_REASON, label: { 'zh-CN': '指南有误或看不懂', en: 'The guide is wrong or unclear' } },
  {
    id: 'materials-differed',
    label: { 'zh-CN': '窗口要的材料和指南不一样', en: 'The window asked for other materials' },
  },
  { id: 'waiting', label: { 'zh-CN': '等候时间太长', en: 'I waited too long' } },
  { id: 'attitude', label: { 'zh-CN': '工作人员态度不好', en: 'Staff were unhelpful' } },
  { id: 'other', label: { 'zh-CN': '其他', en: 'Something else' } },
];

/** At most this many reasons in a hall's list: each is one large toggle on one screen. */
export const MAX_RATING_REASONS = 8;
