/** Open now, closing soon, or closed today, computed on the terminal from hours and holidays. */
import type { WeeklyHoursT } from '../../content/schema.ts';
import { useApp, useT } from '../app/context.ts';
import { openState } from '../logic/opening-hours.ts';
import { Icon } from './Icon.tsx';

export function HoursBadge({ hours }: { hours?: WeeklyHoursT }) {
  const { view, clock } = useApp();
  const t = useT();
  const hall = view.content.value.hall;
  const s = openState(hours ?? hall.hours, hall.exceptions, clock.now.value, clock.timeZone.value);
  const text = view.text.value;
  const label = {
    open: t('hours.openNow'),
    'closing-soon': t('hours.closingSoon'),
    'closed-now': t('hours.closedNow'),
    'closed-today': t('hours.closedToday'),
  }[s.state];
  const detail =
    s.state === 'open' || s.state === 'closing-soon'
      ? t('hours.until', { time: s.until })
      : s.opensAt
        ? t('hours.opensAt', { time: s.opensAt })
        : '';
  return (
    <span class={`hours-badge hours-${s.state}`}>
      <Icon name="clock" size={28} />
      <strong>{label}</strong>
      {detail && <span>{detail}</span>}
      {s.reason && <span>{t('hours.reason', { reason: text(s.reason) })}</span>}
      {s.periods.length > 0 && (
        <span class="hours-periods">{t('hours.today', { periods: s.periods.join(t('hours.joiner')) })}</span>
      )}
    </span>
  );
}
