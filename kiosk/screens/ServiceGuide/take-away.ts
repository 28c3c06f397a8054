/**
 * The take-it-with-you checklist (一次性告知) as plain text for a QR code: a phone shows it with no network.
 * It must stay small enough for a phone to scan from a screen, so it is shortened, least useful part first.
 */

export const TAKE_AWAY_MAX_BYTES = 900;

export type TakeAway = {
  title: string;
  /** Lines kept whole while there is room: where, hours. */
  facts: string[];
  materialsHeading: string;
  /** Each material: its name and its details ("原件 1份"); optional ones carry their mark in `detail`. */
  materials: { name: string; detail: string }[];
  /** Dropped first when space runs out: consult phone, the hall's name. */
  extras: string[];
};

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Cuts text to at most `max` characters (not bytes: a CJK name stays readable), marking the cut. */
const cut = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
};

function compose(t: TakeAway, nameMax: number, extras: number, facts: number, items: number): string {
  const lines = [t.title, ...t.facts.slice(0, facts), t.materialsHeading];
  t.materials.slice(0, items).forEach((m, i) => {
    lines.push(`${i + 1}. ${cut(m.name, nameMax)}${m.detail ? ` (${m.detail})` : ''}`);
  });
  if (items < t.materials.length) lines.push(`${items + 1}. …`);
  lines.push(...t.extras.slice(0, extras));
  return lines.join('\n');
}

/**
 * The checklist text within `maxBytes` of UTF-8. Shortens in this order: drops the extras, then shortens
 * material names (never below 8 characters), then drops the hours, then the last materials; a last resort
 * cuts the text itself so the code can always be drawn.
 */
export function takeAwayText(t: TakeAway, maxBytes = TAKE_AWAY_MAX_BYTES): string {
  const longest = Math.max(0, ...t.materials.map((m) => Array.from(m.name).length));
  const attempts: [number, number, number, number][] = [];
  for (let extras = t.extras.length; extras >= 0; extras--)
    attempts.push([longest, extras, t.facts.length, t.materials.length]);
  for (let nameMax = longest - 1; nameMax >= 8; nameMax--)
    attempts.push([nameMax, 0, t.facts.length, t.materials.length]);
  const shortest = Math.min(longest, 8);
  for (let facts = t.facts.length - 1; facts >= 1; facts--)
    attempts.push([shortest, 0, facts, t.materials.length]);
  for (let items = t.materials.length - 1; items >= 0; items--) attempts.push([shortest, 0, 1, items]);
  for (const [nameMax, extras, facts, items] of attempts) {
    const text = compose(t, nameMax, extras, facts, items);
    if (bytes(text) <= maxBytes) return text;
  }
  let kept = '';
  for (const ch of compose(t, shortest, 0, 1, 0)) {
    if (bytes(`${kept}${ch}…`) > maxBytes) break;
    kept += ch;
  }
  return `${kept}…`;
}
