/** Lays out a service's procedure graph at publish time (dagre), so the kiosk only draws boxes and lines. */
import { graphlib, layout } from '@dagrejs/dagre';
import type { FlowLayoutT } from './schema.ts';

export type FlowInput = {
  nodes: { id: string; kind: string; label: string }[];
  edges: { from: string; to: string; label: string | undefined }[];
};

/** Layout units are CSS pixels at the kiosk's flowchart text size. */
const FONT = 26;
const LINE = FONT * 1.35;
const MAX_TEXT_WIDTH = 300;
const PAD_X = 32;
const PAD_Y = 24;

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
  // A diamond needs about twice the room of the text it holds.
  return kind === 'decision' ? { w: w * 1.5, h: h * 1.6 } : { w, h };
}

export function layoutFlow(flow: FlowInput): FlowLayoutT {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70, edgesep: 30, marginx: 16, marginy: 16 });
  for (const n of flow.nodes) {
    const { w, h } = box(n.label, n.kind);
    g.setNode(n.id, { width: w, height: h });
  }
  flow.edges.forEach((e, i) => {
    const label = e.label ? { width: textWidth(e.label, 22) + 16, height: 34, labelpos: 'c' } : {};
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
