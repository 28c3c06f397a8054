/** What the dock's 评价 offers on a screen: on a guide, the guide first (where the hall rates guides); else the hall. */
import type { Screen } from '../app/screens.ts';
import type { RatingModel, RatingTarget } from './rating-model.ts';

export function dockTarget(ratings: RatingModel, screen: Screen, serviceExists: (id: string) => boolean) {
  if (!ratings.asks('dock')) return undefined;
  const onGuide = screen.name === 'service' && serviceExists(screen.id) ? screen.id : undefined;
  if (onGuide) {
    const guide: RatingTarget = { subject: 'guide', service: onGuide };
    if (ratings.open(guide, 'guide-end')) return guide;
  }
  const hall: RatingTarget = onGuide ? { subject: 'hall', service: onGuide } : { subject: 'hall' };
  return ratings.open(hall, 'dock') ? hall : undefined;
}

/** The hall's question after the guide's, from the same sheet: only while the hall is still to be asked. */
export function hallAfter(ratings: RatingModel, target: RatingTarget): RatingTarget | undefined {
  if (target.subject !== 'guide') return undefined;
  const hall: RatingTarget = { subject: 'hall', service: target.service };
  return ratings.open(hall, 'dock') ? hall : undefined;
}
