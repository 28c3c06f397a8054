/** The dock's 评价 on a terminal that asks there: available while this screen has something left to rate in this visit. */
import { useApp, useT } from '../app/context.ts';
import { dockTarget } from './dock-target.ts';
import { Face } from './Face.tsx';
import type { RatingTarget } from './rating-model.ts';
import { ratingSheet } from './wire-ratings.ts';

/** Whether the dock asks at all, whether its sheet is open, and what it would ask on this screen. */
export function useDockRating(): { asked: boolean; open: boolean; target: RatingTarget | undefined } {
  const { ratings, visit, view } = useApp();
  const open = ratings.flow.value?.place === 'dock';
  const target = dockTarget(ratings, visit.current.value, (id) => view.service(id) !== undefined);
  const asked = ratingSheet.value !== undefined && ratings.asks('dock');
  return { asked, open, target };
}

export function RatingDockButton() {
  const { ratings } = useApp();
  const t = useT('ratings');
  const { asked, open, target } = useDockRating();
  if (!asked) return null;
  // Nothing left to rate here in this visit: it stays in its place, unavailable, as home does on home.
  return (
    <button
      type="button"
      class="dock-button dock-rate"
      aria-expanded={open}
      aria-controls="rating-sheet"
      disabled={!open && !target}
      onClick={() => (open ? ratings.dismiss() : target && ratings.start(target, 'dock'))}
    >
      <Face level={5} size={32} /> {t('dock')}
    </button>
  );
}
