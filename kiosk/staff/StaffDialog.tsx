/** The staff dialog over everything: the PIN pad first, then the panel; closes itself when left alone. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import { UI_LOCALES } from '../i18n/registry.ts';
import { Panel } from './Panel.tsx';
import { PinPad } from './PinPad.tsx';
import { useIdleClose } from './use-idle-close.ts';
import './style.css';

export function StaffDialog({ onClose }: { onClose: () => void }) {
  const { session, sync, visit, view, terminalMode } = useApp();
  const t = useT('staff');
  const [unlocked, setUnlocked] = useState(false);
  const busy = sync.status.value.checking;
  // Once the panel was open, closing ends the visit: staff's taps started one, and the content or
  // mode may have changed under it.
  const close = () => {
    onClose();
    if (unlocked) session.wipe();
  };
  const touched = useIdleClose(close, busy);
  // A visit wiped under the dialog (the idle time ran out) takes the dialog with it; not the wipe that
  // switching to attract-only causes, which staff made from this very panel.
  const phase = session.phase.value;
  const lastPhase = useRef(phase);
  useEffect(() => {
    const switched = terminalMode.mode.peek() === 'attract';
    if (phase === 'attract' && lastPhase.current !== 'attract' && !switched) onClose();
    lastPhase.current = phase;
  }, [phase]);
  // Focus moves into the dialog, so a screen reader or a keyboard starts there.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  // Staff strings exist in the UI's languages only.
  const otherLocale = view.content.value.manifest.locales.find(
    (l) => l !== visit.locale.value && (UI_LOCALES as readonly string[]).includes(l),
  );
  return (
    <div
      ref={root}
      tabindex={-1}
      class="staff-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={t('title')}
      lang={visit.locale.value}
      onPointerDown={touched}
      onKeyDown={touched}
    >
      <header class="staff-header">
        <h1>{t('title')}</h1>
        {otherLocale && (
          <button
            type="button"
            class="staff-button"
            lang={otherLocale}
            onClick={() => visit.setLocale(otherLocale)}
          >
            {t('otherLanguage')}
          </button>
        )}
      </header>
      {unlocked ? <Panel onClose={close} /> : <PinPad onUnlock={() => setUnlocked(true)} onCancel={close} />}
    </div>
  );
}
