/**
 * Working days for a 差评 case's due date (docs/ratings.md): Monday to Friday, less the public holidays
 * of a `--holidays` file, plus its make-up working days (调休, a Saturday or Sunday worked instead).
 * Pure: dates are `YYYY-MM-DD` calendar dates, counted in UTC so no zone or clock change moves them.
 */

export interface WorkingCalendar {
  /** Days off that would otherwise be working days (a holiday on a weekend changes nothing). */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days. */
  workdays: ReadonlySet<string>;
}

/** Monday to Friday, no holidays: the calendar without a `--holidays` file. */
export const PLAIN_CALENDAR: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The day's number since 1970-01-01, or undefined when `date` is not a real calendar date. */
function dayNumber(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2027-02-30 over to March: a date that does not come back the same is not a date.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : undefined;
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export const isCalendarDate = (date: string): boolean => dayNumber(date) !== undefined;

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `start`: `start` itself never counts (a case received on a Friday
 * with n = 1 is due on Monday), so n = 0 is `start`.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  let day = dayNumber(start);
  if (day === undefined) throw new RangeError(`"${start}" is not a date (YYYY-MM-DD)`);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`${n} is not a whole number of days`);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(dateOf(day), calendar)) left -= 1;
  }
  return dateOf(day);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a holidays file holds, for the service's start-up line. */
export interface HolidaysFile extends WorkingCalendar {
  /** The first and last date the file names, or undefined for a file of comments only. */
  span?: { from: string; to: string };
}

/**
 * Reads a holidays file: one date a line, `2027-01-01` a holiday, `+2027-02-14` a make-up working day;
 * `#` starts a comment (on its own line or after a date); blank lines are skipped. The first bad line
 * is the answer, as `<file>:<line>: <what is wrong>`.
 */
export function parseHolidays(text: string, fileName: string): Parsed<HolidaysFile> {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const bad = (what: string): Parsed<HolidaysFile> => ({
      ok: false,
      reason: `${fileName}:${index + 1}: ${what}`,
    });
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const makeUp = line.startsWith('+');
    const date = makeUp ? line.slice(1).trim() : line;
    if (!DATE_PATTERN.test(date)) {
      return bad(
        `"${line}" should be a date like 2027-01-01 (a holiday) or +2027-02-14 (a make-up working day)`,
      );
    }
    const day = dayNumber(date);
    if (day === undefined) return bad(`${date} is not a day of the calendar`);
    if (makeUp) {
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6) {
        return bad(`${date} is a weekday: a make-up working day (+) is a Saturday or a Sunday`);
      }
      if (holidays.has(date)) return bad(`${date} is listed as a holiday too`);
      workdays.add(date);
    } else {
      if (workdays.has(date)) return bad(`${date} is listed as a make-up working day too`);
      holidays.add(date);
    }
  }
  const all = [...holidays, ...workdays].sort();
  const from = all[0];
  const to = all.at(-1);
  return { ok: true, value: { holidays, workdays, ...(from && to ? { span: { from, to } } : {}) } };
}
