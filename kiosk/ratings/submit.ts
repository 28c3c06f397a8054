/**
 * The rating screens' only door to the fleet code: whether and where this terminal asks (catalogue.ts)
 * and the durable queue (rating-queue.ts), both imported when needed, so no fleet code is in the first
 * screen's JavaScript (docs/fleet-terminal.md) and a terminal without a fleet service never loads them.
 */
import type { Rating } from '../../fleet/protocol.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { RatingsOffer } from './rating-model.ts';

/** `ratingsOffered` of kiosk/fleet/catalogue.ts, once its chunk has arrived. */
export async function loadOffer(): Promise<(content: ActiveContent) => RatingsOffer> {
  const { ratingsOffered } = await import('../fleet/catalogue.ts');
  return (content) => ratingsOffered(content, true);
}

/** Queues a finished rating with the catalogue of the content the visitor read; rejects when it cannot. */
export async function queueRatingOf(rating: Rating, content: ActiveContent): Promise<void> {
  const [{ queueRating }, { catalogueOf }] = await Promise.all([
    import('../fleet/rating-queue.ts'),
    import('../fleet/catalogue.ts'),
  ]);
  await queueRating(rating, catalogueOf(content));
}
