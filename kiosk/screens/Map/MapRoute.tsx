/** "How to get there": the way from where the visitor stands to the places asked for, in words (route.ts has the rule). */
import type { TFunction } from 'i18next';
import type { Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { type Leg, route } from './route.ts';

type Floor = Hall['floors'][number];
type Place = Floor['places'][number];
type Found = { place: Place; floor: Floor };

export function MapRoute({
  floors,
  here,
  targets,
  label,
}: {
  floors: Floor[];
  here: Found;
  /** On one floor; the route goes to the middle of them (windows 4 and 5 stand side by side). */
  targets: Found[];
  label: string;
}) {
  const { view } = useApp();
  const t = useT('map');
  const text = view.text.value;
  const floor = targets[0]!.floor;
  const at = {
    x: targets.reduce((sum, f) => sum + f.place.x, 0) / targets.length,
    y: targets.reduce((sum, f) => sum + f.place.y, 0) / targets.length,
  };
  const r = route(floors, { floor: here.floor.id, place: here.place }, { floor: floor.id, at });
  const floorName = text(floor.name);
  const leg = (l: Leg<Place>) => legWords(l, label, floorName, t);
  return (
    <section class="map-route" aria-labelledby="map-route-title">
      <h2 id="map-route-title">{t('routeTitle')}</h2>
      {r.kind === 'same-floor' && (
        <p class="map-route-line">{t('sameFloor', { place: label, dir: t(`dir.${r.to}`) })}</p>
      )}
      {r.kind === 'no-way' && <p class="map-route-line">{t('noWay', { floor: floorName })}</p>}
      {r.kind === 'other-floor' && (
        <>
          <p class="map-route-line map-route-way">{leg(r.way)}</p>
          {r.way.via.kind === 'lift' ? (
            <p class="map-route-line map-route-step-free">{t('stepFreeYes')}</p>
          ) : r.stepFree ? (
            <p class="map-route-line map-route-step-free">
              <strong>{t('stepFreeTitle')}</strong>
              {leg(r.stepFree)}
            </p>
          ) : (
            <p class="map-route-line map-route-step-free">{t('stepFreeNone')}</p>
          )}
        </>
      )}
      <p class="map-route-line map-route-rule">{t('routeRule')}</p>
    </section>
  );
}

function legWords(l: Leg<Place>, place: string, floor: string, t: TFunction): string {
  return t(l.via.kind === 'lift' ? 'byLift' : 'byStairs', {
    dir: t(`dir.${l.toVia}`),
    upDown: t(l.up ? 'up' : 'down'),
    floor,
    place,
    from: t(`dir.${l.fromArrival}`),
  });
}
