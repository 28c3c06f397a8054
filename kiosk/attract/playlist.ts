/** Which attract slides play at a hall time, and whether the screen sleeps: attract.yaml's rules, pure. */
import { minuteOf, minuteOfDay, wallClock } from '../../content/hall-time.ts';
import { noticeInForce } from '../../content/in-force.ts';
import type { Attract, Notice } from '../../content/schema.ts';
import { DAY_KEYS, toMinutes } from '../logic/opening-hours.ts';

export type Slide = Attract['slides'][number];
/** A slide ready to play: `key` stays the same across content versions while the slide keeps its place. */
export type PlayableSlide = {
  key: string;
  slide: Slide;
  /** An urgent notice's turn (interleave.ts): shown whole, in `locale` whatever the visitor's language. */
  urgent?: true;
  locale?: string;
};

/** Seconds a notice marked `attract: true` plays for when no slide names it. */
export const IMPLICIT_NOTICE_SECONDS = 10;

/**
 * Whether `at` (minutes since midnight) falls in [from, to). A period whose end is earlier than its start
 * runs across midnight; one whose end equals its start lasts the whole day.
 */
function within(from: string, to: string, at: number): 'today' | 'from-yesterday' | false {
  const f = toMinutes(from);
  const t = toMinutes(to);
  if (f === t) return 'today';
  if (f < t) return f <= at && at < t ? 'today' : false;
  if (at >= f) return 'today';
  return at < t ? 'from-yesterday' : false;
}

/** A notice slide plays only while its notice is published and not expired. */
const noticeShowing = (n: Notice | undefined, today: string): boolean =>
  n !== undefined && noticeInForce(n, today);

/**
 * The playlist at `now`, read on the hall's clock in `timeZone`: the slides of every day part in force, in the day part's order;
 * outside every day part, with no schedule, or when a day part has nothing left to show, all slides.
 * Notices marked `attract: true` that no slide names join "all slides". Slides of notices not in force
 * are skipped.
 */
export function playlistAt(
  attract: Attract | undefined,
  notices: readonly Notice[],
  now: Date,
  timeZone: string,
): PlayableSlide[] {
  if (!attract) return [];
  const hall = wallClock(now, timeZone);
  const today = hall.date;
  const byId = new Map(notices.map((n) => [n.id, n]));
  const playable = (s: Slide) => s.notice === undefined || noticeShowing(byId.get(s.notice), today);
  const all: PlayableSlide[] = attract.slides.map((slide, i) => ({ key: slide.id ?? `slide-${i}`, slide }));
  const named = new Set(attract.slides.flatMap((s) => (s.notice ? [s.notice] : [])));
  for (const n of notices) {
    if (n.attract && !named.has(n.id))
      all.push({ key: `notice-${n.id}`, slide: { notice: n.id, seconds: IMPLICIT_NOTICE_SECONDS } });
  }
  const everything = all.filter((p) => playable(p.slide));

  const at = minuteOf(hall);
  const dayKey = DAY_KEYS[hall.weekday]!;
  const yesterdayKey = DAY_KEYS[(hall.weekday + 6) % 7]!;
  const ids: string[] = [];
  for (const part of attract.schedule) {
    const when = within(part.from, part.to, at);
    const day = when === 'today' ? dayKey : yesterdayKey;
    if (when && (part.days as readonly string[]).includes(day)) ids.push(...part.slides);
  }
  const chosen = [...new Set(ids)]
    .map((id) => everything.find((p) => p.slide.id === id))
    .filter((p): p is PlayableSlide => p !== undefined);
  return chosen.length > 0 ? chosen : everything;
}

/** Whether the screen dims at `now` (the hall's clock in `timeZone`): inside any `sleep` period, which may run across midnight. */
export function sleepingAt(attract: Attract | undefined, now: Date, timeZone: string): boolean {
  const at = minuteOfDay(now, timeZone);
  return (attract?.sleep ?? []).some((p) => within(p.from, p.to, at) !== false);
}
