import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ago, bytes, countdown, localTime, timeOfDay } from './format.ts';

// Echoes the key and count, so the test reads which phrase was chosen.
const t = ((key: string, o?: { count?: number }) => `${key}:${o?.count ?? ''}`) as unknown as TFunction;
const now = Date.parse('2026-11-27T10:00:00Z');

describe('staff panel formats', () => {
  it('should say how long ago, choosing the unit by size', () => {
    expect(
      [10e3, 5 * 60e3, 3 * 3600e3, 5 * 86400e3, -4 * 60e3].map((before) => ago(now - before, now, t)),
    ).toEqual(['ago.now:', 'ago.minutes:5', 'ago.hours:3', 'ago.days:5', 'ago.in:4']);
  });
  it('should write sizes in KB, MB and GB', () => {
    expect([2048, 5.5 * 1024 ** 2, 1.25 * 1024 ** 3].map(bytes)).toEqual(['2 KB', '5.5 MB', '1.3 GB']);
  });
  it('should count a lockout down in minutes and seconds, rounding up', () => {
    expect([30_000, 29_001, 900_000, 0].map(countdown)).toEqual(['0:30', '0:30', '15:00', '0:00']);
  });
  it('should count a lockout of an hour or more down in hours, minutes and seconds', () => {
    expect([3_599_000, 3_600_000, 4 * 3_600_000, 3_661_500].map(countdown)).toEqual([
      '59:59',
      '1:00:00',
      '4:00:00',
      '1:01:02',
    ]);
  });

  // The same instant on the hall's clock, whatever zone the terminal (or the test process) is in.
  it.each([
    ['Asia/Shanghai', '2026-12-04 10:31', '10:31:05'],
    ['Europe/Berlin', '2026-12-04 03:31', '03:31:05'],
    ['America/New_York', '2026-12-03 21:31', '21:31:05'],
    ['UTC', '2026-12-04 02:31', '02:31:05'],
  ] as const)('should write times on the clock of a hall in %s', (zone, dateTime, time) => {
    const at = Date.parse('2026-12-04T10:31:05+08:00');
    expect(localTime(at, zone)).toBe(dateTime);
    expect(timeOfDay(at, zone)).toBe(time);
  });
  it('should write an unreadable time as it is', () => {
    expect(localTime('not a time', 'Asia/Shanghai')).toBe('not a time');
  });
});
