import { describe, expect, it } from 'vitest';
import { type TakeAway, takeAwayText } from './take-away.ts';
import { type WeekWords, weekText } from './weekly-hours.ts';
import { serviceWhere, windowPlace } from './where.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('the take-it-with-you checklist', () => {
  const checklist: TakeAway = {
    title: '存量房买卖转移登记',
    facts: ['地点：二楼 17–19号窗口', '时间：周一至周五 09:00-12:00'],
    materialsHeading: '带齐材料：',
    materials: [
      { name: '不动产登记申请书', detail: '原件 1份' },
      { name: '婚姻状况证明或声明', detail: '原件 1份，视情况' },
    ],
    extras: ['咨询：0000-6188 1217', '示例市政务服务中心'],
  };

  it('should carry the name, where, when and every material numbered, when it fits', () => {
    expect(takeAwayText(checklist)).toBe(
      [
        '存量房买卖转移登记',
        '地点：二楼 17–19号窗口',
        '时间：周一至周五 09:00-12:00',
        '带齐材料：',
        '1. 不动产登记申请书 (原件 1份)',
        '2. 婚姻状况证明或声明 (原件 1份，视情况)',
        '咨询：0000-6188 1217',
        '示例市政务服务中心',
      ].join('\n'),
    );
  });

  const long: TakeAway = {
    ...checklist,
    materials: Array.from({ length: 14 }, (_, i) => ({
      name: `第${i + 1}份需要带齐的很长很长很长的证明材料名称`,
      detail: '原件 1份',
    })),
  };

  it.each([
    ['should stay within the byte budget of a scannable code', 900],
    ['should stay within a tight budget too', 300],
    ['should still give some text with a tiny budget', 20],
  ])('%s', (_name, budget) => {
    const text = takeAwayText(long, budget);
    expect(bytes(text)).toBeLessThanOrEqual(budget);
    expect(text.length).toBeGreaterThan(0);
  });

  it('should drop the extras before shortening the materials', () => {
    const text = takeAwayText(long, 900);
    expect(text).not.toContain('示例市政务服务中心');
    expect(text).toContain('地点：二楼 17–19号窗口');
    expect(text.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(14);
  });

  it('should say when materials had to be left out', () => {
    const text = takeAwayText(long, 300);
    expect(text).toMatch(/\n\d+\. …$/);
  });
});

describe('a week of opening hours', () => {
  const zh: WeekWords = {
    day: (d) =>
      ({ mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' })[d],
    days: (a, b) => `${zh.day(a)}至${zh.day(b)}`,
    periodJoiner: '、',
    groupJoiner: '；',
    closed: '休息',
  };
  const am = ['09:00-12:00'];
  const full = ['09:00-12:00', '13:30-17:30'];

  it.each([
    [
      'should run days with the same hours together',
      { mon: full, tue: full, wed: full, thu: full, fri: full, sat: am, sun: [] },
      '周一至周五 09:00-12:00、13:30-17:30；周六 09:00-12:00；周日 休息',
    ],
    ['should treat a missing day as closed', { mon: am, tue: am }, '周一至周二 09:00-12:00；周三至周日 休息'],
    [
      'should not join days that differ',
      { mon: am, tue: full, wed: am, thu: am, fri: am, sat: [], sun: [] },
      '周一 09:00-12:00；周二 09:00-12:00、13:30-17:30；周三至周五 09:00-12:00；周六至周日 休息',
    ],
  ])('%s', (_name, weekly, expected) => {
    expect(weekText(weekly, zh)).toBe(expected);
  });
});

describe('where a service is handled', () => {
  it("should take the service's own windows and place before its department's", () => {
    expect(
      serviceWhere(
        { windows: ['17'], place: 'w17' },
        { windows: ['1'], location: { floor: 'f1', place: 'w01' } },
      ),
    ).toEqual({ windows: ['17'], place: 'w17', floor: 'f1' });
  });

  it("should fall back to the department's windows when the service names none", () => {
    expect(serviceWhere(undefined, { windows: ['6', '7'] })).toEqual({ windows: ['6', '7'] });
  });

  const places = [
    { id: 'w1', kind: 'window', name: { 'zh-CN': '1号窗口', en: 'Window 1' } },
    { id: 'w11', kind: 'window', name: { 'zh-CN': '11号窗口', en: 'Window 11' } },
    { id: 'lift', kind: 'lift', name: '1号电梯' },
  ];
  it.each([
    ['should find window 1, not window 11', '1', 'w1'],
    ['should find window 11', '11', 'w11'],
    ['should not find a window that is not on any plan', '17', undefined],
    ['should not take a lift for a window', '', undefined],
  ])('%s', (_name, number, expected) => {
    expect(windowPlace(places, number)?.id).toBe(expected);
  });
});
