/**
 * The procedure drawn in SVG from the bundle's precomputed layout. Every node is a real button (its name is
 * its label) with a hit area of at least 72 px. Small charts fit the width; large ones pan and pinch-zoom.
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FlowLayoutT, LocalizedText } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { fitColumns } from './columns.ts';
import { edgePath, outline } from './geometry.ts';
import { fitWidth, type Size } from './pan-zoom.ts';
import { usePanZoom } from './use-pan-zoom.ts';

/** Up to this many nodes a chart is read as it fits; beyond, it pans and zooms inside its own frame. */
export const READABLE_NODES = 12;
/** A fitted chart is never drawn larger than this (its layout is in CSS pixels at its text size). */
const MAX_FIT = 1.25;
const MIN_HIT = 72;

type Node = { id: string; kind: string; label: LocalizedText };
type Edge = { from: string; to: string; label?: LocalizedText };

/**
 * The size of an element's content box, updated as it changes; and `visible`, how much of its height the
 * screen shows from its top down to the bottom of the scrolling screen (above the dock), whatever a banner
 * above it takes.
 */
function useSize(ref: { current: HTMLElement | null }): (Size & { visible: number }) | undefined {
  const [size, setSize] = useState<(Size & { visible: number }) | undefined>(undefined);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const screen = el.closest('main') ?? document.documentElement;
    const measure = () => {
      const bottom = screen.getBoundingClientRect().bottom;
      const visible = Math.max(0, bottom - el.getBoundingClientRect().top - 16);
      setSize((s) =>
        s && s.width === el.clientWidth && s.height === el.clientHeight && s.visible === visible
          ? s
          : { width: el.clientWidth, height: el.clientHeight, visible },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(screen);
    return () => observer.disconnect();
  }, []);
  return size;
}

export function FlowChart({
  nodes,
  edges,
  layout: drawn,
  tappable,
  selected,
  onOpen,
}: {
  nodes: Node[];
  edges: Edge[];
  layout: FlowLayoutT;
  /** The steps with more to say than their label: only these are buttons. */
  tappable: ReadonlySet<string>;
  selected: string | undefined;
  onOpen: (id: string) => void;
}) {
  const t = useT('flow');
  const { view } = useApp();
  const large = nodes.length > READABLE_NODES;
  const frame = useRef<HTMLElement>(null);
  const labels = edges.map((e) => (e.label === undefined ? '' : view.text.value(e.label)));
  const box = useSize(frame);
  // A readable chart is set in as many columns as show most of it at once (two on a landscape screen).
  const set =
    !large && box
      ? fitColumns(drawn, { width: box.width, height: box.visible }, MAX_FIT, labels)
      : { layout: drawn, k: undefined };
  const layout = set.layout;
  const fitted = box ? fitWidth(layout, box, MAX_FIT) : { k: 1, x: 0, y: 0 };
  if (set.k !== undefined) fitted.k = set.k;
  const pz = usePanZoom(layout, box, fitted, (target) => {
    const node = target.closest<HTMLElement>('[data-node]')?.dataset.node;
    if (node) onOpen(node);
  });
  const v = large ? pz.view : { ...fitted, x: 0, y: 0 };
  const width = large ? (box?.width ?? 0) : layout.width * v.k;
  const height = large ? (box?.height ?? 0) : layout.height * v.k;
  return (
    <div class={large ? 'flow-chart flow-chart-large' : 'flow-chart'}>
      {large && (
        <fieldset class="flow-zoom">
          <legend class="visually-hidden">{t('hintLarge')}</legend>
          <button type="button" onClick={() => pz.zoom(1.25)}>
            <span aria-hidden="true">+</span> {t('zoomIn')}
          </button>
          <button type="button" onClick={() => pz.zoom(0.8)}>
            <span aria-hidden="true">−</span> {t('zoomOut')}
          </button>
          <button type="button" onClick={pz.reset}>
            {t('zoomFit')}
          </button>
        </fieldset>
      )}
      <figure ref={frame} class="flow-frame" {...(large ? pz.handlers : {})}>
        <figcaption class="visually-hidden">{t('chartLabel', { count: nodes.length })}</figcaption>
        {box && (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
            <title>{t('chartLabel', { count: nodes.length })}</title>
            <Drawing
              nodes={nodes}
              edges={edges}
              layout={layout}
              tappable={tappable}
              selected={selected}
              onOpen={onOpen}
              k={v.k}
              transform={`translate(${v.x} ${v.y}) scale(${v.k})`}
            />
          </svg>
        )}
      </figure>
    </div>
  );
}

function Drawing({
  nodes,
  edges,
  layout,
  tappable,
  selected,
  onOpen,
  k,
  transform,
}: {
  nodes: Node[];
  edges: Edge[];
  layout: FlowLayoutT;
  tappable: ReadonlySet<string>;
  selected: string | undefined;
  onOpen: (id: string) => void;
  k: number;
  transform: string;
}) {
  const { view } = useApp();
  const text = view.text.value;
  const id = useId();
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const hit = MIN_HIT / k;
  return (
    <g transform={transform}>
      <defs>
        {['', '-back'].map((suffix) => (
          <marker
            key={suffix}
            id={`${id}-arrow${suffix}`}
            class={`flow-arrow${suffix}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" />
          </marker>
        ))}
      </defs>
      {layout.edges.map((e, i) => {
        const from = layout.nodes[e.from];
        const to = layout.nodes[e.to];
        if (!from || !to) return null;
        return (
          <path
            key={i}
            class={e.back ? 'flow-edge flow-edge-back' : 'flow-edge'}
            d={edgePath(
              e.points,
              { kind: kindOf.get(e.from) ?? '', box: from },
              { kind: kindOf.get(e.to) ?? '', box: to },
            )}
            marker-end={`url(#${id}-arrow${e.back ? '-back' : ''})`}
          />
        );
      })}
      {nodes.map((n) => {
        const b = layout.nodes[n.id];
        if (!b) return null;
        const w = Math.max(b.w, hit);
        const h = Math.max(b.h, hit);
        // A diamond holds its text in its middle half.
        const textWidth = n.kind === 'decision' ? b.w / 1.5 : b.w;
        const label = <span style={{ maxWidth: `${textWidth - 24}px` }}>{text(n.label)}</span>;
        const tap = tappable.has(n.id);
        return (
          <g
            key={n.id}
            class={`flow-node flow-${n.kind}${tap ? ' is-tappable' : ''}${selected === n.id ? ' is-selected' : ''}`}
          >
            <path class="flow-shape" d={outline(n.kind, b)} />
            <foreignObject x={b.x - w / 2} y={b.y - h / 2} width={w} height={h}>
              {tap ? (
                <button
                  type="button"
                  class="flow-node-button"
                  data-node={n.id}
                  aria-haspopup="dialog"
                  onClick={() => onOpen(n.id)}
                >
                  {label}
                </button>
              ) : (
                // Nothing more to say than its label: text, not a button that would open an empty card.
                <div class="flow-node-button flow-node-text">{label}</div>
              )}
            </foreignObject>
          </g>
        );
      })}
      {layout.edges.map((e, i) => {
        const label = edges[i]?.label;
        if (!e.label || label === undefined) return null;
        return (
          <foreignObject
            key={`label-${i}`}
            class="flow-label-box"
            x={e.label.x - 200}
            y={e.label.y - 40}
            width={400}
            height={80}
          >
            <div class="flow-label-wrap">
              <span class={e.back ? 'flow-label flow-label-back' : 'flow-label'}>{text(label)}</span>
            </div>
          </foreignObject>
        );
      })}
    </g>
  );
}
