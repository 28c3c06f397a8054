/**
 * Makes the visit's rating model from the others (App does, once): the visit's end wipes it, and only a
 * terminal with a fleet service loads what asks (the offer and the sheet), after the first paint.
 */
import { effect, signal } from '@preact/signals';
import type { ActiveContent } from '../../sync/index.ts';
import type { BaseModels } from '../app/context.ts';
import { createRatingModel, type RatingModel } from './rating-model.ts';
import { loadOffer, queueRatingOf } from './submit.ts';

type SheetModule = typeof import('./RatingSheet.tsx');
/** The dock's sheet, once its chunk has arrived (only on a terminal that asks). */
export const ratingSheet = signal<SheetModule | undefined>(undefined);

export function wireRatings(models: BaseModels): RatingModel {
  const content = () => models.sync.content.peek() as ActiveContent;
  const ratings = createRatingModel({
    content,
    locale: () => models.visit.locale.peek(),
    now: () => new Date(),
    send: queueRatingOf,
  });
  // Every end of a visit passes through the playlist: whatever was half given goes with it.
  effect(() => {
    if (models.session.phase.value === 'attract') ratings.reset();
  });
  if (models.settings.fleetUrl)
    setTimeout(() => {
      Promise.all([loadOffer(), import('./RatingSheet.tsx')])
        .then(([offerOf, sheet]) => {
          ratingSheet.value = sheet;
          effect(() => {
            const active = models.sync.content.value as ActiveContent | undefined;
            ratings.offer.value = active ? offerOf(active) : undefined;
          });
        })
        .catch((e: unknown) => console.error('[sunlight ratings] the rating screens did not load', e));
    }, 0);
  return ratings;
}
