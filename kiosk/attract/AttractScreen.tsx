/** The attract playlist between visitors: slides cross-fading, "touch to start", burn-in shift, dark in sleep hours. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import { translator } from '../i18n/setup.ts';
import { withUrgent } from './interleave.ts';
import { happensBy } from './notice-when.ts';
import { type PlayableSlide, playlistAt, sleepingAt } from './playlist.ts';
import { SlideView } from './SlideView.tsx';
import { usePlayer } from './use-player.ts';
import './style.css';

/** Against burn-in the whole picture moves a few pixels, this often, so no pixel shows one thing for hours. */
export const SHIFT_EVERY_MS = 3 * 60_000;
const SHIFTS = [
  [0, 0],
  [4, 2],
  [-3, 4],
  [-4, -2],
  [2, -4],
  [4, -1],
  [-2, 3],
] as const;

export function AttractScreen() {
  const { view, clock, terminalMode } = useApp();
  const t = useT('attract');
  const content = view.content.value;
  const now = clock.now.value;
  const urgent = view.urgent.value;
  // Urgent notices in force take turns with the playlist, in each of the hall's languages (interleave.ts).
  const slides = useMemo<PlayableSlide[]>(() => {
    const locales = [
      content.manifest.defaultLocale,
      ...content.manifest.locales.filter((l) => l !== content.manifest.defaultLocale),
    ];
    return withUrgent(
      playlistAt(content.attract, content.notices, now, clock.timeZone.value),
      urgent.map((n) => n.id),
      locales,
    );
  }, [urgent, content, now, clock.timeZone.value]);
  const { current, leaving } = usePlayer(slides);
  const isUrgent = urgent.length > 0;
  // An urgent notice about today is never dimmed: it must be read whatever the hour. One about an outage
  // weeks away dims with the rest in sleep hours (the dark palette keeps it at 7:1).
  const today = clock.today.value;
  const sleeping =
    !urgent.some((n) => happensBy(n, today)) && sleepingAt(content.attract, now, clock.timeZone.value);
  const shift = useShift();
  const locale = view.locale.value;
  // "Touch to start" also in the hall's other languages, once each (a language without UI strings reads English).
  const main = t('touchToStart');
  const others = new Map<string, string>();
  for (const l of content.manifest.locales) {
    const words = translator(l, 'attract')('touchToStart');
    if (words !== main && !others.has(words)) others.set(words, l);
  }
  return (
    <main
      class={`attract${isUrgent ? ' is-urgent' : ''}${sleeping ? ' is-sleeping' : ''}`}
      aria-label={t('title')}
      lang={locale}
    >
      <div class="attract-stage" style={{ transform: `translate(${shift[0]}px, ${shift[1]}px)` }}>
        <div class="attract-slides">
          {leaving && (
            <div key={leaving.key} class="attract-slide is-leaving" aria-hidden="true" lang={leaving.locale}>
              <SlideView playable={leaving} />
            </div>
          )}
          {current ? (
            <div key={current.key} class="attract-slide is-current" lang={current.locale}>
              <SlideView playable={current} />
            </div>
          ) : (
            <div class="attract-slide is-current">
              <div class="slide slide-text">
                <p>{view.text.value(content.hall.name)}</p>
              </div>
            </div>
          )}
        </div>
        {/* An attract-only terminal ignores touches, so it never invites one. */}
        {!terminalMode.attractOnly.value && (
          <footer class="attract-start">
            <span class="attract-start-dot" aria-hidden="true" />
            <span class="attract-start-words">
              <span class="attract-start-main">{main}</span>
              {[...others].map(([words, l]) => (
                <span key={l} class="attract-start-other" lang={l}>
                  {words}
                </span>
              ))}
            </span>
          </footer>
        )}
      </div>
    </main>
  );
}

/** The burn-in offset now: steps through a few small offsets, one step every SHIFT_EVERY_MS. */
function useShift(): readonly [number, number] {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((s) => (s + 1) % SHIFTS.length), SHIFT_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return SHIFTS[step]!;
}
