/** Whether a hall, department or window is open now, from weekly hours and dated exceptions. */
import { minuteOf, wallClock } from '../../content/hall-time.ts';
import type { Hall, WeeklyHoursT } from '../../content/schema.ts';

/** Weekday keys as content writes them, indexed like `Date.getDay()` (and WallClock.weekday). */
export const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Minutes since midnight of an `HH:MM` time. */
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const CLOSING_SOON_MINUTES = 30;

export type OpenState = {
  /** Today's periods, like ["09:00-12:00", "13:30-17:30"]; empty when closed all day. */
  periods: string[];
  state: 'open' | 'closing-soon' | 'closed-now' | 'closed-today';
  /** When open: the time it closes; when closed now but opening later today: the time it opens. */
  until?: string;
  opensAt?: string;
  /** The exception's reason, when today is an exception (a holiday). */
  reason?: Hall['exceptions'][number]['reason'];
};

/**
 * Hall exceptions (holidays) apply to every window; `weekly` may be a department's or service's own hours.
 * `now` is read on the hall's clock in `timeZone`, never the terminal's.
 */
export function openState(
  weekly: WeeklyHoursT,
  exceptions: Hall['exceptions'],
  now: Date,
  timeZone: string,
): OpenState {
  const hall = wallClock(now, timeZone);
  const today = hall.date;
  const exception = exceptions.find((e) => e.date === today);
  const periods = exception
    ? exception.closed
      ? []
      : (exception.hours ?? [])
    : (weekly[DAY_KEYS[hall.weekday]!] ?? []);
  const reason = exception?.reason;
  const minutes = minuteOf(hall);
  if (periods.length === 0) return { periods, state: 'closed-today', ...(reason ? { reason } : {}) };
  for (const p of periods) {
    const [from, to] = [p.slice(0, 5), p.slice(6)];
    if (minutes >= toMinutes(from) && minutes < toMinutes(to)) {
      const soon = toMinutes(to) - minutes <= CLOSING_SOON_MINUTES;
      return { periods, state: soon ? 'closing-soon' : 'open', until: to, ...(reason ? { reason } : {}) };
    }
  }
  const next = periods.find((p) => toMinutes(p.slice(0, 5)) > minutes);
  return {
    periods,
    state: 'closed-now',
    ...(next ? { opensAt: next.slice(0, 5) } : {}),
    ...(reason ? { reason } : {}),
  };
}
