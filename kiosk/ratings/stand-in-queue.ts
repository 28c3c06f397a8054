/** TEMPORARY until kiosk/fleet/rating-queue.ts lands on main: refuses loudly. */
import type { Catalogue, Rating } from '../../fleet/protocol.ts';

export async function queueRating(_rating: Rating, _catalogue: Catalogue): Promise<void> {
  throw new Error('the rating queue has not landed yet');
}
