import { describe, expect, it } from 'vitest';
import { openState } from './opening-hours.ts';

const weekly = {
  mon: ['09:00-12:00', '13:30-17:30'],
  tue: ['09:00-12:00', '13:30-17:30'],
  sat: ['09:00-12:00'],
};
const exceptions = [
  { date: '2027-01-01', closed: true, reason: { 'zh-CN': '元旦', en: "New Year's Day" } },
  { date: '2027-02-05', hours: ['09:00-12:00'], reason: '除夕' },
];
// Local times: 2026-11-30 is a Monday.
const at = (date: string, time: string) => new Date(`${date}T${time}:00`);

describe('opening hours', () => {
  it.each([
    ['should be open in a morning period', at('2026-11-30', '10:00'), { state: 'open', until: '12:00' }],
    [
      'should be closing soon in the last 30 minutes',
      at('2026-11-30', '17:05'),
      { state: 'closing-soon', until: '17:30' },
    ],
    [
      'should be closed at lunch, opening again at 13:30',
      at('2026-11-30', '12:30'),
      { state: 'closed-now', opensAt: '13:30' },
    ],
    ['should be closed after hours with no next opening', at('2026-11-30', '18:00'), { state: 'closed-now' }],
    [
      'should be closed all day on a day with no hours',
      at('2026-11-29', '10:00'),
      { state: 'closed-today', periods: [] },
    ],
    [
      'should be closed on a holiday, whatever the weekday',
      at('2027-01-01', '10:00'),
      { state: 'closed-today' },
    ],
    [
      'should use the special hours of an exception day',
      at('2027-02-05', '13:00'),
      { state: 'closed-now', periods: ['09:00-12:00'] },
    ],
  ] as const)('%s', (_name, now, expected) => {
    expect(openState(weekly, exceptions, now)).toMatchObject(expected);
  });

  it('should give the holiday reason', () => {
    expect(openState(weekly, exceptions, at('2027-01-01', '10:00')).reason).toEqual(exceptions[0]!.reason);
  });
});
