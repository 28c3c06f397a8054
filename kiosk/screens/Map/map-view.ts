/**
 * What a map shows, read once for the map screen and for reach mode's plan above the line: the floor, the
 * places asked for on it with what they are called together, where the visitor stands, and the plan's box.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { placesLabel } from './places-label.ts';
import { DEFAULT_PLAN_BOX, type PlanBox, svgPlanBox } from './plan.ts';

type Floor = Hall['floors'][number];
type Place = Floor['places'][number];
export type Found = { place: Place; floor: Floor };

export type MapAsk = {
  floor?: string;
  place?: string;
  /** Several places asked for at once (a guide's windows 4 and 5): all are marked; the first decides the floor. */
  places?: string[];
};

export type MapView = {
  /** Undefined only for a hall with no floors. */
  floor: Floor | undefined;
  /** The first place asked for, on whatever floor. */
  target: Found | undefined;
  /** The places asked for that are on `floor`. */
  targets: Found[];
  targetLabel: string;
  here: Found | undefined;
};

export function useMapView({ floor: floorId, place: placeId, places: placeIds }: MapAsk): MapView {
  const { view, settings } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const hall = view.content.value.hall;
  const asked = (placeIds?.length ? placeIds : placeId ? [placeId] : [])
    .map((id) => view.places.value.get(id))
    .filter((f) => f !== undefined);
  const hereId = settings.device ? hall.youAreHere?.[settings.device] : undefined;
  const here = hereId ? view.places.value.get(hereId) : undefined;
  // A place asked for decides the floor, whatever floor came with it; then the floor asked for, then here.
  const floor = asked[0]?.floor ?? hall.floors.find((f) => f.id === floorId) ?? here?.floor ?? hall.floors[0];
  const targets = floor ? asked.filter((f) => f.floor.id === floor.id) : [];
  const targetLabel = placesLabel(
    targets.map((f) => f.place),
    text,
    t,
  );
  return { floor, target: asked[0], targets, targetLabel, here };
}

/** The plan's coordinate box: an SVG's viewBox, a picture's pixel size (given by `onRaster`), else the default the places are written in. */
export function usePlanBox(plan: string | undefined): [PlanBox, (img: HTMLImageElement) => void] {
  const { view } = useApp();
  const blob = plan ? view.content.value.media.get(plan) : undefined;
  const [measured, setMeasured] = useState<{ plan: string; box: PlanBox } | undefined>(undefined);
  useEffect(() => {
    if (!plan || blob?.type !== 'image/svg+xml') return;
    let live = true;
    void blob.text().then((svg) => {
      const box = svgPlanBox(svg);
      if (live && box) setMeasured({ plan, box });
    });
    return () => {
      live = false;
    };
  }, [blob, plan]);
  const onRaster = (img: HTMLImageElement) => {
    if (plan && blob?.type !== 'image/svg+xml' && img.naturalWidth > 0 && img.naturalHeight > 0)
      setMeasured({ plan, box: { x: 0, y: 0, width: img.naturalWidth, height: img.naturalHeight } });
  };
  return [measured && measured.plan === plan ? measured.box : DEFAULT_PLAN_BOX, onRaster];
}
