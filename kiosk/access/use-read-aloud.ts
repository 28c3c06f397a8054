/** Reads the current screen's main content aloud while the mode is on; stops on a new screen, a new language or the end of the visit. */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { useApp } from '../app/context.ts';

/** What is read: the screen's heading first, then the rest of its text in reading order, one piece a line. */
export function screenText(main: HTMLElement): string[] {
  const heading = main.querySelector('h1')?.textContent?.trim();
  // innerText, not textContent: only what shows, with the layout's line breaks.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a visitor sees
  const lines = main.innerText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const rest = heading ? lines.filter((l, i) => !(l === heading && i === lines.indexOf(heading))) : lines;
  return heading ? [heading, ...rest] : rest;
}

export function useReadAloud(main: RefObject<HTMLElement | null>, screenKey: unknown): void {
  const { access, visit } = useApp();
  const on = access.readAloud.value;
  const locale = visit.locale.value;
  const canSpeak = access.speech.canSpeak(locale);
  useEffect(() => {
    if (!on || !canSpeak) return;
    // A moment's wait: a screen's chunk and its text arrive just after the tap.
    const timer = setTimeout(() => {
      if (main.current) access.speech.speak(screenText(main.current), locale);
    }, 300);
    return () => {
      clearTimeout(timer);
      access.speech.stop();
    };
  }, [on, canSpeak, locale, screenKey, access, main]);
}
