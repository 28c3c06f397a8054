/** Lays out a service's procedure graph at publish time (dagre), so the kiosk only draws boxes and lines. */
import { graphlib, layout } from '@dagrejs/dagre';
import type { FlowLayoutT } from './schema.ts';

export type FlowInput = {
  nodes: { id: string; kind: string; label: string }[];
  edges: { from: string; to: string; label: string | undefined }[];
};

/**
 * Layout units are CSS pixels at the kiosk's flowchart text size: 28 px, the floor for text a visitor
 * reads (issue 12), so a chart drawn at scale 1 or more is legible. Text wraps at about eight Chinese
 * characters: narrow nodes keep a chart's column narrow, so the kiosk can set two columns of it side
 * by side on a landscape screen (kiosk/screens/Flow/columns.ts) and one column fits a portrait one.
 */
export const FONT = 28;
const LINE = FONT * 1.35;
const MAX_TEXT_WIDTH = 230;
const PAD_X = 24;
const PAD_Y = 20;
/** Branch labels: bold, at the same reading floor, wrapping past about seven Chinese characters. */
const LABEL_FONT = 28;
export const MAX_LABEL_WIDTH = 210;

/** An estimate of drawn width: CJK glyphs are one em wide, Latin about half. */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return em * size;
}

function box(label: string, kind: string): { w: number; h: number } {
  const width = textWidth(label);
  const lines = Math.max(1, Math.ceil(width / MAX_TEXT_WIDTH));
  const w = Math.min(width, MAX_TEXT_WIDTH) + PAD_X * 2;
  const h = lines * LINE + PAD_Y * 2;
  // A diamond holds its text in its middle: about half as much room again each way.
  return kind === 'decision' ? { w: w * 1.5, h: h * 1.5 } : { w, h };
}

export function layoutFlow(flow: FlowInput): FlowLayoutT {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, edgesep: 24, marginx: 16, marginy: 16 });
  for (const n of flow.nodes) {
    const { w, h } = box(n.label, n.kind);
    g.setNode(n.id, { width: w, height: h });
  }
  flow.edges.forEach((e, i) => {
    // Bold Latin is wider than the estimate's 0.56 em: 10 % more.
    const wide = e.label ? textWidth(e.label, LABEL_FONT) * 1.1 : 0;
    const lines = Math.max(1, Math.ceil(wide / MAX_LABEL_WIDTH));
    const label = e.label
      ? {
          width: Math.min(wide, MAX_LABEL_WIDTH) + 24,
          height: lines * LABEL_FONT * 1.4 + 4,
          labelpos: 'c',
        }
      : {};
    g.setEdge(e.from, e.to, { ...label, minlen: 1 }, `e${i}`);
  });
  layout(g);
  const graph = g.graph();
  const round = (x: number) => Math.round(x * 10) / 10;
  const nodes: FlowLayoutT['nodes'] = {};
  for (const n of flow.nodes) {
    const d = g.node(n.id);
    nodes[n.id] = { x: round(d.x), y: round(d.y), w: round(d.width), h: round(d.height) };
  }
  const edges = flow.edges.map((e, i) => {
    const d = g.edge({ v: e.from, w: e.to, name: `e${i}` }) as {
      points: { x: number; y: number }[];
      x?: number;
      y?: number;
    };
    const from = nodes[e.from]!;
    const to = nodes[e.to]!;
    return {
      from: e.from,
      to: e.to,
      points: d.points.map((p) => ({ x: round(p.x), y: round(p.y) })),
      // A loop back to an earlier step is drawn differently, so it reads as "go back".
      back: to.y < from.y || e.from === e.to,
      ...(e.label && d.x !== undefined && d.y !== undefined
        ? { label: { x: round(d.x), y: round(d.y) } }
        : {}),
    };
  });
  return { width: round(graph.width ?? 0), height: round(graph.height ?? 0), nodes, edges };
}
