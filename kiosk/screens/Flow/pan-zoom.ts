/** Pan and pinch-zoom arithmetic for a large flowchart: a view maps chart units to screen pixels. */

/** screen = chart × k + (x, y) */
export type View = { x: number; y: number; k: number };
export type Point = { x: number; y: number };
export type Size = { width: number; height: number };

export const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** The whole chart's width in the box, centred, top aligned; never larger than `maxK`. */
export function fitWidth(chart: Size, box: Size, maxK: number): View {
  const k = Math.min(maxK, box.width / chart.width);
  return { k, x: (box.width - chart.width * k) / 2, y: 0 };
}

/** Zooms by `factor` about a screen point, which stays where it is. */
export function zoomAbout(v: View, factor: number, at: Point, minK: number, maxK: number): View {
  const k = clamp(v.k * factor, minK, maxK);
  const f = k / v.k;
  return { k, x: at.x - (at.x - v.x) * f, y: at.y - (at.y - v.y) * f };
}

/**
 * Two fingers: the chart point under their first midpoint follows the midpoint, scaled by how far
 * apart they now are compared with the start.
 */
export function pinch(
  start: View,
  a0: Point,
  b0: Point,
  a1: Point,
  b1: Point,
  minK: number,
  maxK: number,
): View {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
  const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y);
  const k = clamp(start.k * (d1 / d0), minK, maxK);
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const chartX = (m0.x - start.x) / start.k;
  const chartY = (m0.y - start.y) / start.k;
  return { k, x: m1.x - chartX * k, y: m1.y - chartY * k };
}

/** Keeps at least `margin` pixels of the chart inside the box, so it can never be lost off screen. */
export function keepInView(v: View, chart: Size, box: Size, margin = 120): View {
  const w = chart.width * v.k;
  const h = chart.height * v.k;
  return {
    k: v.k,
    x: clamp(v.x, Math.min(0, margin - w), Math.max(0, box.width - margin)),
    y: clamp(v.y, Math.min(0, margin - h), Math.max(0, box.height - margin)),
  };
}
