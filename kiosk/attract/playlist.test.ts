import { describe, expect, it } from 'vitest';
import type { Attract, Notice } from '../../content/schema.ts';
import { playlistAt, sleepingAt } from './playlist.ts';

const notice = (id: string, date: string, expires?: string, attract = false): Notice => ({
  id,
  title: id,
  date,
  expires,
  pinned: false,
  kind: 'notice',
  attract,
  urgent: false,
  body: {},
});

const NOTICES = [
  notice('winter', '2026-10-01', '2027-03-01'),
  notice('summer', '2026-04-01', '2026-09-30'),
  notice('spring-festival', '2026-12-01', '2027-02-12'),
];

const ATTRACT: Attract = {
  idleSeconds: 90,
  slides: [
    { id: 'welcome', text: '欢迎', seconds: 10 },
    { id: 'help', text: '服务台', seconds: 8 },
    { id: 'winter', notice: 'winter', seconds: 12 },
    { id: 'summer', notice: 'summer', seconds: 12 },
    { id: 'holiday', notice: 'spring-festival', seconds: 12 },
  ],
  schedule: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '12:00', slides: ['winter', 'welcome'] },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:00', to: '19:00', slides: ['help', 'holiday'] },
    { days: ['sat'], from: '22:00', to: '02:00', slides: ['help'] },
    { days: ['sun'], from: '09:00', to: '17:00', slides: ['summer'] },
  ],
  sleep: [{ from: '19:00', to: '07:00' }],
};

/** A Beijing time as an instant with its offset, whatever the test machine's zone: 2026-11-27 is a Friday. */
const HALL = 'Asia/Shanghai';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const ALL_IN_FORCE_ON_NOV_27 = ['welcome', 'help', 'winter'];

describe('the playlist at a time', () => {
  it.each([
    [
      'a weekday morning plays its day part, in the day part order',
      '2026-11-27',
      '07:00',
      ['winter', 'welcome'],
    ],
    ['the morning ends just before its "to"', '2026-11-27', '11:59', ['winter', 'welcome']],
    ['the afternoon starts at its "from"', '2026-11-27', '12:00', ['help']],
    ['a slide of a notice not yet in force is skipped', '2026-11-27', '15:00', ['help']],
    ['and plays from its first day', '2026-12-01', '15:00', ['help', 'holiday']],
    ['outside every day part all slides in force play', '2026-11-27', '19:00', ALL_IN_FORCE_ON_NOV_27],
    ['before the first day part too', '2026-11-27', '06:59', ALL_IN_FORCE_ON_NOV_27],
    ['a day not in any day part plays everything', '2026-11-29', '08:00', ALL_IN_FORCE_ON_NOV_27],
    ['a day part across midnight starts on its day', '2026-11-28', '23:00', ['help']],
    ['and goes on into the next morning', '2026-11-29', '01:59', ['help']],
    ['and ends at its "to"', '2026-11-29', '02:00', ALL_IN_FORCE_ON_NOV_27],
    [
      'a day part whose slides are all expired falls back to everything',
      '2026-11-29',
      '10:00',
      ALL_IN_FORCE_ON_NOV_27,
    ],
  ] as const)('%s (%s %s)', (_, date, time, keys) => {
    expect(playlistAt(ATTRACT, NOTICES, at(date, time), HALL).map((p) => p.key)).toEqual(keys);
  });

  it('should play every slide in force when there is no schedule', () => {
    const attract = { ...ATTRACT, schedule: [] };
    expect(playlistAt(attract, NOTICES, at('2026-11-27', '10:00'), HALL).map((p) => p.key)).toEqual(
      ALL_IN_FORCE_ON_NOV_27,
    );
  });

  it('should drop a notice slide the day after its notice expires', () => {
    const keys = (date: string) => playlistAt(ATTRACT, NOTICES, at(date, '20:00'), HALL).map((p) => p.key);
    expect(keys('2027-03-01')).toContain('winter');
    expect(keys('2027-03-02')).not.toContain('winter');
  });

  it('should add notices marked for attract that no slide names, with the slides that always play', () => {
    const extra = notice('green-channel', '2026-10-01', undefined, true);
    const list = playlistAt(ATTRACT, [...NOTICES, extra], at('2026-11-27', '20:00'), HALL);
    expect(list.map((p) => p.key)).toEqual([...ALL_IN_FORCE_ON_NOV_27, 'notice-green-channel']);
    expect(list.at(-1)?.slide).toEqual({ notice: 'green-channel', seconds: 10 });
    // A day part lists its own slides only.
    expect(
      playlistAt(ATTRACT, [...NOTICES, extra], at('2026-11-27', '08:00'), HALL).map((p) => p.key),
    ).toEqual(['winter', 'welcome']);
  });

  it('should key slides without an id by their place', () => {
    const attract: Attract = {
      idleSeconds: 90,
      slides: [{ text: 'a', seconds: 5 }],
      schedule: [],
      sleep: [],
    };
    expect(playlistAt(attract, [], at('2026-11-27', '10:00'), HALL).map((p) => p.key)).toEqual(['slide-0']);
  });

  it('should play nothing without an attract.yaml', () => {
    expect(playlistAt(undefined, NOTICES, at('2026-11-27', '10:00'), HALL)).toEqual([]);
  });
});

