/** A week of opening hours in a few words: days with the same hours run together ("Mon–Fri 09:00-12:00"). */
import { DAYS, type WeeklyHoursT } from '../../../content/schema.ts';

export type Day = (typeof DAYS)[number];
export type WeekWords = {
  /** The name of one day, and of a run of days ("周一至周五", "Mon–Fri"). */
  day: (d: Day) => string;
  days: (from: Day, to: Day) => string;
  /** Joins the periods of one day, and the groups of days. */
  periodJoiner: string;
  groupJoiner: string;
  closed: string;
};

/** Groups of consecutive days (Monday first) that share the same periods; closed days say so. */
export function weekGroups(weekly: WeeklyHoursT): { from: Day; to: Day; periods: string[] }[] {
  const groups: { from: Day; to: Day; periods: string[] }[] = [];
  for (const day of DAYS) {
    const periods = weekly[day] ?? [];
    const last = groups[groups.length - 1];
    if (last && last.periods.join() === periods.join()) last.to = day;
    else groups.push({ from: day, to: day, periods });
  }
  return groups;
}

export function weekText(weekly: WeeklyHoursT, w: WeekWords): string {
  return weekGroups(weekly)
    .map(
      (g) =>
        `${g.from === g.to ? w.day(g.from) : w.days(g.from, g.to)} ${
          g.periods.length ? g.periods.join(w.periodJoiner) : w.closed
        }`,
    )
    .join(w.groupJoiner);
}
