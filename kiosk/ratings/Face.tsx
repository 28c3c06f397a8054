/** A simple face beside each level's words (never instead of them): from a broad smile at 5 to a frown at 1. */
import type { RatingLevel } from '../../content/ratings.ts';
import { StrokeIcon } from '../ui/Icon.tsx';

const HEAD = 'M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19 M8.8 9.5h.01 M15.2 9.5h.01';
const MOUTHS: Record<RatingLevel, string> = {
  5: 'M7.5 13.5c2.5 4 6.5 4 9 0z',
  4: 'M8.3 14.2c2 2.4 5.4 2.4 7.4 0',
  3: 'M8.5 15.2h7',
  2: 'M8.3 16.6c2-2.2 5.4-2.2 7.4 0',
  1: 'M7.8 17.4c2.3-3.4 6.1-3.4 8.4 0 M7.4 7.6l2.6 1.2 M16.6 7.6l-2.6 1.2',
};

export function Face({ level, size = 48 }: { level: RatingLevel; size?: number }) {
  return <StrokeIcon d={`${HEAD} ${MOUTHS[level]}`} size={size} />;
}
