/** Test hooks behind the `?e2e` start-URL flag only: make the next render fail, to see the fallback. */
import { signal } from '@preact/signals';

/** A terminal in kiosk mode has no address bar: nobody can add `?e2e` to a running terminal. */
export const e2eMode = (): boolean => new URLSearchParams(location.search).has('e2e');

const breakRequests = signal(0);
let rendersToBreak = 0;

/** `window.sunlightBreak(times)`: the next `times` renders of the visitor's UI throw. */
export function sunlightBreak(times = 1): void {
  rendersToBreak = times;
  breakRequests.value += 1;
}

/** Rendered inside the RenderGuard only in e2e mode; throws while a break was asked for. */
export function BreakProbe() {
  void breakRequests.value;
  if (rendersToBreak > 0) {
    rendersToBreak -= 1;
    throw new Error('sunlightBreak: a render failure asked for by a test');
  }
  return null;
}
