/** The dock's 评价: shown while this screen has something left to rate in this visit, or while its sheet is open. */
import { useApp, useT } from '../app/context.ts';
import { dockTarget } from './dock-target.ts';
import { Face } from './Face.tsx';
import type { RatingTarget } from './rating-model.ts';
import { ratingSheet } from './wire-ratings.ts';

/**
 * Whether the dock asks at all (its layout keeps the place for 评价 all visit, so nothing moves when it
 * goes), whether it shows 评价 now, whether its sheet is open, and what it would ask.
 */
export function useDockRating(): {
  asked: boolean;
  shown: boolean;
  open: boolean;
  target: RatingTarget | undefined;
} {
  const { ratings, visit, view } = useApp();
  const open = ratings.flow.value?.place === 'dock';
  const target = dockTarget(ratings, visit.current.value, (id) => view.service(id) !== undefined);
  const asked = ratingSheet.value !== undefined && ratings.asks('dock');
  return { asked, shown: asked && (open || target !== undefined), open, target };
}

export function RatingDockButton() {
  const { ratings } = useApp();
  const t = useT('ratings');
  const { shown, open, target } = useDockRating();
  if (!shown) return null;
  return (
    <button
      type="button"
      class="dock-button dock-rate"
      aria-expanded={open}
      aria-controls="rating-sheet"
      onClick={() => (open ? ratings.dismiss() : target && ratings.start(target, 'dock'))}
    >
      <Face level={5} size={32} /> {t('dock')}
    </button>
  );
}
