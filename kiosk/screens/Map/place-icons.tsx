/** One simple icon per kind of place (24×24 strokes), used both on the plan and in the list beside it. */
import type { Hall } from '../../../content/schema.ts';
import { StrokeIcon } from '../../ui/Icon.tsx';

export type PlaceKind = Hall['floors'][number]['places'][number]['kind'];

export const PLACE_ICON_PATHS: Record<PlaceKind | 'you', string> = {
  window: 'M4 4h16v16H4z M4 12h16 M12 4v16',
  room: 'M6 21V3h12v18 M3 21h18 M14 12h.01',
  desk: 'M3 10h18 M5 10v10 M19 10v10 M8 4h8v6H8z',
  exit: 'M13 4h6v16h-6 M4 12h11 M11 8l4 4-4 4',
  lift: 'M5 3h14v18H5z M9 10l3-3 3 3 M9 14l3 3 3-3',
  stairs: 'M3 20h5v-5h5v-5h5V5h3',
  toilet:
    'M7 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3 M17 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3 M5 20v-5H4l1.5-6h3L10 15H9v5 M15 20V9h4v6h-1v5 M12 3v18',
  'accessible-toilet':
    'M10 3a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3 M10 8v6h5l2 5h2 M10 11h5 M7 11.5a5 5 0 1 0 7.5 5.5',
  'help-desk': 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 11v6 M12 7.5h.01',
  you: 'M12 2.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7 M5 21v-2a7 7 0 0 1 14 0v2',
};

export function PlaceIcon({ kind, size = 32 }: { kind: PlaceKind | 'you'; size?: number }) {
  return <StrokeIcon d={PLACE_ICON_PATHS[kind]} size={size} />;
}
