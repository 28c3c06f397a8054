import { describe, expect, it } from 'vitest';
import { addWorkingDays, PLAIN_CALENDAR, parseHolidays, type WorkingCalendar } from './working-days.ts';

/** A made-up New Year: Friday 2027-01-01 off, Sunday 2027-01-03 worked instead. */
const NEW_YEAR: WorkingCalendar = { holidays: new Set(['2027-01-01']), workdays: new Set(['2027-01-03']) };

describe('working days after the day a case was received', () => {
  it.each([
    ['a Friday, 1 day: the weekend is skipped', '2026-12-04', 1, PLAIN_CALENDAR, '2026-12-07'],
    ['a Friday, 15 days: three weeks', '2026-12-04', 15, PLAIN_CALENDAR, '2026-12-25'],
    ['a Monday, 4 days: the day itself does not count', '2026-12-07', 4, PLAIN_CALENDAR, '2026-12-11'],
    ['a Saturday, 1 day: Monday', '2026-12-05', 1, PLAIN_CALENDAR, '2026-12-07'],
    ['0 days: the day itself', '2026-12-05', 0, PLAIN_CALENDAR, '2026-12-05'],
    ['across a year and a leap day', '2028-02-25', 2, PLAIN_CALENDAR, '2028-02-29'],
    ['a Thursday before a Friday holiday, plain weekend', '2026-12-31', 1, PLAIN_CALENDAR, '2027-01-01'],
    ['a Thursday before a Friday holiday and a make-up Sunday', '2026-12-31', 1, NEW_YEAR, '2027-01-03'],
    ['the holiday then the make-up Sunday then Monday', '2026-12-31', 2, NEW_YEAR, '2027-01-04'],
    ['received on the holiday itself', '2027-01-01', 1, NEW_YEAR, '2027-01-03'],
  ] as const)('received %s', (_case, start, n, calendar, due) => {
    expect(addWorkingDays(start, n, calendar)).toBe(due);
  });

  it('five holidays and one make-up day move the due date four working days later', () => {
    const springFestival: WorkingCalendar = {
      holidays: new Set(['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']),
      workdays: new Set(['2027-02-06']),
    };
    // Received Friday 2027-02-05: Saturday 6th is worked, then nothing until Monday 15th.
    expect(addWorkingDays('2027-02-05', 1, springFestival)).toBe('2027-02-06');
    expect(addWorkingDays('2027-02-05', 2, springFestival)).toBe('2027-02-15');
    expect(addWorkingDays('2027-02-05', 15, springFestival)).toBe('2027-03-04');
    expect(addWorkingDays('2027-02-05', 15, PLAIN_CALENDAR)).toBe('2027-02-26');
  });

  it('refuses a start that is not a date, rather than guessing', () => {
    expect(() => addWorkingDays('2027-02-30', 1, PLAIN_CALENDAR)).toThrow('"2027-02-30" is not a date');
    expect(() => addWorkingDays('2027-02-01', -1, PLAIN_CALENDAR)).toThrow('not a whole number');
  });
});

describe('the holidays file', () => {
  it('reads holidays, make-up days, comments and blank lines', () => {
    const parsed = parseHolidays(
      '# 2027 元旦\n2027-01-01\n+2027-01-03   # 周日上班\n\n  2027-02-08\r\n',
      'holidays.txt',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        holidays: new Set(['2027-01-01', '2027-02-08']),
        workdays: new Set(['2027-01-03']),
        span: { from: '2027-01-01', to: '2027-02-08' },
      },
    });
    expect(parseHolidays('# nothing yet\n', 'h.txt')).toEqual({
      ok: true,
      value: { holidays: new Set(), workdays: new Set() },
    });
  });

  it.each([
    ['not a date', '2027-01-01\nNew Year\n', 'h.txt:2: "New Year" should be a date like 2027-01-01'],
    ['another spelling', '2027/01/01\n', 'h.txt:1: "2027/01/01" should be a date like 2027-01-01'],
    ['a day not in the calendar', '\n\n2027-02-30\n', 'h.txt:3: 2027-02-30 is not a day of the calendar'],
    [
      'a make-up day on a weekday',
      '+2027-01-04\n',
      'h.txt:1: 2027-01-04 is a weekday: a make-up working day (+) is a Saturday or a Sunday',
    ],
    [
      'a date both ways',
      '+2027-01-03\n2027-01-03\n',
      'h.txt:2: 2027-01-03 is listed as a make-up working day too',
    ],
    [
      'a date both ways, other order',
      '2027-01-03\n+2027-01-03\n',
      'h.txt:2: 2027-01-03 is listed as a holiday too',
    ],
  ])('stops at %s, naming the file and line', (_case, text, reason) => {
    const parsed = parseHolidays(text, 'h.txt');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.startsWith(reason)).toBe(true);
  });
});
