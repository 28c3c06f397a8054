/**
 * Hall time: the wall clock of the hall, read in the hall's IANA time zone (hall.yaml `timeZone`), never in
 * the terminal's OS zone — a terminal left on UTC must still say "open" at 10:30 in Beijing. Browser-safe:
 * only `Intl`, so the kiosk, the validator and the tests share it.
 */

/** The zone of a hall.yaml without `timeZone`, and of bundles published before the field existed. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An instant as the hall's clock and calendar show it. */
export type WallClock = {
  /** The calendar date, YYYY-MM-DD (how content writes dates, so strings compare in order). */
  date: string;
  /** 0 for Sunday to 6 for Saturday, like `Date.getDay()`. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
};

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Making a formatter costs far more than using one, and every opening-hours badge asks on each render.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23: midnight is 00, never 24 (some engines write 24:00 with hour12: false).
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The hall's wall clock at an instant. Throws a RangeError for an invalid instant or an unknown zone. */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    date: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The hall's calendar date at an instant, YYYY-MM-DD. */
export const localDate = (at: Date | number, timeZone: string): string => wallClock(at, timeZone).date;

/** Minutes since midnight on a wall clock. */
export const minuteOf = (w: WallClock): number => w.hour * 60 + w.minute;

/** Minutes since the hall's midnight at an instant. */
export const minuteOfDay = (at: Date | number, timeZone: string): number => minuteOf(wallClock(at, timeZone));

/** The hall's weekday at an instant: 0 for Sunday to 6 for Saturday. */
export const weekday = (at: Date | number, timeZone: string): number => wallClock(at, timeZone).weekday;

/** The zone a hall's times are read in: its `timeZone`, or the default for a hall (or old bundle) without one. */
export const hallTimeZone = (hall: { timeZone?: string | undefined } | undefined): string =>
  hall?.timeZone ?? DEFAULT_TIME_ZONE;

/** Whether this JavaScript engine knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A zone's canonical name (asia/shanghai → Asia/Shanghai), so two spellings of one zone compare equal. */
export const canonicalTimeZone = (name: string): string => formatterFor(name).resolvedOptions().timeZone;

/** The zone the terminal's OS (or browser context) is set to. */
export const systemTimeZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;
