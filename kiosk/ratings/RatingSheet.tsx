/**
 * The dock's sheet, low above the dock like the sheet of modes: never over the dock, so back, home and
 * every other button still work. One tap dismisses it: 不评价, a tap anywhere on the screen outside it,
 * Escape, or a new screen (Shell). Taps on the dock that change only how things read (language, modes) keep it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import { hallAfter } from './dock-target.ts';
import { RatingPanel } from './RatingPanel.tsx';
import './style.css';

export function RatingSheet() {
  const { ratings } = useApp();
  const t = useT('ratings');
  const sheet = useRef<HTMLElement>(null);
  const flow = ratings.flow.value;
  const open = flow?.place === 'dock';
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      const at = e.target instanceof Element ? e.target : null;
      if (at && (sheet.current?.contains(at) || at.closest('.dock, .access-sheet, .still-there-backdrop')))
        return;
      ratings.dismiss();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') ratings.dismiss();
    };
    document.addEventListener('pointerdown', outside, { capture: true });
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', outside, { capture: true });
      document.removeEventListener('keydown', onKey);
    };
  }, [open, ratings]);
  if (!flow || !open) return null;
  const next = flow.step === 'thanks' ? hallAfter(ratings, flow.target) : undefined;
  return (
    <section id="rating-sheet" ref={sheet} class="rating rating-sheet" role="dialog" aria-label={t('dock')}>
      <RatingPanel
        key={`${flow.target.subject}-${flow.target.service ?? ''}`}
        target={flow.target}
        place="dock"
        id="rating-sheet"
        next={next && (() => ratings.start(next, 'dock'))}
      />
    </section>
  );
}
