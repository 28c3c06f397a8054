/** Finding a service: large choices first (who it is for, topic or life event, department), then the services. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import type { Screen } from '../../app/screens.ts';
import { windowList, windowsByFloor } from '../../logic/windows.ts';
import { ListButton } from '../../ui/ListButton.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { serviceWhere } from '../ServiceGuide/where.ts';
import { type Audience, choices, matching } from './filter.ts';
import { inBrowsingOrder } from './order.ts';
import './style.css';

type FinderScreen = Extract<Screen, { name: 'services' }>;

export function ServiceFinder({ screen }: { screen: FinderScreen }) {
  const { view, visit } = useApp();
  const t = useT('services');
  const text = view.text.value;
  const { hall, departments } = view.content.value;
  const services = view.services.value;
  const { topic, department, audience } = screen;
  const found = inBrowsingOrder(matching(services, screen), (s) => text(s.name), visit.locale.value);
  const results = useRef<HTMLHeadingElement>(null);
  const [showDepartments, setShowDepartments] = useState(department !== undefined);

  // Changing a choice changes this screen in place: back leaves the finder, not the last choice.
  const choose = (next: Omit<FinderScreen, 'name'>) => visit.replace({ name: 'services', ...next });
  const chosen = JSON.stringify([topic, department, audience]);
  const first = useRef(chosen);
  useEffect(() => {
    if (first.current === chosen) return;
    // After the shell has scrolled the new screen to its top, bring the services that match into view.
    const frame = requestAnimationFrame(() => results.current?.scrollIntoView({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [chosen]);

  const topics = choices(hall.topics, services, audience, 'topic');
  const offices = choices(departments, services, audience, 'department');
  // A choice that no longer exists in the content (a topic removed by an update) reads as "all services".
  const heading =
    (topic ? text(hall.topics.find((x) => x.id === topic)?.name) : '') ||
    (department ? text(view.department(department)?.name) : '') ||
    t('resultsAll');
  const audiences: [Audience | undefined, string][] = [
    [undefined, t('everyone')],
    ['person', t('person')],
    ['business', t('business')],
  ];

  return (
    <div class="finder">
      <ScreenTitle title={t('title')} subtitle={t('subtitle')} />
      <div class="finder-body">
        <div class="finder-choices">
          <fieldset class="finder-group finder-audience">
            <legend>{t('audience')}</legend>
            <div class="finder-segments">
              {audiences.map(([a, label]) => (
                <button
                  key={label}
                  type="button"
                  class="finder-choice"
                  aria-pressed={audience === a}
                  onClick={() => choose({ topic, department, audience: a })}
                >
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset class="finder-group">
            <legend>{t('byTopic')}</legend>
            <div class="finder-grid">
              <button
                type="button"
                class="finder-choice finder-all"
                aria-pressed={!topic && !department}
                onClick={() => choose({ audience })}
              >
                <span>{t('allServices')}</span>
                <span class="finder-count">
                  {t('count', { count: matching(services, { audience }).length })}
                </span>
              </button>
              {topics.map(({ item, count }) => (
                <button
                  key={item.id}
                  type="button"
                  class="finder-choice"
                  aria-pressed={topic === item.id}
                  onClick={() => choose({ topic: item.id, audience })}
                >
                  <span>{text(item.name)}</span>
                  <span class="finder-count">{t('count', { count })}</span>
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset class="finder-group">
            <legend>{t('byDepartment')}</legend>
            <button
              type="button"
              class="finder-more"
              aria-expanded={showDepartments}
              onClick={() => setShowDepartments(!showDepartments)}
            >
              {showDepartments ? t('hideDepartments') : t('showDepartments', { count: offices.length })}
            </button>
            {showDepartments && (
              <div class="finder-grid finder-departments">
                {offices.map(({ item, count }) => (
                  <button
                    key={item.id}
                    type="button"
                    class="finder-choice"
                    aria-pressed={department === item.id}
                    onClick={() => choose({ department: item.id, audience })}
                  >
                    <span>{text(item.name)}</span>
                    <span class="finder-count">{t('count', { count })}</span>
                  </button>
                ))}
              </div>
            )}
          </fieldset>
        </div>
        <section class="finder-results" aria-labelledby="finder-results-heading">
          <h2 id="finder-results-heading" ref={results} tabIndex={-1}>
            {heading}
            {audience && <span class="finder-audience-tag"> · {t(audience)}</span>}
            <span class="finder-total"> · {t('count', { count: found.length })}</span>
          </h2>
          {found.length === 0 && (
            <div class="finder-none">
              <p>{t('noMatch')}</p>
              <button type="button" class="finder-more" onClick={() => choose({})}>
                {t('showAll')}
              </button>
            </div>
          )}
          <ul class="plain-list" aria-label="services">
            {found.map((s) => (
              <li key={s.id}>
                <ListButton
                  title={text(s.name)}
                  detail={<ServiceWhereLine service={s} />}
                  onClick={() => visit.go({ name: 'service', id: s.id })}
                />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** Under a service's name: its department, its windows, its floor. */
function ServiceWhereLine({ service }: { service: Service }) {
  const { view } = useApp();
  const t = useT('services');
  const text = view.text.value;
  const department = view.department(service.department);
  const where = serviceWhere(service.where, department);
  const floors = view.content.value.hall.floors;
  // A window's floor is the plan's, not the department's (issue 12).
  const floor =
    windowsByFloor(where.windows, floors, where.floor)[0]?.floor ?? floors.find((f) => f.id === where.floor);
  const windows = where.windows.length
    ? t(where.windows.length === 1 ? 'window' : 'windows', {
        list: windowList(where.windows, t('separator')),
      })
    : '';
  return <>{[text(department?.name), windows, text(floor?.name)].filter(Boolean).join(' · ')}</>;
}
