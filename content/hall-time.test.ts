import { describe, expect, it } from 'vitest';
import { type Change, scratchCopy } from './fixtures/scratch.ts';
import { canonicalTimeZone, isTimeZone, localDate, minuteOfDay, wallClock, weekday } from './hall-time.ts';
import { formatProblem } from './problems.ts';
import { validateFolder } from './validate.ts';

// Every instant is written with its offset, so the results do not depend on the zone the tests run in.
describe('the hall clock at an instant', () => {
  it.each([
    ['Beijing, 10:00 on a Friday', '2026-12-04T02:00:00Z', 'Asia/Shanghai', '2026-12-04 10:00:00', 5],
    [
      'Beijing midnight is still the evening before in UTC',
      '2026-12-03T16:00:00Z',
      'Asia/Shanghai',
      '2026-12-04 00:00:00',
      5,
    ],
    ['one second before Beijing midnight', '2026-12-03T15:59:59Z', 'Asia/Shanghai', '2026-12-03 23:59:59', 4],
    [
      'the same instant in New York is the evening before',
      '2026-12-04T02:00:00Z',
      'America/New_York',
      '2026-12-03 21:00:00',
      4,
    ],
    ['UTC midnight is hour 0, never 24', '2026-12-04T00:00:00Z', 'UTC', '2026-12-04 00:00:00', 5],
    [
      'fourteen hours ahead, already Saturday',
      '2026-12-04T10:00:00Z',
      'Pacific/Kiritimati',
      '2026-12-05 00:00:00',
      6,
    ],
    // Berlin springs forward on 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    [
      'Berlin, the last minute of winter time',
      '2026-03-29T00:59:00Z',
      'Europe/Berlin',
      '2026-03-29 01:59:00',
      0,
    ],
    [
      'Berlin, the first minute of summer time',
      '2026-03-29T01:00:00Z',
      'Europe/Berlin',
      '2026-03-29 03:00:00',
      0,
    ],
    [
      'Berlin midnight in summer time is 22:00 UTC',
      '2026-10-24T22:00:00Z',
      'Europe/Berlin',
      '2026-10-25 00:00:00',
      0,
    ],
    // Berlin falls back on 2026-10-25: 02:30 happens twice, an hour apart.
    [
      'Berlin, 02:30 the first time (CEST)',
      '2026-10-25T00:30:00Z',
      'Europe/Berlin',
      '2026-10-25 02:30:00',
      0,
    ],
    [
      'Berlin, 02:30 the second time (CET)',
      '2026-10-25T01:30:00Z',
      'Europe/Berlin',
      '2026-10-25 02:30:00',
      0,
    ],
    [
      'Berlin midnight in winter time is 23:00 UTC',
      '2026-12-03T23:00:00Z',
      'Europe/Berlin',
      '2026-12-04 00:00:00',
      5,
    ],
  ] as const)('%s', (_name, iso, zone, shown, day) => {
    const w = wallClock(new Date(iso), zone);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(`${w.date} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`).toBe(shown);
    expect(w.weekday).toBe(day);
    expect(localDate(Date.parse(iso), zone)).toBe(shown.slice(0, 10));
    expect(weekday(new Date(iso), zone)).toBe(day);
    expect(minuteOfDay(new Date(iso), zone)).toBe(
      Number(shown.slice(11, 13)) * 60 + Number(shown.slice(14, 16)),
    );
  });

  it.each([
    ['Asia/Shanghai', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['Beijing', false],
  ] as const)('should know whether %s is a time zone', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });

  it('should treat two spellings of one zone as the same zone', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
  });
});

const run = (change: Change) => {
  const { problems } = validateFolder(scratchCopy('content/fixtures/minimal', change), {
    today: '2026-11-26',
  });
  return problems.errors.map(formatProblem);
};
const withZone = (line: string): Change => ({
  edit: { 'hall.yaml': ['locales: [zh-CN, en]\n', `locales: [zh-CN, en]\n${line}\n`] },
});

describe('hall.yaml timeZone', () => {
  it.each([
    ['a hall without timeZone (read as Asia/Shanghai)', {}],
    ['an IANA name', withZone('timeZone: Europe/Berlin')],
    ['UTC', withZone('timeZone: UTC')],
  ] as const)('should accept %s', (_name, change) => {
    expect(run(change)).toEqual([]);
  });

  it.each([
    [
      'an unknown zone',
      'timeZone: Asia/Beijing',
      /^hall\.yaml:4: "timeZone" .*Asia\/Beijing.*IANA.*Asia\/Shanghai/,
    ],
    ['a misspelt zone', 'timeZone: Europe/Berlln', /^hall\.yaml:4: "timeZone" .*Europe\/Berlln/],
    [
      'an offset instead of a zone',
      'timeZone: "+08:00"',
      /^hall\.yaml:4: "timeZone" \+08:00 is an offset.*IANA/,
    ],
    ['a number', 'timeZone: 8', /^hall\.yaml:4: "timeZone" .*IANA/],
  ] as const)('should refuse %s, naming the file and line', (_name, line, message) => {
    const errors = run(withZone(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

describe("the validator's today", () => {
  // 20:00 UTC on 30 November: already 1 December in Beijing, still the afternoon of the 30th in New York.
  const now = new Date('2026-11-30T20:00:00Z');
  it.each([
    ['a Beijing hall (the default zone), where the notice expired yesterday', '', true],
    ['a New York hall, where the notice is in force today', 'timeZone: America/New_York', false],
  ] as const)('should read the date in the hall zone: %s', (_name, line, warned) => {
    const folder = scratchCopy('content/fixtures/minimal', {
      edit: {
        'hall.yaml': ['locales: [zh-CN, en]\n', `locales: [zh-CN, en]\n${line}\n`],
        'notices/hello.md': ['date: 2026-11-01\n', 'date: 2026-11-01\nexpires: 2026-11-30\n'],
      },
    });
    const warnings = validateFolder(folder, { now }).problems.warnings.map(formatProblem);
    expect(warnings.some((w) => w.includes('expired on 2026-11-30'))).toBe(warned);
  });
});
