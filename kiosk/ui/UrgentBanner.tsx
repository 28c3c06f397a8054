/**
 * Urgent notices in force, one line each above every screen of a visit: "紧急", when ("12月30日 18:00起"),
 * the title, and a button to read it. The line's height is --urgent-line (urgent-banner.css), defined once.
 */
import { useApp, useT } from '../app/context.ts';
import { whenShort } from '../attract/notice-when.ts';
import { Icon } from './Icon.tsx';
import './urgent-banner.css';

export function UrgentBanner() {
  const { view, visit, clock } = useApp();
  const t = useT('notices');
  const urgent = view.urgent.value;
  if (urgent.length === 0) return null;
  const text = view.text.value;
  const locale = view.locale.value;
  return (
    <header class="urgent">
      {urgent.map((n) => (
        <div key={n.id} class="urgent-banner" role="alert">
          <strong class="urgent-badge" data-tag>
            {t('urgent')}
          </strong>
          <span class="urgent-when">{whenShort(n, locale, clock.today.value)}</span>
          <span class="urgent-title">{text(n.title)}</span>
          <button type="button" class="urgent-open" onClick={() => visit.go({ name: 'notice', id: n.id })}>
            <Icon name="chevron" size={28} />
            <span class="visually-hidden">{text(n.title)}</span>
          </button>
        </div>
      ))}
    </header>
  );
}
