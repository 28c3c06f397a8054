/**
 * What a rating needs beside itself (docs/ratings.md): the catalogue of the content version the visitor
 * read, so the service can file a rating by the service's name, 事项编码 and department even years after
 * that version was replaced; and whether, where and with which reasons this terminal asks at all.
 * Small and free of IndexedDB: the rating screens import it.
 */

import { resolveText } from '../../content/localized.ts';
import {
  DEFAULT_RATING_REASONS,
  RATING_PLACES,
  type RatingPlace,
  type RatingReason,
} from '../../content/ratings.ts';
import type { Catalogue } from '../../fleet/protocol.ts';
import type { ActiveContent } from '../../sync/index.ts';

/** The hall's first language: what the centre's staff read the catalogue in. */
export function firstLocale(content: Pick<ActiveContent, 'hall'>): string {
  return content.hall.defaultLocale ?? content.hall.locales[0] ?? 'zh-CN';
}

/** The reasons this hall offers for 不满意 and 非常不满意: its own list, else the default one. */
export function reasonsOf(content: Pick<ActiveContent, 'hall'>): RatingReason[] {
  return content.hall.ratings?.reasons ?? DEFAULT_RATING_REASONS;
}

/** The catalogue of the content showing: names in the hall's first language, 事项编码 where the content has one. */
export function catalogueOf(content: ActiveContent): Catalogue {
  const locale = firstLocale(content);
  const text = (value: RatingReason['label']) => resolveText(value, locale, locale);
  return {
    hall: content.hall.id,
    version: content.version,
    hallName: text(content.hall.name),
    services: content.services.map((s) => ({
      id: s.id,
      name: text(s.name),
      ...(s.code !== undefined && s.code !== '' ? { code: String(s.code) } : {}),
      department: s.department,
    })),
    departments: content.departments.map((d) => ({ id: d.id, name: text(d.name) })),
    reasons: reasonsOf(content).map((r) => ({ id: r.id, label: text(r.label) })),
  };
}

export type RatingsOffer = { on: boolean; places: RatingPlace[]; reasons: RatingReason[] };

/**
 * Whether this terminal asks for ratings, where, and which reasons it offers. Never without a fleet
 * service (a rating no one can read is not asked for), nor when the hall says `ratings.enabled: false`;
 * absent `ask` means both places. `places` is empty whenever `on` is false (an empty `ask` is off too).
 */
export function ratingsOffered(content: ActiveContent | undefined, fleetOn: boolean): RatingsOffer {
  const ratings = content?.hall.ratings;
  const reasons = content ? reasonsOf(content) : DEFAULT_RATING_REASONS;
  const places = ratings?.ask ?? [...RATING_PLACES];
  const on = fleetOn && content !== undefined && ratings?.enabled !== false && places.length > 0;
  return { on, places: on ? places : [], reasons };
}
