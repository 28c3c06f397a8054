/**
 * How the staff panel writes times and sizes: wall-clock times on the hall's clock (its `timeZone`, which may
 * not be the terminal's OS zone), and sizes in KB/MB/GB.
 */
import type { TFunction } from 'i18next';
import { wallClock } from '../../content/hall-time.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** The hall's date and time to the minute, e.g. 2026-11-27 10:05 (staff compare it with the hall's clock). */
export function localTime(at: number | string, timeZone: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const w = wallClock(d, timeZone);
  return `${w.date} ${two(w.hour)}:${two(w.minute)}`;
}

/** The hall's time of day, e.g. 10:05:09, for the log and the chart's axis. */
export function timeOfDay(at: number, timeZone: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const w = wallClock(d, timeZone);
  return `${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/** "3 min ago", "2 h ago"; a time in the future (the next check) as "in 4 min". */
export function ago(at: number, now: number, t: TFunction): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 0) return t('ago.in', { count: -minutes });
  if (minutes < 1) return t('ago.now');
  if (minutes < 60) return t('ago.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('ago.hours', { count: Math.round(minutes / 60) });
  return t('ago.days', { count: Math.round(minutes / 1440) });
}

export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** Minutes and seconds left, e.g. 0:30 or 15:00; with hours from one hour up, e.g. 4:00:00 (the PIN lockout). */
export function countdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}:${two(seconds % 60)}`;
  return `${Math.floor(minutes / 60)}:${two(minutes % 60)}:${two(seconds % 60)}`;
}
