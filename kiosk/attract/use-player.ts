/** Plays slides in turn, each for its seconds; keeps the slide on screen when the list changes if it can. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlayableSlide } from './playlist.ts';

/** How long one slide fades into the next (attract mode may move slower than the 150–250 ms of a visit). */
export const FADE_MS = 1200;

type PlayerState = { current: PlayableSlide | undefined; turn: number; leaving: PlayableSlide | undefined };

/**
 * The slide to show now and the one fading out. `turn` counts slide changes, so a slide that follows
 * itself (a list of one) still restarts its time without fading into itself.
 */
export function usePlayer(slides: PlayableSlide[]) {
  const [state, setState] = useState<PlayerState>({ current: slides[0], turn: 0, leaving: undefined });
  const latest = useRef(slides);
  latest.current = slides;
  // A new content version or day part keeps the slide on screen, with its new text, while it is still listed.
  const current = (state.current && slides.find((s) => s.key === state.current?.key)) ?? state.current;

  const moveTo = (next: PlayableSlide | undefined) =>
    setState((s) => ({
      current: next,
      turn: s.turn + 1,
      leaving: next && s.current && next.key !== s.current.key ? s.current : undefined,
    }));

  // A slide no longer listed gives way to the first of the new list at once.
  const listed = current !== undefined && slides.some((s) => s.key === current.key);
  useEffect(() => {
    if (!listed) moveTo(slides[0]);
  }, [listed, slides]);

  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => {
      const list = latest.current;
      const i = list.findIndex((s) => s.key === current.key);
      moveTo(list[(i + 1) % list.length]);
    }, current.slide.seconds * 1000);
    return () => clearTimeout(timer);
  }, [current?.key, state.turn]);

  useEffect(() => {
    if (!state.leaving) return;
    const timer = setTimeout(() => setState((s) => ({ ...s, leaving: undefined })), FADE_MS);
    return () => clearTimeout(timer);
  }, [state.leaving]);

  return { current, leaving: state.leaving };
}
