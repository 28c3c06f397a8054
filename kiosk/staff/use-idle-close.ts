/** Closes a staff dialog left alone: staff walk away, and the next visitor must not find it open. */
import { useEffect, useRef } from 'preact/hooks';

export const STAFF_IDLE_MS = 60_000;

/** Returns a handler to put on the dialog's pointerdown and keydown; `busy` holds the timer (a sync under way). */
export function useIdleClose(onIdle: () => void, busy: boolean): () => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(onIdle);
  latest.current = onIdle;
  const arm = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), STAFF_IDLE_MS);
  };
  useEffect(() => {
    if (busy) clearTimeout(timer.current);
    else arm();
    return () => clearTimeout(timer.current);
  }, [busy]);
  return () => {
    if (!busy) arm();
  };
}
