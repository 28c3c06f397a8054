/** The sheet of accessibility modes, low above the dock: four large toggles whose state is said in words. */
import { useEffect, useRef } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import './style.css';
import { Icon } from '../ui/Icon.tsx';
import { ACCESS_MODES } from './access-model.ts';

export function AccessSheet() {
  const { access, visit } = useApp();
  const t = useT('access');
  const heading = useRef<HTMLHeadingElement>(null);
  const open = access.panelOpen.value;
  // A screen reader lands on the sheet when it opens.
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  if (!open) return null;
  const canRead = access.speech.canSpeak(visit.locale.value);
  const modes = ACCESS_MODES.filter((m) => m !== 'readAloud' || canRead);
  return (
    <section id="access-sheet" class="access-sheet" role="dialog" aria-labelledby="access-sheet-heading">
      <div class="access-sheet-head">
        <h2 id="access-sheet-heading" ref={heading} tabindex={-1}>
          {t('heading')}
        </h2>
        <p class="access-sheet-intro">{t('intro')}</p>
        <button
          type="button"
          class="access-close"
          onClick={() => {
            access.panelOpen.value = false;
          }}
        >
          {t('close')}
        </button>
      </div>
      <div class="access-toggles">
        {modes.map((mode) => {
          const on = access[mode].value;
          return (
            <button
              key={mode}
              type="button"
              class={`access-toggle${on ? ' is-on' : ''}`}
              aria-pressed={on}
              data-mode={mode}
              onClick={() => access.toggle(mode)}
            >
              <span class="access-toggle-name">{t(mode)}</span>
              <span class="access-toggle-hint">{t(`${mode}Hint`)}</span>
              {/* The state in words (not colour alone); aria-pressed says it to screen readers. */}
              <span class="access-toggle-state" aria-hidden="true">
                {on && <Icon name="check" size={28} />}
                {on ? t('on') : t('off')}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
