/** Pure helpers for drawing places over a floor plan: the plan's box, short labels, label widths and positions. */

export type PlanBox = { x: number; y: number; width: number; height: number };

/** The sample's plans, and what places' x, y are taken to be in when a plan says nothing. */
export const DEFAULT_PLAN_BOX: PlanBox = { x: 0, y: 0, width: 1000, height: 600 };

/** The coordinate box of an SVG plan: its viewBox, else its width and height; undefined when it has neither. */
export function svgPlanBox(svg: string): PlanBox | undefined {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!tag) return undefined;
  const viewBox = /\sviewBox\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
  if (viewBox) {
    const [x, y, width, height] = viewBox
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if ([x, y, width, height].every((n) => Number.isFinite(n)) && width! > 0 && height! > 0)
      return { x: x!, y: y!, width: width!, height: height! };
  }
  const size = (name: string) =>
    Number(new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)(px)?["']`, 'i').exec(tag)?.[1]);
  const width = size('width');
  const height = size('height');
  return width > 0 && height > 0 ? { x: 0, y: 0, width, height } : undefined;
}

/** The name drawn on the plan: what comes before a parenthesis ("201室（中心管理办公室）" → "201室"). */
export const shortName = (name: string): string => name.split(/\s*[（(]/)[0]!.trim() || name;

/** A window's number, drawn inside its marker ("12号窗口", "Window 12" → "12"). */
export const windowNumber = (name: string): string | undefined => /\d+/.exec(name)?.[0];

/**
 * Roughly how wide a line of bold text is at a font size: CJK and full-width characters are square, Latin
 * letters by their rough class. It errs wide, so a label measured to fit its room does fit when drawn.
 */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text)
    w +=
      ch.codePointAt(0)! >= 0x2e80
        ? 1
        : ch === ' '
          ? 0.26
          : /[iljtf.,'’:;!|]/.test(ch)
            ? 0.36
            : /[mwMW]/.test(ch)
              ? 0.92
              : /[A-Z]/.test(ch)
                ? 0.72
                : 0.62;
  return w * size;
}

/** How tall one line of text is, for a box around it: the UI font's ascent and descent (Noto Sans SC). */
export const LINE_HEIGHT = 1.45;

/** The centre x of a label `width` wide near `x`, moved inward so the label stays inside the plan. */
export function labelCentre(x: number, width: number, box: PlanBox, margin = 8): number {
  const min = box.x + margin + width / 2;
  const max = box.x + box.width - margin - width / 2;
  return min > max ? box.x + box.width / 2 : Math.min(max, Math.max(min, x));
}

/** A box on the plan, by its top-left corner. */
export type Rect = { x: number; y: number; w: number; h: number };

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where a label box `w`×`h` goes for a point: above it if there is room, else below, centred on it or
 * pulled to one side, whichever first covers none of `obstacles` (other labels and markers). The
 * point stays under the box, so its pointer still touches the box.
 */
export function placeLabel(
  at: { x: number; y: number },
  size: { w: number; h: number; gap: number },
  box: PlanBox,
  obstacles: Rect[],
): { rect: Rect; above: boolean } {
  const { w, h, gap } = size;
  const edge = 4;
  const candidates: { rect: Rect; above: boolean }[] = [];
  for (const above of [true, false]) {
    const y = above ? at.y - gap - h : at.y + gap;
    if (y < box.y + edge || y + h > box.y + box.height - edge) continue;
    for (const leftPart of [0.5, 0.85, 0.15]) {
      const x = Math.min(box.x + box.width - edge - w, Math.max(box.x + edge, at.x - w * leftPart));
      candidates.push({ rect: { x, y, w, h }, above });
    }
  }
  const fallback = {
    rect: { x: labelCentre(at.x, w, box, edge) - w / 2, y: at.y - gap - h, w, h },
    above: true,
  };
  return candidates.find((c) => !obstacles.some((o) => overlaps(c.rect, o))) ?? candidates[0] ?? fallback;
}

export const inside = (a: Rect, room: Rect, margin = 0) =>
  a.x >= room.x + margin &&
  a.y >= room.y + margin &&
  a.x + a.w <= room.x + room.w - margin &&
  a.y + a.h <= room.y + room.h - margin;

/** The ways a label may be broken: on one line, else in two near its middle (at a space, or between CJK characters). */
export function labelLines(text: string): string[][] {
  const words = text.split(' ');
  if (words.length > 1) {
    let best: string[] | undefined;
    for (let i = 1; i < words.length; i++) {
      const two = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
      if (!best || Math.abs(two[0]!.length - two[1]!.length) < Math.abs(best[0]!.length - best[1]!.length))
        best = two;
    }
    return [[text], best!];
  }
  const chars = [...text];
  if (chars.length >= 4 && chars.every((c) => c.codePointAt(0)! >= 0x2e80)) {
    const half = Math.ceil(chars.length / 2);
    return [[text], [chars.slice(0, half).join(''), chars.slice(half).join('')]];
  }
  return [[text]];
}

/** A short label placed by a marker: its lines, the centre of its first line, and its box. */
export type PlacedLabel = { lines: string[]; x: number; y: number; rect: Rect };

/**
 * Where a place's short label goes: below its marker, else above, right or left of it, on one line or
 * else two, the first spot found that lies inside the place's room and covers no obstacle (markers, the
 * callouts, labels already placed). Undefined when there is none: the label is left off the plan rather
 * than drawn over something (the list beside the plan names every place).
 */
export function placeShortLabel(
  at: { x: number; y: number },
  markerRadius: number,
  text: string,
  size: number,
  room: Rect,
  obstacles: Rect[],
): PlacedLabel | undefined {
  const gap = 4;
  const margin = 3;
  const lineH = size * LINE_HEIGHT;
  const clampX = (left: number, w: number) =>
    Math.min(room.x + room.w - margin - w, Math.max(room.x + margin, left));
  for (const lines of labelLines(text)) {
    const w = Math.max(...lines.map((l) => textWidth(l, size)));
    const h = lines.length * lineH;
    const spots: Rect[] = [
      { x: clampX(at.x - w / 2, w), y: at.y + markerRadius + gap, w, h },
      { x: clampX(at.x - w / 2, w), y: at.y - markerRadius - gap - h, w, h },
      { x: at.x + markerRadius + gap, y: at.y - h / 2, w, h },
      { x: at.x - markerRadius - gap - w, y: at.y - h / 2, w, h },
    ];
    for (const rect of spots)
      if (inside(rect, room, margin) && !obstacles.some((o) => overlaps(rect, o)))
        return { lines, x: rect.x + w / 2, y: rect.y + lineH / 2, rect };
  }
  return undefined;
}
