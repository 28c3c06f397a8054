/**
 * hall.yaml `ratings` (好差评, docs/ratings.md), beyond what the schema checks: a hall that turns ratings on
 * and asks nowhere, a place named twice, settings that do nothing, and a list of reasons a visitor cannot
 * fully answer (no "other"; no "guide-wrong" where guides are rated). Warnings: the content still works.
 */

import type { ProblemList } from '../problems.ts';
import { GUIDE_WRONG_REASON, RATING_PLACES } from '../ratings.ts';
import type { CheckedContent } from '../validate.ts';

/** The reason a visitor picks when theirs is not listed (the default list ends with it). */
export const OTHER_REASON = 'other';

export function checkRatings(c: CheckedContent, problems: ProblemList): void {
  const ratings = c.hall?.value.ratings;
  if (!c.hall || !ratings) return;
  const { doc } = c.hall;
  const warn = (path: (string | number)[], message: string) =>
    problems.warning(doc.file, doc.lineOf(['ratings', ...path]), message);
  if (ratings.enabled === false) {
    if (ratings.ask !== undefined || ratings.reasons !== undefined)
      warn(
        ['enabled'],
        '"ratings.enabled" is false, so "ask" and "reasons" are not used: no terminal asks for a rating',
      );
    return;
  }
  const ask = ratings.ask;
  if (ask?.length === 0)
    warn(
      ['ask'],
      `"ratings.ask" is empty: ratings are on but asked nowhere; list where to ask (${RATING_PLACES.join(', ')}), or write "enabled: false"`,
    );
  ask?.forEach((place, i) => {
    if (ask.indexOf(place) !== i) warn(['ask', i], `"ratings.ask" names "${place}" twice`);
  });
  const reasons = ratings.reasons;
  if (!reasons) return;
  if (!reasons.some((r) => r.id === OTHER_REASON))
    warn(
      ['reasons'],
      `the reasons have no "${OTHER_REASON}": a visitor whose reason is not listed cannot say so; add { id: ${OTHER_REASON}, label: { zh-CN: 其他, en: Something else } }`,
    );
  const guidesRated = ask === undefined || ask.includes('guide-end');
  if (guidesRated && !reasons.some((r) => r.id === GUIDE_WRONG_REASON))
    warn(
      ['reasons'],
      `the reasons have no "${GUIDE_WRONG_REASON}": a visitor who rates a guide poorly cannot say which part of it was wrong (materials, window, time, fee, steps)`,
    );
}
