/**
 * A top-to-bottom chart set in columns, as a newspaper sets a long article: on a wide, short screen the
 * bundle's one tall column (laid out at publish time) becomes two or three side by side, so most of a
 * procedure shows at once at a legible size (issue 12). Nodes move whole, a rank at a time; an edge that
 * crosses from one column to the next runs below its column, up the gutter and in from above.
 */
import type { FlowLayoutT } from '../../../content/schema.ts';

type Layout = FlowLayoutT;
type Point = { x: number; y: number };

/** Room between columns, for the lines that cross them. */
export const GUTTER = 96;
/** Room above and below the columns, for the same lines. */
const RUN = 40;
/** Space between two lines that share the gutter. */
const LANE = 14;
/** Half the height the chart draws a branch label in (its box is 80 high): a label set on a line below a column clears it. */
const LABEL_HALF_HEIGHT = 44;
/** Half the drawn width of a branch label (28 px bold, wrapping at 210 px as the layout lets it), with its padding. */
export const labelHalf = (text: string): number => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return Math.min(em * 28 * 1.1, 210) / 2 + 16;
};

/** The ranks of a top-to-bottom layout, top first: the nodes on each and the band they fill. */
function ranks(layout: Layout): { ids: string[]; top: number; bottom: number }[] {
  const byY = new Map<number, string[]>();
  for (const [id, b] of Object.entries(layout.nodes)) {
    const y = Math.round(b.y);
    byY.set(y, [...(byY.get(y) ?? []), id]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, ids]) => ({
      ids,
      top: Math.min(...ids.map((id) => layout.nodes[id]!.y - layout.nodes[id]!.h / 2)),
      bottom: Math.max(...ids.map((id) => layout.nodes[id]!.y + layout.nodes[id]!.h / 2)),
    }));
}

/**
 * Whether the ranks may be cut before rank `i`: not between a check and two or more of its labelled
 * branches. Those would all leave the check's column down one line, their labels side by side under it
 * ("材料不全" on top of "材料齐全"); in the check's own column each keeps its own line and label.
 */
function cuttable(layout: Layout, rankOf: Map<string, number>, i: number): boolean {
  const crossing = new Map<string, number>();
  for (const e of layout.edges) {
    if (!e.label || e.back) continue;
    const [a, b] = [rankOf.get(e.from) ?? 0, rankOf.get(e.to) ?? 0];
    if (a < i && b >= i) crossing.set(e.from, (crossing.get(e.from) ?? 0) + 1);
  }
  return [...crossing.values()].every((n) => n < 2);
}

/** Where to cut the ranks into `count` columns of about equal height: the index of each column's first rank. */
function cuts(
  bands: { top: number; bottom: number }[],
  count: number,
  allowed: (i: number) => boolean = () => true,
): number[] {
  const top = bands[0]!.top;
  const height = bands[bands.length - 1]!.bottom - top;
  const starts = [0];
  for (let m = 1; m < count; m++) {
    const want = top + (height * m) / count;
    let best = -1;
    for (let i = starts[starts.length - 1]! + 1; i < bands.length; i++) {
      if (!allowed(i)) continue;
      const gap = (bands[i - 1]!.bottom + bands[i]!.top) / 2;
      if (
        best < 0 ||
        Math.abs(gap - want) < Math.abs((bands[best - 1]!.bottom + bands[best]!.top) / 2 - want)
      )
        best = i;
    }
    if (best < 0) break;
    starts.push(best);
  }
  return starts;
}

/**
 * The layout in `count` columns (1 gives it back as it is); fewer when it has fewer ranks than that.
 * `labels` are the edges' drawn labels, in the layout's edge order ('' for none), to keep them in their column.
 */
