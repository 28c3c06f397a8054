/**
 * Urgent notices take turns with the playlist (docs/attract.md): after every URGENT_EVERY slides, one urgent
 * notice, once in each of the hall's languages, default first. Pure.
 */
import type { PlayableSlide } from './playlist.ts';

/** Playlist slides between two urgent turns: often enough to be seen by anyone passing, not the whole screen. */
export const URGENT_EVERY = 2;
/** Seconds an urgent notice shows in one language: its whole text, read from across the hall. */
export const URGENT_SECONDS = 12;

/** The playlist with `urgent` (notice ids) woven in; keys stay unique, the first round keeps the playlist's. */
export function withUrgent(
  playlist: readonly PlayableSlide[],
  urgent: readonly string[],
  locales: readonly string[],
  every = URGENT_EVERY,
): PlayableSlide[] {
  if (urgent.length === 0) return [...playlist];
  const turn = (id: string, gap: number): PlayableSlide[] =>
    locales.map((locale) => ({
      key: `urgent-${id}-${locale}-${gap}`,
      slide: { notice: id, seconds: URGENT_SECONDS },
      urgent: true,
      locale,
    }));
  if (playlist.length === 0) return urgent.flatMap(turn);
  // Enough rounds of the playlist that every urgent notice has its turn before the list starts again.
  const gapsPerRound = Math.ceil(playlist.length / every);
  const rounds = Math.ceil(urgent.length / gapsPerRound);
  const out: PlayableSlide[] = [];
  let gap = 0;
  for (let round = 0; round < rounds; round++) {
    playlist.forEach((p, i) => {
      out.push(round === 0 ? p : { ...p, key: `${p.key}~${round}` });
      if ((i + 1) % every === 0 || i === playlist.length - 1) {
        out.push(...turn(urgent[gap % urgent.length]!, gap));
        gap++;
      }
    });
  }
  return out;
}
