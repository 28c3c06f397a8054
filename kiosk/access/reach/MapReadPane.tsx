/**
 * A floor's plan for reach mode's upper half, drawn as the map screen draws it (its own markers, the place asked
 * for, you are here), with the words for both under it. The floor buttons and the list of places stay below.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp, useT } from '../../app/context.ts';
import { PlanMarkers } from '../../screens/Map/PlanMarkers.tsx';
import { placesLabel } from '../../screens/Map/places-label.ts';
import { DEFAULT_PLAN_BOX, type PlanBox, svgPlanBox } from '../../screens/Map/plan.ts';

export function MapReadPane({
  floor: floorId,
  place: placeId,
  places: placeIds,
}: {
  floor?: string;
  place?: string;
  places?: string[];
}) {
  const { view, settings } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const hall = view.content.value.hall;
  // As the map screen reads them: several places asked for (a guide's windows 4 and 5), the first decides the floor.
  const asked = (placeIds?.length ? placeIds : placeId ? [placeId] : [])
    .map((id) => view.places.value.get(id))
    .filter((f) => f !== undefined);
  const target = asked[0];
  const hereId = settings.device ? hall.youAreHere?.[settings.device] : undefined;
  const here = hereId ? view.places.value.get(hereId) : undefined;
  // The same floor the screen below shows: the place asked for decides it, then the floor asked for, then here.
  const floor = target?.floor ?? hall.floors.find((f) => f.id === floorId) ?? here?.floor ?? hall.floors[0];
  const box = usePlanBox(floor?.plan);
  if (!floor) return null;
  const url = view.mediaUrl(floor.plan);
  const floorName = text(floor.name);
  const targets = asked.filter((f) => f.floor.id === floor.id);
  const targetLabel = placesLabel(
    targets.map((f) => f.place),
    text,
    t,
  );
  return (
    <div class="reach-map">
      <p class="reach-pane-title">{t('plan', { floor: floorName })}</p>
      <div class="reach-map-plan">
        <div class="map-plan reach-plan-frame" style={{ aspectRatio: `${box.width} / ${box.height}` }}>
          {url && <img src={url} alt="" />}
          <PlanMarkers
            box={box}
            floorName={floorName}
            places={floor.places}
            targets={targets.map((f) => f.place)}
            targetLabel={targetLabel}
            here={here?.floor.id === floor.id ? here.place : undefined}
          />
        </div>
      </div>
      {(target || here) && (
        <p class="reach-map-words">
          {target && (
            <span>
              {t('marked', { place: targetLabel || text(target.place.name), floor: text(target.floor.name) })}
            </span>
          )}
          {here && (
            <span>{t('youAreHereOn', { place: text(here.place.name), floor: text(here.floor.name) })}</span>
          )}
        </p>
      )}
    </div>
  );
}

/** The plan's coordinate box: an SVG's viewBox, else the default the places are written in (as the map screen does). */
function usePlanBox(plan: string | undefined): PlanBox {
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
  return measured && measured.plan === plan ? measured.box : DEFAULT_PLAN_BOX;
}
