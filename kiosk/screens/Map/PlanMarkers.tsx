/** The places drawn over a plan, in the plan's own units: numbered windows, kind icons with short names, the
 * places asked for (double rings and one box naming them all) and "you are here" (a dark figure and the words). */
import type { Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { PLACE_ICON_PATHS, type PlaceKind } from './place-icons.tsx';
import {
  LINE_HEIGHT,
  type PlacedLabel,
  type PlanBox,
  placeLabel,
  placeShortLabel,
  type Rect,
  shortName,
  textWidth,
  windowNumber,
} from './plan.ts';

type Place = Hall['floors'][number]['places'][number];

/**
 * Sizes in plan units. The plan is drawn at least about 0.96 px a unit (a portrait screen's full width for the
 * sample's 1000-unit plans), so 28 units is drawn at 26.9 px or more: bold tags, marked `data-tag` (issue 12
 * item 3); the callouts at 30 units stay above 28 px.
 */
const LABEL_SIZE = 28;
const CALLOUT_SIZE = 30;
const MARKER_RADIUS = 22;
const WINDOW_W = 56;
const WINDOW_H = 44;

const roomOf = (p: Place, box: PlanBox): Rect =>
  p.area
    ? { x: p.area.x, y: p.area.y, w: p.area.width, h: p.area.height }
    : { x: box.x, y: box.y, w: box.width, h: box.height };
const roomAttr = (r: Rect) => `${r.x} ${r.y} ${r.w} ${r.h}`;

export function PlanMarkers({
  box,
  floorName,
  places,
  targets,
  targetLabel,
  here,
}: {
  box: PlanBox;
  floorName: string;
  places: Place[];
  /** The places asked for on this floor (windows 4 and 5 of one guide are both marked). */
  targets: Place[];
  /** What the box over them says ("4、5号窗口"). */
  targetLabel: string;
  here?: Place;
}) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const marked = new Set(targets.map((p) => p.id));
  const plan: Rect = { x: box.x, y: box.y, w: box.width, h: box.height };

  // Markers first: every label and box must keep clear of them.
  const markers: Rect[] = places.map((p) => {
    const r = MARKER_RADIUS + 4;
    return windowNumber(text(p.name)) && p.kind === 'window'
      ? { x: p.x - WINDOW_W / 2, y: p.y - WINDOW_H / 2, w: WINDOW_W, h: WINDOW_H }
      : { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r };
  });
  // Then the boxes a visitor came for (what they asked, where they stand), then the short names around them.
  const anchor = targets.length
    ? {
        x: (Math.min(...targets.map((p) => p.x)) + Math.max(...targets.map((p) => p.x))) / 2,
        y: Math.min(...targets.map((p) => p.y)),
      }
    : undefined;
  const targetBox = anchor && labelBox(anchor, targetLabel, 52, box, markers);
  const hereBox =
    here && labelBox(here, t('youAreHere'), 34, box, [...markers, ...(targetBox ? [targetBox.rect] : [])]);
  const taken: Rect[] = [
    ...markers,
    ...(targetBox ? [targetBox.rect] : []),
    ...(hereBox ? [hereBox.rect] : []),
  ];
  const labels = new Map<string, PlacedLabel>();
  places.forEach((p, i) => {
    if (marked.has(p.id) || p.id === here?.id || markers[i]!.w === WINDOW_W) return;
    const others = taken.filter((r) => r !== markers[i]);
    const placed = placeShortLabel(
      p,
      MARKER_RADIUS,
      shortName(text(p.name)),
      LABEL_SIZE,
      roomOf(p, box),
      others,
    );
    if (placed) {
      labels.set(p.id, placed);
      taken.push(placed.rect);
    }
  });

  return (
    <svg
      class="map-overlay"
      data-tag
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      role="img"
      aria-label={[
        t('markers', { floor: floorName }),
        targets.length ? t('marked', { place: targetLabel, floor: floorName }) : '',
        here ? t('youAreHereOn', { place: text(here.name), floor: floorName }) : '',
      ]
        .filter(Boolean)
        .join(t('separator'))}
    >
      {places.map((p, i) => {
        const cls = `map-marker${marked.has(p.id) ? ' is-marked' : ''}`;
        const m = markers[i]!;
        if (m.w === WINDOW_W)
          return (
            <g key={p.id} class={cls}>
              <rect x={m.x} y={m.y} width={m.w} height={m.h} rx="8" />
              <text x={p.x} y={p.y} class="map-marker-number" data-label data-room={roomAttr(m)}>
                {windowNumber(text(p.name))}
              </text>
            </g>
          );
        const label = labels.get(p.id);
        return (
          <g key={p.id} class={cls}>
            <circle cx={p.x} cy={p.y} r={MARKER_RADIUS} />
            <KindIcon kind={p.kind} x={p.x} y={p.y} />
            {label && (
              <text
                x={label.x}
                y={label.y}
                class="map-marker-label"
                data-label
                data-room={roomAttr(roomOf(p, box))}
              >
                {label.lines.map((line, n) => (
                  <tspan key={line} x={label.x} dy={n === 0 ? 0 : LABEL_SIZE * LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        );
      })}
      {here && hereBox && (
        <g class="map-here">
          <circle cx={here.x} cy={here.y} r="26" class="map-here-dot" />
          <KindIcon kind="you" x={here.x} y={here.y} size={30} />
          <LabelBox at={here} placed={hereBox} label={t('youAreHere')} room={plan} class="map-here-label" />
        </g>
      )}
      {anchor && targetBox && (
        <g class="map-target">
          {targets.map((p) => (
            <g key={p.id}>
              <circle cx={p.x} cy={p.y} r="44" class="map-target-halo" />
              <circle cx={p.x} cy={p.y} r="40" class="map-target-ring" />
            </g>
          ))}
          <LabelBox at={anchor} placed={targetBox} label={targetLabel} room={plan} class="map-callout" />
        </g>
      )}
    </svg>
  );
}

type Placed = { rect: Rect; above: boolean };

function labelBox(
  at: { x: number; y: number },
  label: string,
  gap: number,
  box: PlanBox,
  obstacles: Rect[],
): Placed {
  return placeLabel(
    at,
    { w: textWidth(label, CALLOUT_SIZE) + 32, h: CALLOUT_SIZE * LINE_HEIGHT + 8, gap },
    box,
    obstacles,
  );
}

function KindIcon({
  kind,
  x,
  y,
  size = 28,
}: {
  kind: PlaceKind | 'you';
  x: number;
  y: number;
  size?: number;
}) {
  return (
    <path
      class="map-marker-icon"
      d={PLACE_ICON_PATHS[kind]}
      transform={`translate(${x - size / 2} ${y - size / 2}) scale(${size / 24})`}
    />
  );
}

/** A filled box with a pointer down to its place (or up, when the box is below it). */
function LabelBox({
  at,
  placed: { rect, above },
  label,
  room,
  class: cls,
}: {
  at: { x: number; y: number };
  placed: Placed;
  label: string;
  room: Rect;
  class: string;
}) {
  const tip = above ? rect.y + rect.h : rect.y;
  const d = above ? 10 : -10;
  return (
    <g class={cls}>
      <path d={`M${at.x - 10} ${tip - d / 10}L${at.x} ${tip + d}L${at.x + 10} ${tip - d / 10}z`} />
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx="8"
        data-label={label}
        data-room={roomAttr(room)}
      />
      <text x={rect.x + rect.w / 2} y={rect.y + rect.h / 2}>
        {label}
      </text>
    </g>
  );
}