export function inColumns(layout: Layout, count: number, labels: readonly string[] = []): Layout {
  const bands = ranks(layout);
  if (count <= 1 || bands.length < 2) return layout;
  const rankOf = new Map<string, number>();
  bands.forEach((b, i) => {
    for (const id of b.ids) rankOf.set(id, i);
  });
  const starts = cuts(bands, Math.min(count, bands.length), (i) => cuttable(layout, rankOf, i));
  if (starts.length < 2) return layout;
  const column = new Map<string, number>();
  const shift: Point[] = [];
  const extent: { top: number; bottom: number }[] = [];
  const margin = bands[0]!.top;
  starts.forEach((start, c) => {
    const end = starts[c + 1] ?? bands.length;
    const mine = bands.slice(start, end);
    for (const b of mine) for (const id of b.ids) column.set(id, c);
    const top = mine[0]!.top;
    const bottom = mine[mine.length - 1]!.bottom;
    // Every column starts where the first did, RUN lower to leave room for lines coming in from above.
    const dy = RUN + margin - top;
    shift.push({ x: 0, y: dy });
    extent.push({ top: top + dy, bottom: bottom + dy });
  });
  // Each column as wide as what it holds (its nodes, its own lines and their labels), the next one a
  // gutter to its right: a loop drawn out to the left in one column costs no width in the others.
  const left = starts.map(() => Number.POSITIVE_INFINITY);
  const right = starts.map(() => Number.NEGATIVE_INFINITY);
  const widen = (c: number, from: number, to: number) => {
    left[c] = Math.min(left[c]!, from);
    right[c] = Math.max(right[c]!, to);
  };
  for (const [id, b] of Object.entries(layout.nodes))
    widen(column.get(id) ?? 0, b.x - b.w / 2, b.x + b.w / 2);
  layout.edges.forEach((e, i) => {
    const c = column.get(e.from) ?? 0;
    if (c !== (column.get(e.to) ?? 0)) return;
    for (const p of e.points) widen(c, p.x, p.x);
    const half = labelHalf(labels[i] ?? '');
    if (e.label) widen(c, e.label.x - half, e.label.x + half);
  });
  let cursor = margin;
  starts.forEach((_, c) => {
    shift[c]!.x = cursor - left[c]!;
    left[c] = cursor;
    right[c] = right[c]! + shift[c]!.x;
    cursor = right[c]! + GUTTER;
  });
  const width = cursor - GUTTER + margin;
  const move = (p: Point, c: number): Point => ({ x: p.x + shift[c]!.x, y: p.y + shift[c]!.y });
  const nodes: Layout['nodes'] = {};
  for (const [id, b] of Object.entries(layout.nodes)) {
    const at = move(b, column.get(id) ?? 0);
    nodes[id] = { ...b, x: at.x, y: at.y };
  }
  let lanes = 0;
  let labelled = false;
  const edges = layout.edges.map((e) => {
    const a = column.get(e.from) ?? 0;
    const b = column.get(e.to) ?? 0;
    if (a === b) {
      return {
        ...e,
        points: e.points.map((p) => move(p, a)),
        ...(e.label ? { label: move(e.label, a) } : {}),
      };
    }
    // Out of the bottom of its node, along below its column, up or down the gutter beside the target's
    // column, along above that column and into the target from the top.
    const from = nodes[e.from]!;
    const to = nodes[e.to]!;
    const lane = lanes++ * LANE;
    // Below every column the line passes under, and above them: never through a node.
    const passed = extent.slice(Math.min(a, b), Math.max(a, b) + 1);
    // A labelled line runs a label's half height lower, so its label (set on this run) clears the steps above.
    const below =
      Math.max(...passed.map((x) => x.bottom)) + RUN / 2 + lane + (e.label ? LABEL_HALF_HEIGHT : 0);
    if (e.label) labelled = true;
    const above = Math.min(...passed.map((x) => x.top)) - RUN / 2 - lane;
    const after = Math.min(a, b);
    const gutterX = (right[after]! + left[after + 1]!) / 2 + lane;
    // A target below the top of its column is entered from the side that faces the gutter next to it:
    // coming down from above, the line would run through the nodes over it.
    if (to.y - to.h / 2 > extent[b]!.top + 1) {
      const fromRight = a > b;
      const sideX = fromRight ? (right[b]! + left[b + 1]!) / 2 + lane : (right[b - 1]! + left[b]!) / 2 - lane;
      const points = [
        { x: from.x, y: from.y + from.h / 2 },
        { x: from.x, y: below },
        { x: sideX, y: below },
        { x: sideX, y: to.y },
        { x: fromRight ? to.x + to.w / 2 : to.x - to.w / 2, y: to.y },
      ];
      return { ...e, points, ...(e.label ? { label: { x: (from.x + sideX) / 2, y: below } } : {}) };
    }
    const points = [
      { x: from.x, y: from.y + from.h / 2 },
      { x: from.x, y: below },
      { x: gutterX, y: below },
      { x: gutterX, y: above },
      { x: to.x, y: above },
      { x: to.x, y: to.y - to.h / 2 },
    ];
    return { ...e, points, ...(e.label ? { label: { x: (from.x + gutterX) / 2, y: below } } : {}) };
  });
  const height =
    Math.max(...extent.map((x) => x.bottom)) +
    RUN +
    lanes * LANE +
    (labelled ? 2 * LABEL_HALF_HEIGHT : 0) +
    margin;
  return { width, height, nodes, edges };
}

/**
 * How many columns (1 to 3) show most of the chart legibly in a frame `width` wide with `height` of it
 * on screen: its scale is never below 1 (the layout is at the reading size) unless one column is
 * already too wide, and never above `maxK`; within that, as much of the chart as can be seen at once,
 * then the fewest columns. Shrinking to fit the height stops at scale 1: past that the page scrolls.
 */
export function fitColumns(
  layout: Layout,
  room: { width: number; height: number },
  maxK: number,
  labels: readonly string[] = [],
): { layout: Layout; k: number } {
  let best: { layout: Layout; k: number; seen: number } | undefined;
  for (let count = 1; count <= 3; count++) {
    const set = inColumns(layout, count, labels);
    if (count > 1 && set.width === (best?.layout.width ?? -1)) break;
    const k = Math.min(maxK, room.width / set.width, Math.max(1, room.height / set.height));
    if (count > 1 && k < 1) break;
    const seen = Math.min(1, room.height / (set.height * k));
    if (!best || seen > best.seen + 0.02) best = { layout: set, k, seen };
  }
  return { layout: best!.layout, k: best!.k };
}
