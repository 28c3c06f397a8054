/**
 * The rules of the 好差评 pages without a database: which days a period covers on the hall's calendar,
 * how the chart cuts a period into days or weeks, and how a CSV cell is written.
 */
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  exportCsv,
  type Period,
  parsePeriod,
  type RatingRecord,
  ratingsOverTime,
} from './ratings-data.ts';

// 10:00 on Friday 4 December 2026 in Shanghai; still 21:00 on Thursday the 3rd in New York.
const NOW = new Date('2026-12-04T02:00:00Z');

describe('parsePeriod', () => {
  it("reads today, the last 7 and 30 days and this month on the console's zone", () => {
    const on = (period: string, zone = 'Asia/Shanghai') => {
      const parsed = parsePeriod({ period }, NOW, zone);
      return parsed.ok ? [parsed.value.from, parsed.value.to] : parsed.reason;
    };
    expect(on('today')).toEqual(['2026-12-04', '2026-12-04']);
    expect(on('today', 'America/New_York')).toEqual(['2026-12-03', '2026-12-03']);
    expect(on('7d')).toEqual(['2026-11-28', '2026-12-04']);
    expect(on('30d')).toEqual(['2026-11-05', '2026-12-04']);
    expect(on('month')).toEqual(['2026-12-01', '2026-12-04']);
    expect(on('month', 'America/New_York')).toEqual(['2026-12-01', '2026-12-03']);
    expect(on('constructor')).toMatch(/^period is one of/);
  });

  it('a custom period has two real dates in order, at most 366 days', () => {
    const custom = (from: string, to: string) => parsePeriod({ period: 'custom', from, to }, NOW, 'UTC');
    expect(custom('2024-02-28', '2024-03-01')).toMatchObject({
      ok: true,
      value: { from: '2024-02-28', to: '2024-03-01' },
    });
    expect(custom('2026-02-29', '2026-03-01')).toMatchObject({ ok: false });
    expect(custom('2026-12-04', '2026-12-03')).toMatchObject({
      ok: false,
      reason: 'from (2026-12-04) is after to (2026-12-03)',
    });
    expect(custom('2025-12-03', '2026-12-03')).toMatchObject({ ok: true });
    expect(custom('2025-12-02', '2026-12-03')).toMatchObject({
      ok: false,
      reason: 'a period is at most 366 days',
    });
    expect(parsePeriod({ from: '2026-12-01', to: '2026-12-02' }, NOW, 'UTC')).toMatchObject({
      ok: true,
      value: { kind: 'custom' },
    });
  });
});

describe('ratingsOverTime', () => {
  const period = (from: string, to: string): Period => ({ kind: 'custom', from, to, zone: 'UTC' });
  const rating = (date: string, level: 1 | 5) => ({ date, level }) as RatingRecord;

  it('counts by day up to 31 days, each level apart', () => {
    const buckets = ratingsOverTime(
      [rating('2026-12-01', 5), rating('2026-12-01', 1), rating('2026-12-03', 5)],
      period('2026-12-01', '2026-12-03'),
    );
    expect(buckets.map((b) => [b.from, b.to, b.counts[5], b.counts[1]])).toEqual([
      ['2026-12-01', '2026-12-01', 1, 1],
      ['2026-12-02', '2026-12-02', 0, 0],
      ['2026-12-03', '2026-12-03', 1, 0],
    ]);
  });

  it('counts by week, Monday to Sunday cut to the period, over 31 days', () => {
    const buckets = ratingsOverTime(
      [rating('2026-11-01', 5), rating('2026-11-02', 5), rating('2026-12-04', 1)],
      period('2026-11-01', '2026-12-04'),
    );
    expect(buckets.map((b) => `${b.from}/${b.to}`)).toEqual([
      '2026-11-01/2026-11-01',
      '2026-11-02/2026-11-08',
      '2026-11-09/2026-11-15',
      '2026-11-16/2026-11-22',
      '2026-11-23/2026-11-29',
      '2026-11-30/2026-12-04',
    ]);
    expect(buckets.map((b) => b.counts[5] + b.counts[1])).toEqual([1, 1, 0, 0, 0, 1]);
  });
});

describe('csvCell', () => {
  it('quotes what RFC 4180 needs and makes a formula text', () => {
    expect(csvCell('护照办理')).toBe('护照办理');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(5)).toBe('5');
    expect(csvCell('')).toBe('');
  });

  it('writes a BOM, the header and CRLF line ends', () => {
    const csv = exportCsv([]);
    expect(csv.startsWith('\uFEFF评价编号,评价时间,接收时间,大厅,事项编码,')).toBe(true);
    expect(csv.endsWith('整改期限,整改说明\r\n')).toBe(true);
  });
});
