/** The places drawn over a plan, in the plan's own units: numbered windows, kind icons with short names, the
 * place asked for (a double ring and its full name) and "you are here" (a dark figure and the words). */
import type { Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { PLACE_ICON_PATHS, type PlaceKind } from './place-icons.tsx';
import {
  labelCentre,
  type PlanBox,
  placeLabel,
  type Rect,
  shortName,
  textWidth,
  windowNumber,
} from './plan.ts';

type Place = Hall['floors'][number]['places'][number];

const LABEL_SIZE = 22;
const CALLOUT_SIZE = 26;
const MARKER_RADIUS = 22;

type Mark = { place: Place; name: string; number?: string; label?: { x: number; y: number; rect: Rect } };

export function PlanMarkers({
  box,
  floorName,
  places,
  target,
  here,
}: {
  box: PlanBox;
  floorName: string;
  places: Place[];
  target?: Place;
  here?: Place;
}) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  // Lay out first: every marker and short label is an obstacle the two boxes (here, asked for) avoid.
  const marks: Mark[] = places.map((p) => {
    const name = text(p.name);
    const number = p.kind === 'window' ? windowNumber(name) : undefined;
    if (number || p.id === target?.id || p.id === here?.id) return { place: p, name, number };
    const short = shortName(name);
    const w = textWidth(short, LABEL_SIZE);
    const below = p.y + 56 <= box.y + box.height;
    const x = labelCentre(p.x, w, box);
    const y = below ? p.y + 40 : p.y - 40;
    const h = LABEL_SIZE * 1.3;
    return { place: p, name, label: { x, y, rect: { x: x - w / 2, y: y - h / 2, w, h } } };
  });
  const obstacles: Rect[] = marks.flatMap((m) => {
    const r = MARKER_RADIUS + 4;
    const marker = { x: m.place.x - r, y: m.place.y - r, w: 2 * r, h: 2 * r };
    return m.label ? [marker, m.label.rect] : [marker];
  });
  const hereBox = here && labelBox(here, t('youAreHere'), 34, box, obstacles);
  const targetBox =
    target &&
    labelBox(target, text(target.name), 52, box, [...obstacles, ...(hereBox ? [hereBox.rect] : [])]);
  return (
    <svg
      class="map-overlay"
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      role="img"
      aria-label={[
        t('markers', { floor: floorName }),
        target ? t('marked', { place: text(target.name), floor: floorName }) : '',
        here ? t('youAreHereOn', { place: text(here.name), floor: floorName }) : '',
      ]
        .filter(Boolean)
        .join(t('separator'))}
    >
      {marks.map(({ place: p, number, label }) => {
        const cls = `map-marker${p.id === target?.id ? ' is-marked' : ''}`;
        if (number)
          return (
            <g key={p.id} class={cls}>
              <rect x={p.x - 26} y={p.y - 20} width="52" height="40" rx="8" />
              <text x={p.x} y={p.y} class="map-marker-number">
                {number}
              </text>
            </g>
          );
        return (
          <g key={p.id} class={cls}>
            <circle cx={p.x} cy={p.y} r={MARKER_RADIUS} />
            <KindIcon kind={p.kind} x={p.x} y={p.y} />
            {label && (
              <text x={label.x} y={label.y} class="map-marker-label">
                {shortName(text(p.name))}
              </text>
            )}
          </g>
        );
      })}
      {here && hereBox && (
        <g class="map-here">
          <circle cx={here.x} cy={here.y} r="26" class="map-here-dot" />
          <KindIcon kind="you" x={here.x} y={here.y} size={30} />
          <LabelBox at={here} placed={hereBox} label={t('youAreHere')} class="map-here-label" />
        </g>
      )}
      {target && targetBox && (
        <g class="map-target">
          <circle cx={target.x} cy={target.y} r="44" class="map-target-halo" />
          <circle cx={target.x} cy={target.y} r="40" class="map-target-ring" />
          <LabelBox at={target} placed={targetBox} label={text(target.name)} class="map-callout" />
        </g>
      )}
    </svg>
  );
}

type Placed = { rect: Rect; above: boolean };

function labelBox(at: Place, label: string, gap: number, box: PlanBox, obstacles: Rect[]): Placed {
  return placeLabel(
    at,
    { w: textWidth(label, CALLOUT_SIZE) + 32, h: CALLOUT_SIZE + 20, gap },
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
  class: cls,
}: {
  at: Place;
  placed: Placed;
  label: string;
  class: string;
}) {
  const tip = above ? rect.y + rect.h : rect.y;
  const d = above ? 10 : -10;
  return (
    <g class={cls}>
      <path d={`M${at.x - 10} ${tip - d / 10}L${at.x} ${tip + d}L${at.x + 10} ${tip - d / 10}z`} />
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx="8" />
      <text x={rect.x + rect.w / 2} y={rect.y + rect.h / 2}>
        {label}
      </text>
    </g>
  );
}