describe('sleep', () => {
  it.each([
    ['before a sleep period across midnight', '18:59', false],
    ['from its start', '19:00', true],
    ['through midnight', '00:00', true],
    ['until just before its end', '06:59', true],
    ['awake again at its end', '07:00', false],
    ['awake at noon', '12:00', false],
  ] as const)('%s (%s): %s', (_, time, sleeping) => {
    expect(sleepingAt(ATTRACT, at('2026-11-27', time), HALL)).toBe(sleeping);
  });

  it('should sleep within a period inside one day, every day of the week', () => {
    const attract = { ...ATTRACT, sleep: [{ from: '12:30', to: '13:30' }] };
    expect(sleepingAt(attract, at('2026-11-29', '12:29'), HALL)).toBe(false);
    expect(sleepingAt(attract, at('2026-11-29', '12:30'), HALL)).toBe(true);
    expect(sleepingAt(attract, at('2026-11-30', '13:29'), HALL)).toBe(true);
    expect(sleepingAt(attract, at('2026-11-30', '13:30'), HALL)).toBe(false);
  });

  it('should never sleep without sleep periods or attract.yaml', () => {
    expect(sleepingAt({ ...ATTRACT, sleep: [] }, at('2026-11-27', '03:00'), HALL)).toBe(false);
    expect(sleepingAt(undefined, at('2026-11-27', '03:00'), HALL)).toBe(false);
  });
});

// The hall's zone decides, not the terminal's: each row is one instant read in the hall's zone.
describe('the attract playlist in the hall zone', () => {
  it.each([
    [
      'Beijing Saturday 23:00 plays the late day part (15:00 in UTC)',
      '2026-11-28T15:00:00Z',
      'Asia/Shanghai',
      ['help'],
    ],
    [
      'Berlin Friday 07:30 winter time plays the morning (06:30 in UTC)',
      '2026-11-27T06:30:00Z',
      'Europe/Berlin',
      ['winter', 'welcome'],
    ],
    [
      'New York Friday 10:00 plays the morning (15:00 in UTC)',
      '2026-11-27T15:00:00Z',
      'America/New_York',
      ['winter', 'welcome'],
    ],
  ] as const)('%s', (_name, iso, zone, keys) => {
    expect(playlistAt(ATTRACT, NOTICES, new Date(iso), zone).map((p) => p.key)).toEqual(keys);
  });

  it.each([
    ['Beijing 20:00 sleeps (12:00 in UTC)', '2026-11-27T12:00:00Z', 'Asia/Shanghai', true],
    ['Beijing 12:00 is awake (04:00 in UTC)', '2026-11-27T04:00:00Z', 'Asia/Shanghai', false],
    ['Berlin 06:30 winter time sleeps', '2026-03-28T05:30:00Z', 'Europe/Berlin', true],
    [
      'the same UTC time the next day, 07:30 summer time, is awake',
      '2026-03-29T05:30:00Z',
      'Europe/Berlin',
      false,
    ],
  ] as const)('%s', (_name, iso, zone, sleeping) => {
    expect(sleepingAt(ATTRACT, new Date(iso), zone)).toBe(sleeping);
  });
});
