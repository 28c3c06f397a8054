/** Drawing a laid-out flow: node outlines, and edge ends that touch a diamond rather than its bounding box. */
import type { FlowLayoutT } from '../../../content/schema.ts';

export type Box = FlowLayoutT['nodes'][string];
type Point = { x: number; y: number };

/** A decision's diamond, a start or end pill, a step's rectangle: an SVG path around the box centred at x, y. */
export function outline(kind: string, b: Box): string {
  const [l, r, t, btm] = [b.x - b.w / 2, b.x + b.w / 2, b.y - b.h / 2, b.y + b.h / 2];
  if (kind === 'decision') return `M${b.x} ${t}L${r} ${b.y}L${b.x} ${btm}L${l} ${b.y}Z`;
  const radius = kind === 'start' || kind === 'end' ? b.h / 2 : 10;
  const rr = Math.min(radius, b.w / 2, b.h / 2);
  return [
    `M${l + rr} ${t}H${r - rr}A${rr} ${rr} 0 0 1 ${r} ${t + rr}`,
    `V${btm - rr}A${rr} ${rr} 0 0 1 ${r - rr} ${btm}`,
    `H${l + rr}A${rr} ${rr} 0 0 1 ${l} ${btm - rr}`,
    `V${t + rr}A${rr} ${rr} 0 0 1 ${l + rr} ${t}Z`,
  ].join('');
}

/** Moves a point on a box's edge, along the line to its centre, onto the diamond drawn inside that box. */
export function ontoDiamond(p: Point, b: Box): Point {
  const f = Math.abs(p.x - b.x) / (b.w / 2) + Math.abs(p.y - b.y) / (b.h / 2);
  if (f <= 1 || !Number.isFinite(f)) return p;
  return { x: b.x + (p.x - b.x) / f, y: b.y + (p.y - b.y) / f };
}

/** An edge's polyline as a path, its ends moved onto diamonds where it leaves or enters a decision. */
export function edgePath(
  points: Point[],
  from: { kind: string; box: Box },
  to: { kind: string; box: Box },
): string {
  if (points.length === 0) return '';
  const ps = points.slice();
  if (from.kind === 'decision') ps[0] = ontoDiamond(ps[0]!, from.box);
  if (to.kind === 'decision') ps[ps.length - 1] = ontoDiamond(ps[ps.length - 1]!, to.box);
  return ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join('');
}

const round = (n: number) => Math.round(n * 10) / 10;
