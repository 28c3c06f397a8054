/**
 * A guide's read-only part for reach mode's upper half: what to bring (the checklist, its forms and copies, and
 * its notes when they fit), where to go and how long, from the guide's own helpers so both say the same.
 */

import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { timeLimitText, useWhere } from '../../screens/ServiceGuide/Facts.tsx';
import { materialDetail } from '../../screens/ServiceGuide/Materials.tsx';
import { HoursBadge } from '../../ui/HoursBadge.tsx';

export function GuideReadPane({ id, brief }: { id: string; brief: boolean }) {
  const { view } = useApp();
  const service = view.service(id);
  if (!service) return null;
  return (
    <div class="reach-guide">
      <p class="reach-pane-title">{view.text.value(service.name)}</p>
      <div class="reach-guide-body">
        <Checklist service={service} brief={brief} />
        <Facts service={service} />
      </div>
    </div>
  );
}

function Checklist({ service, brief }: { service: Service; brief: boolean }) {
  const { view } = useApp();
  const t = useT('guide');
  const text = view.text.value;
  return (
    <section class="reach-bring">
      <p class="reach-label">{t('bring')}</p>
      {service.materials.length === 0 ? (
        <p>{t('noMaterials')}</p>
      ) : (
        <ol class="reach-materials">
          {service.materials.map((m, i) => (
            <li key={i} class={m.required ? undefined : 'reach-optional'}>
              <span class="reach-number">{i + 1}</span>
              <span>
                <strong>{text(m.name)}</strong>{' '}
                <span class="reach-tag" data-tag>
                  {materialDetail(m, t)}
                  {!m.required && ` · ${t('optional')}`}
                </span>
                {!brief && m.note && <span class="reach-material-note">{text(m.note)}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Facts({ service }: { service: Service }) {
  const { view } = useApp();
  const t = useT('guide');
  const { windows, floor, place, hours } = useWhere(service);
  const promised = service.timeLimit?.promised ?? service.timeLimit?.statutory;
  const where = windows || (place && view.text.value(view.places.value.get(place)?.place.name));
  return (
    <section class="reach-facts">
      {where && (
        <>
          <p class="reach-label">{t('where')}</p>
          <p class="reach-big">
            {where}
            {floor && <span class="reach-floor"> · {view.text.value(floor.name)}</span>}
          </p>
          <p class="reach-hours">
            <HoursBadge hours={hours} />
          </p>
        </>
      )}
      {promised && (
        <>
          <p class="reach-label">{t('howLong')}</p>
          <p class="reach-big">{timeLimitText(promised, t)}</p>
        </>
      )}
    </section>
  );
}
