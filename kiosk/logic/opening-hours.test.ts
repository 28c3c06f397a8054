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
// Beijing times, as instants with their offset, so the zone the tests run in does not matter: 2026-11-30 is a Monday.
const HALL = 'Asia/Shanghai';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

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
    expect(openState(weekly, exceptions, now, HALL)).toMatchObject(expected);
  });

  it('should give the holiday reason', () => {
    expect(openState(weekly, exceptions, at('2027-01-01', '10:00'), HALL).reason).toEqual(
      exceptions[0]!.reason,
    );
  });
});

// The hall's zone decides, not the terminal's: each row is one instant read in the hall's zone.
describe('opening hours in the hall zone', () => {
  it.each([
    [
      'a Beijing hall at 09:30 Monday is open (01:30 in UTC)',
      '2026-11-30T01:30:00Z',
      'Asia/Shanghai',
      { state: 'open' },
    ],
    [
      'a Beijing hall at 00:30 Monday is closed now (Sunday in UTC)',
      '2026-11-29T16:30:00Z',
      'Asia/Shanghai',
      { state: 'closed-now', opensAt: '09:00' },
    ],
    [
      'a Beijing hall at 07:30 Sunday is closed all day (Saturday in UTC)',
      '2026-11-28T23:30:00Z',
      'Asia/Shanghai',
      { state: 'closed-today' },
    ],
    [
      "a Beijing hall keeps 5 February's special hours at 07:30 (the 4th in UTC)",
      '2027-02-04T23:30:00Z',
      'Asia/Shanghai',
      { state: 'closed-now', opensAt: '09:00', reason: '除夕' },
    ],
    [
      'a Berlin hall at 08:30 winter time is not open yet',
      '2026-03-23T07:30:00Z',
      'Europe/Berlin',
      { state: 'closed-now', opensAt: '09:00' },
    ],
    [
      'the same UTC time a week later, 09:30 summer time, is open',
      '2026-03-30T07:30:00Z',
      'Europe/Berlin',
      { state: 'open', until: '12:00' },
    ],
    [
      'a New York hall at 11:00 Monday closes at noon (16:00 in UTC)',
      '2026-11-30T16:00:00Z',
      'America/New_York',
      { state: 'open', until: '12:00' },
    ],
  ] as const)('%s', (_name, iso, zone, expected) => {
    expect(openState(weekly, exceptions, new Date(iso), zone)).toMatchObject(expected);
  });
});
