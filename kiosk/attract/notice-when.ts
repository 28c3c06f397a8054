/**
 * When an urgent notice's event happens, in words: its `happens` (the outage, the closure), else the days the
 * notice is in force. Dates are written as people say them ("12月30日（周三）18:00", "Wed 30 Dec, 18:00"),
 * never as ISO. Any locale other than Chinese reads English words.
 */
import type { Notice } from '../../content/schema.ts';

type When = Pick<Notice, 'date' | 'expires' | 'happens'>;
type Moment = { date: string; time: string | undefined };

const ZH_WEEKDAY = '日一二三四五六';
const EN_WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const moment = (text: string): Moment => {
  const [date, time] = text.split(' ');
  return { date: date!, time };
};
const parts = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  // Noon UTC: the weekday of a calendar date, whatever the zone of the machine.
  return { m: m!, d: d!, weekday: new Date(Date.UTC(y!, m! - 1, d!, 12)).getUTCDay() };
};
const isZh = (locale: string) => locale.toLowerCase().startsWith('zh');

/** "12月30日（周三）" / "Wed 30 Dec"; short drops the weekday ("12月30日" / "30 Dec"). */
function day(date: string, locale: string, short = false): string {
  const { m, d, weekday } = parts(date);
  if (isZh(locale)) return `${m}月${d}日${short ? '' : `（周${ZH_WEEKDAY[weekday]}）`}`;
  return `${short ? '' : `${EN_WEEKDAY[weekday]} `}${d} ${EN_MONTH[m - 1]}`;
}
function at(x: Moment, locale: string, short = false): string {
  const sep = isZh(locale) || short ? ' ' : ', ';
  return x.time
    ? `${day(x.date, locale, short)}${sep}${x.time}`.replace('） ', '）')
    : day(x.date, locale, short);
}

function span(n: When): { from: Moment; to: Moment | undefined } {
  if (n.happens) return { from: moment(n.happens.from), to: n.happens.to ? moment(n.happens.to) : undefined };
  return {
    from: { date: n.date, time: undefined },
    to: n.expires ? { date: n.expires, time: undefined } : undefined,
  };
}

/** The whole span, for a headline: "12月30日（周三）18:00 至 12月31日（周四）12:00". */
export function whenWords(n: When, locale: string): string {
  const { from, to } = span(n);
  const zh = isZh(locale);
  if (!to || (to.date === from.date && to.time === from.time)) return at(from, locale);
  if (to.date === from.date) {
    if (!from.time || !to.time) return at(from, locale);
    return `${at(from, locale)}${zh ? '—' : '–'}${to.time}`;
  }
  return `${at(from, locale)}${zh ? ' 至 ' : ' to '}${at(to, locale)}`;
}

/** One short phrase for a banner line, on the hall's date `today`: from when, or once begun, until when. */
export function whenShort(n: When, locale: string, today: string): string {
  const { from, to } = span(n);
  const zh = isZh(locale);
  if (today < from.date) return zh ? `${at(from, locale, true)}起` : `from ${at(from, locale, true)}`;
  if (!to || (to.date === today && !to.time)) return zh ? '今天' : 'today';
  return zh ? `至${at(to, locale, true)}` : `until ${at(to, locale, true)}`;
}

/**
 * Whether what an urgent notice announces has begun by `today`: a notice with no `happens` is about every day
 * it is in force. Only such a notice keeps the attract screen bright in sleep hours.
 */
export function happensBy(n: When, today: string): boolean {
  return n.happens === undefined || moment(n.happens.from).date <= today;
}
