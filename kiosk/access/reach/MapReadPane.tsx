/**
 * A floor's plan for reach mode's upper half, drawn as the map screen draws it (its own markers, the place asked
 * for, you are here), with the words for both under it. The floor buttons and the list of places stay below.
 */
import { useApp, useT } from '../../app/context.ts';
import { type MapAsk, useMapView, usePlanBox } from '../../screens/Map/map-view.ts';
import { PlanMarkers } from '../../screens/Map/PlanMarkers.tsx';

export function MapReadPane(ask: MapAsk) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  // The same floor and places the screen below shows.
  const { floor, target, targets, targetLabel, here } = useMapView(ask);
  const [box] = usePlanBox(floor?.plan);
  if (!floor) return null;
  const url = view.mediaUrl(floor.plan);
  const floorName = text(floor.name);
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
