/**
 * The terminal's durable rating queue (docs/ratings.md, docs/fleet-terminal.md): a visitor's rating,
 * once tapped, is checked, then stored with the catalogue it names in one strict transaction of the
 * fleet database, where it waits until a report carries it (outbox.ts moves it into a signed report,
 * which is kept until the service answers for it). Works before reporting has started: the rating
 * waits, and the first report that may carry ratings carries it.
 *
 * Bounded: at RATING_QUEUE_LIMIT waiting ratings the oldest is dropped for the new one, counted in
 * `dropped.ratings` of the next report and on the staff panel.
 */
import * as v from 'valibot';
import { Catalogue, Rating } from '../../fleet/protocol.ts';
import {
  catalogueKey,
  type FleetDatabase,
  type QueuedRating,
  readMeta,
  sharedFleetDatabase,
} from './fleet-db.ts';

/** The most ratings waiting at once (a hall's busiest weeks offline; each rating is about 300 bytes). */
export const RATING_QUEUE_LIMIT = 2000;
/** Dispatched on globalThis once a rating is stored: a running reporter reports within a few seconds. */
export const RATING_QUEUED_EVENT = 'sunlight:rating-queued';

const STRICT = { durability: 'strict' } as const;

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Throws a clear Error for a rating the service would refuse: malformed (a 400 for the whole report), or
 * naming a hall, version, service or reason its catalogue does not have (refused one by one).
 */
export function checkRating(rating: Rating, catalogue: Catalogue): void {
  const r = v.safeParse(Rating, rating);
  if (!r.success) throw new Error(`this rating is malformed and was not queued: ${issuesOf(r.issues)}`);
  const c = v.safeParse(Catalogue, catalogue);
  if (!c.success)
    throw new Error(`the catalogue of this rating is malformed, so it was not queued: ${issuesOf(c.issues)}`);
  if (rating.hall !== catalogue.hall || rating.contentVersion !== catalogue.version)
    throw new Error(
      `this rating names ${catalogueKey(rating.hall, rating.contentVersion)} but its catalogue is ${catalogueKey(catalogue.hall, catalogue.version)}: not queued`,
    );
  if (rating.service !== undefined && !catalogue.services.some((s) => s.id === rating.service))
    throw new Error(`this rating names the service "${rating.service}", not in its catalogue: not queued`);
  const unknown = rating.reasons.filter((id) => !catalogue.reasons.some((r) => r.id === id));
  if (unknown.length > 0)
    throw new Error(`this rating gives reasons not in its catalogue (${unknown.join(', ')}): not queued`);
}

export type QueueOptions = { db?: FleetDatabase; limit?: number };

/**
 * Queues one rating durably: resolves once it is on disk (strict durability), so a power cut after
 * that loses nothing. Rejects (loudly, with why) when it is not queued.
 */
export async function queueRating(
  rating: Rating,
  catalogue: Catalogue,
  options: QueueOptions = {},
): Promise<void> {
  checkRating(rating, catalogue);
  const db = options.db ?? (await sharedFleetDatabase());
  const limit = options.limit ?? RATING_QUEUE_LIMIT;
  const key = catalogueKey(catalogue.hall, catalogue.version);
  const tx = db.transaction(['ratings', 'catalogues', 'meta'], 'readwrite', STRICT);
  const ratings = tx.objectStore('ratings');
  const meta = readMeta(await tx.objectStore('meta').get('meta'));
  const n = meta.nextRating ?? 1;
  const again = await ratings.get(rating.id);
  let waiting = (await ratings.count()) - (again ? 1 : 0);
  let dropped = 0;
  const emptied = new Set<string>();
  // Full: the oldest waiting ratings make room (the newest is what a visitor just tapped).
  if (waiting >= limit) {
    let cursor = await ratings.index('order').openCursor();
    while (cursor && waiting >= limit) {
      if (cursor.value.id !== rating.id) {
        emptied.add(cursor.value.catalogue);
        await cursor.delete();
        waiting -= 1;
        dropped += 1;
      }
      cursor = await cursor.continue();
    }
  }
  const entry: QueuedRating = { id: rating.id, n, catalogue: key, rating };
  await ratings.put(entry);
  await tx.objectStore('catalogues').put(catalogue, key);
  for (const gone of emptied) {
    if (gone !== key && (await ratings.index('catalogue').count(gone)) === 0)
      await tx.objectStore('catalogues').delete(gone);
  }
  meta.nextRating = n + 1;
  if (dropped > 0) {
    meta.dropped = { ...meta.dropped, ratings: (meta.dropped.ratings ?? 0) + dropped };
    const lost = meta.ratingsLost ?? { dropped: 0, refused: 0 };
    meta.ratingsLost = { ...lost, dropped: lost.dropped + dropped };
  }
  await tx.objectStore('meta').put(meta, 'meta');
  await tx.done;
  if (dropped > 0)
    console.error(
      `[sunlight fleet] the rating queue is full (${limit}): the oldest ${dropped} waiting rating(s) were dropped`,
    );
  globalThis.dispatchEvent?.(new Event(RATING_QUEUED_EVENT));
}
