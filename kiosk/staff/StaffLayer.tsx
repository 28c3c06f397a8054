/**
 * Listens for the staff gesture on the window itself (the session model ignores touches on an
 * attract-only terminal, and the attract layer covers the app) and opens the staff dialog, which is
 * loaded only then: visitors' first screen does not pay for it.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createCornerTaps } from './gesture.ts';

type DialogProps = { onClose: () => void };

export function StaffLayer() {
  const [Dialog, setDialog] = useState<ComponentType<DialogProps> | undefined>(undefined);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const tap = createCornerTaps();
    const onPointerDown = (e: PointerEvent) => {
      if (!e.isPrimary || !tap(e.clientX, e.clientY, e.timeStamp)) return;
      void import('./StaffDialog.tsx').then((m) => {
        setDialog(() => m.StaffDialog);
        setOpen(true);
      });
    };
    window.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, []);
  return open && Dialog ? <Dialog onClose={() => setOpen(false)} /> : null;
}
