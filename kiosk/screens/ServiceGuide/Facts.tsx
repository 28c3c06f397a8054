/** The facts beside the checklist: where to go (and whether it is open now), how long it takes, what it costs. */
import type { TFunction } from 'i18next';
import type { Service, WeeklyHoursT } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { feeAmount } from '../../logic/fee-amount.ts';
import { windowList, windowsByFloor } from '../../logic/windows.ts';
import { HoursBadge } from '../../ui/HoursBadge.tsx';
import { PlaceLink } from '../../ui/PlaceLink.tsx';
import { serviceWhere } from './where.ts';

type TimeLimit = NonNullable<NonNullable<Service['timeLimit']>['promised']>;

/** "3 个工作日", "30 days" or "当场办结". */
export const timeLimitText = (limit: TimeLimit, t: TFunction): string =>
  limit.immediate ? t('onTheSpot') : t(limit.unit === 'day' ? 'days' : 'workdays', { count: limit.days });

/** The service's windows for people ("17–19号窗口"), or '' when neither it nor its department names any. */
export function useWhere(service: Service) {
  const { view } = useApp();
  const t = useT('guide');
  const department = view.department(service.department);
  const where = serviceWhere(service.where, department);
  const hall = view.content.value.hall;
  // The plan says which floor a window is on (issue 12: windows 11-12 are downstairs from their office).
  const onFloor = windowsByFloor(where.windows, hall.floors, where.floor)[0];
  const floor =
    onFloor?.floor ??
    hall.floors.find((f) => f.id === where.floor) ??
    (where.place ? view.places.value.get(where.place)?.floor : undefined);
  const windows = where.windows.length
    ? t(where.windows.length === 1 ? 'window' : 'windows', {
        list: windowList(where.windows, t('separator')),
      })
    : '';
  // The window's own hours, else its department's, else the hall's.
  const hours: WeeklyHoursT = service.where?.hours ?? department?.hours ?? hall.hours;
  return { windows, floor, place: where.place, windowPlaces: onFloor?.places ?? [], hours };
}

export function Where({ service }: { service: Service }) {
  const { view } = useApp();
  const t = useT('guide');
  const { windows, floor, place, windowPlaces, hours } = useWhere(service);
  // Several windows: the link marks all of them on the map, and says so.
  const several = windowPlaces.length > 1;
  return (
    <section class="guide-card" aria-labelledby="guide-where">
      <h2 id="guide-where">{t('where')}</h2>
      <p class="guide-big">
        {windows || (place && view.text.value(view.places.value.get(place)?.place.name))}
        {floor && <span class="guide-floor"> · {view.text.value(floor.name)}</span>}
      </p>
      <p class="guide-hours">
        <HoursBadge hours={hours} />
      </p>
      {several ? <PlaceLink place={windowPlaces} label={windows} /> : place && <PlaceLink place={place} />}
    </section>
  );
}

export function HowLong({ service }: { service: Service }) {
  const t = useT('guide');
  const { promised, statutory } = service.timeLimit ?? {};
  if (!promised && !statutory) return null;
  return (
    <section class="guide-card" aria-labelledby="guide-how-long">
      <h2 id="guide-how-long">{t('howLong')}</h2>
      <dl class="guide-limits">
        {promised && (
          <div class="guide-limit-main">
            <dt>{t('promised')}</dt>
            <dd>{timeLimitText(promised, t)}</dd>
          </div>
        )}
        {statutory && (
          <div>
            <dt>{t('statutory')}</dt>
            <dd>{timeLimitText(statutory, t)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

export function HowMuch({ service }: { service: Service }) {
  const { view, visit } = useApp();
  const t = useT('guide');
  const common = useT();
  const text = view.text.value;
  const fees = Array.isArray(service.fees)
    ? service.fees.map((id) => view.fee(id)).filter((f) => f !== undefined)
    : [];
  return (
    <section class="guide-card" aria-labelledby="guide-how-much">
      <h2 id="guide-how-much">{t('howMuch')}</h2>
      {!Array.isArray(service.fees) ? (
        <p class="guide-big">{t('free')}</p>
      ) : fees.length === 0 ? (
        // Its fees are not in force today (a new standard not yet published): never claim it is free.
        <p>{t('feesAsk')}</p>
      ) : (
        <ul class="plain-list guide-fees">
          {fees.map((f) => {
            const amount = feeAmount(f, (key, values) => common(key, values), text);
            return (
              <li key={f.id}>
                <button type="button" class="guide-fee" onClick={() => visit.go({ name: 'fees', fee: f.id })}>
                  {amount.kind === 'money' ? (
                    <>
                      <span class="guide-fee-amount">{amount.shown}</span>
                      <span class="guide-fee-name">{text(f.name)}</span>
                    </>
                  ) : (
                    // A formula is a paragraph, not a glance: its name here, the whole text one tap away
                    // on the fees screen, so the first screen keeps its other facts whole (issue 12).
                    <>
                      <span class="guide-fee-amount guide-fee-formula">{text(f.name)}</span>
                      <span class="guide-fee-name">{t('feeFormula')}</span>
                    </>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
