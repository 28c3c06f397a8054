/** Floor maps: a floor's plan with every place on it, the place asked for marked, and where the visitor stands. */
import type { Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { MapRoute } from './MapRoute.tsx';
import { type Found, type MapAsk, useMapView, usePlanBox } from './map-view.ts';
import { PlanMarkers } from './PlanMarkers.tsx';
import { PlaceIcon } from './place-icons.tsx';
import { windowNumber } from './plan.ts';
import './style.css';

type Floor = Hall['floors'][number];
type Place = Floor['places'][number];

export function MapScreen(ask: MapAsk) {
  const { view } = useApp();
  const t = useT('map');
  const hall = view.content.value.hall;
  const { floor, targets, targetLabel, here } = useMapView(ask);
  if (!floor) {
    return (
      <>
        <ScreenTitle title={t('title')} />
        <p>{t('noPlan')}</p>
      </>
    );
  }
  return (
    <div class="map">
      <div class="map-head">
        <ScreenTitle title={t('title')} />
      </div>
      <div class="map-body">
        <FloorPlan
          floor={floor}
          targets={targets.map((f) => f.place)}
          targetLabel={targetLabel}
          here={here?.floor.id === floor.id ? here.place : undefined}
        />
        <div class="map-side">
          {/* Below the plan in portrait: out of the top of the screen a seated visitor cannot reach. */}
          <FloorTabs floors={hall.floors} current={floor} hereFloor={here?.floor.id} />
          <MapStatus target={targets[0] && { label: targetLabel, floor }} here={here} />
          {targets.length > 0 && here && !targets.some((f) => f.place.id === here.place.id) && (
            <MapRoute floors={hall.floors} here={here} targets={targets} label={targetLabel} />
          )}
          <PlaceList floor={floor} targets={targets.map((f) => f.place.id)} here={here?.place.id} />
        </div>
      </div>
    </div>
  );
}

function FloorTabs({ floors, current, hereFloor }: { floors: Floor[]; current: Floor; hereFloor?: string }) {
  const { view, visit } = useApp();
  const t = useT('map');
  if (floors.length < 2) return null;
  return (
    <div class="map-tabs" role="tablist" aria-label={t('floors')}>
      {floors.map((f) => (
        <button
          key={f.id}
          type="button"
          role="tab"
          id={`map-tab-${f.id}`}
          aria-selected={f.id === current.id}
          aria-controls="map-plan"
          class="map-tab"
          onClick={() => visit.replace({ name: 'map', floor: f.id })}
        >
          <span class="map-tab-name">{view.text.value(f.name)}</span>
          {f.id === hereFloor && (
            <span class="map-tab-here" data-tag>
              {t('youAreOnFloor')}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

function FloorPlan({
  floor,
  targets,
  targetLabel,
  here,
}: {
  floor: Floor;
  targets: Place[];
  targetLabel: string;
  here?: Place;
}) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const [box, onRaster] = usePlanBox(floor.plan);
  const url = view.mediaUrl(floor.plan);
  return (
    <div class="map-plan" id="map-plan" role="tabpanel" aria-labelledby={`map-tab-${floor.id}`}>
      {url ? (
        <img
          src={url}
          alt={t('plan', { floor: text(floor.name) })}
          onLoad={(e) => onRaster(e.currentTarget)}
        />
      ) : (
        <p class="map-no-plan">{t('noPlan')}</p>
      )}
      <PlanMarkers
        box={box}
        floorName={text(floor.name)}
        places={floor.places}
        targets={targets}
        targetLabel={targetLabel}
        here={here}
      />
    </div>
  );
}

function MapStatus({ target, here }: { target?: { label: string; floor: Floor }; here?: Found }) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  if (!target && !here) return null;
  return (
    <div class="map-status">
      {target && (
        <p class="map-status-target">
          <svg class="map-swatch" viewBox="-26 -26 52 52" aria-hidden="true" focusable="false">
            <circle r="20" class="swatch-ring" />
            <circle r="10" class="swatch-dot" />
          </svg>
          <span>{t('marked', { place: target.label, floor: text(target.floor.name) })}</span>
        </p>
      )}
      {here && (
        <p class="map-status-here">
          <span class="map-swatch-you">
            <PlaceIcon kind="you" size={28} />
          </span>
          <span>{t('youAreHereOn', { place: text(here.place.name), floor: text(here.floor.name) })}</span>
        </p>
      )}
    </div>
  );
}

/** Every place on the floor, windows as a grid of numbers; a tap marks the place on the plan. */
function PlaceList({ floor, targets, here }: { floor: Floor; targets: string[]; here?: string }) {
  const { view, visit } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const numbered = floor.places.filter((p) => p.kind === 'window' && windowNumber(text(p.name)));
  const others = floor.places.filter((p) => !numbered.includes(p));
  const mark = (p: Place) => visit.replace({ name: 'map', floor: floor.id, place: p.id });
  return (
    <section class="map-places" aria-labelledby="map-places-title">
      <h2 id="map-places-title">{t('places', { floor: text(floor.name) })}</h2>
      <p class="map-hint">{t('tapToMark')}</p>
      {numbered.length > 0 && (
        <>
          <h3 id="map-windows-title">{t('windows')}</h3>
          <ul class="plain-list map-window-grid" aria-labelledby="map-windows-title">
            {numbered.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  class="map-window"
                  aria-pressed={targets.includes(p.id)}
                  onClick={() => mark(p)}
                >
                  <span class="visually-hidden">{text(p.name)}</span>
                  <span aria-hidden="true">{windowNumber(text(p.name))}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3 id="map-others-title">{t('otherPlaces')}</h3>
          <ul class="plain-list map-place-list" aria-labelledby="map-others-title">
            {others.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  class="map-place"
                  aria-pressed={targets.includes(p.id)}
                  onClick={() => mark(p)}
                >
                  <PlaceIcon kind={p.kind} size={32} />
                  <span class="map-place-text">
                    <span>{text(p.name)}</span>
                    {p.id === here && (
                      <span class="map-place-tag" data-tag>
                        {t('youAreHere')}
                      </span>
                    )}
                    {targets.includes(p.id) && (
                      <span class="map-place-tag" data-tag>
                        {t('markedShort')}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
