/** Take it with you: the checklist itself as a QR code (plain text), so a phone shows it with no network. */
import type { Ref } from 'preact';
import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { QrCode } from '../../ui/QrCode.tsx';
import { useWhere } from './Facts.tsx';
import { materialDetail } from './Materials.tsx';
import { takeAwayText } from './take-away.ts';
import { type Day, weekText } from './weekly-hours.ts';

/** The checklist in the visitor's language: name, where, weekly hours, numbered materials, phone, hall. */
export function useTakeAwayText(service: Service): string {
  const { view } = useApp();
  const t = useT('guide');
  const text = view.text.value;
  const { windows, floor, place, hours } = useWhere(service);
  const placeName = place ? text(view.places.value.get(place)?.place.name) : '';
  const where = [floor ? text(floor.name) : '', windows || placeName].filter(Boolean).join(' ');
  const day = (d: Day) => t(`week.${d}`);
  const week = weekText(hours, {
    day,
    days: (from, to) => t('week.range', { from: day(from), to: day(to) }),
    periodJoiner: t('separator'),
    groupJoiner: t('week.groupJoiner'),
    closed: t('week.closed'),
  });
  return takeAwayText({
    title: text(service.name),
    facts: [...(where ? [t('text.where', { where })] : []), t('text.hours', { hours: week })],
    materialsHeading: t('text.bring'),
    materials: service.materials.map((m) => ({
      name: text(m.name),
      detail: [materialDetail(m, t), m.required ? '' : t('optional')]
        .filter(Boolean)
        .join(t('text.partJoiner')),
    })),
    extras: [
      ...(service.consult.length
        ? [t('text.consult', { phones: service.consult.join(t('separator')) })]
        : []),
      text(view.content.value.hall.name),
    ],
  });
}

export function TakeAway({ service, sectionRef }: { service: Service; sectionRef: Ref<HTMLElement> }) {
  const { view } = useApp();
  const t = useT('guide');
  const data = useTakeAwayText(service);
  return (
    <section
      ref={sectionRef}
      class="guide-card guide-take-away"
      aria-labelledby="guide-take-away"
      tabIndex={-1}
    >
      <h2 id="guide-take-away">{t('takeAway')}</h2>
      <div class="guide-qr-row">
        <QrCode data={data} label={t('takeAwayQr', { name: view.text.value(service.name) })} size={420} />
        <p>{t('takeAwayHint')}</p>
      </div>
    </section>
  );
}
