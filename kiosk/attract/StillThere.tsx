/** "Are you still there?": a calm question with the seconds left; any touch answers it (the session model listens). */
import { useEffect, useRef } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import './style.css';

/** Screen readers hear the time left every few seconds, not every second. */
const ANNOUNCE_EVERY = 5;

export function StillThere() {
  const { session } = useApp();
  const t = useT('attract');
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const seconds = session.remaining.value;
  const left = (s: number) =>
    s === 1 ? t('stillThere.oneSecondLeft') : t('stillThere.secondsLeft', { seconds: s });
  const announced = Math.ceil(seconds / ANNOUNCE_EVERY) * ANNOUNCE_EVERY;
  return (
    <div class="still-there-backdrop">
      <div
        class="still-there"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="still-there-title"
        aria-describedby="still-there-body"
      >
        <h2 id="still-there-title">{t('stillThere.title')}</h2>
        <p id="still-there-body">{t('stillThere.body')}</p>
        <p class="still-there-count" aria-hidden="true">
          {left(seconds)}
        </p>
        <p class="visually-hidden" aria-live="polite">
          {left(announced)}
        </p>
        {/* The session model answers on the click itself, before it reaches this button. */}
        <button ref={keep} type="button" class="still-there-keep">
          {t('stillThere.keep')}
        </button>
      </div>
    </div>
  );
}
