/** One simple, consistent icon set (24×24 strokes). An icon never stands alone: it always sits beside text. */
const PATHS = {
  guide: 'M6 3h9l3 3v15H6z M9 10h6 M9 14h6 M9 18h4',
  directory: 'M4 21V7l8-4 8 4v14 M9 21v-5h6v5 M8 10h2 M14 10h2',
  fees: 'M6 4l6 8 6-8 M12 12v9 M7 13h10 M7 17h10',
  complaints: 'M4 5h16v11H9l-5 4z M8 9h8 M8 12h5',
  notices: 'M5 4h14v16H5z M8 8h8 M8 12h8 M8 16h5',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z M9 3v15 M15 6v15',
  home: 'M3 11l9-8 9 8 M5 10v10h14V10',
  back: 'M15 5l-7 7 7 7',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  help: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.8.4-1 1-1 1.7 M12 17h.01',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 7v5l3 2',
  check: 'M5 12l5 5 9-10',
  window: 'M4 4h16v16H4z M4 12h16 M12 4v16',
  phone: 'M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2',
  qr: 'M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2v2h-2z M18 18h2v2h-2z',
  chevron: 'M9 5l7 7-7 7',
  pin: 'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z M12 9h.01',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13 M15.5 15.5L20 20',
  access: 'M12 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3 M5 9l7 1.5L19 9 M12 10.5V15l-3 6 M12 15l3 6',
};
export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 32 }: { name: IconName; size?: number }) {
  return <StrokeIcon d={PATHS[name]} size={size} />;
}

/** The one way an icon is drawn: a 24×24 stroke path, hidden from screen readers (text always sits beside it). */
export function StrokeIcon({ d, size = 32 }: { d: string; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
