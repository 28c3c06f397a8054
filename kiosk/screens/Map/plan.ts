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

/** Roughly how wide a line of text is at a font size: CJK and full-width characters are square, others narrower. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text)
    w += ch.codePointAt(0)! >= 0x2e80 ? size : /[A-Z0-9]/.test(ch) ? 0.66 * size : 0.56 * size;
  return w;
}

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
