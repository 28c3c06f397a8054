/** Never a black screen at boot: an uncaught error before the first render, or a boot that hangs, shows the fallback. */
import { render } from 'preact';
import { Fallback } from './Fallback.tsx';
import { reloadFor } from './reload.ts';
import { describeError, logResilienceEvent } from './resilience-log.ts';

/** A boot from the service worker's cache takes about a second; a first boot shows its own progress screen. */
export const BOOT_TIMEOUT_MS = 90_000;
export const BOOT_RELOAD_AFTER_MS = 60_000;
const BOOT_RELOAD_COOLDOWN_MS = 10 * 60_000;

let rendered = false;
let overlay: HTMLElement | undefined;

function bootFailed(what: string): void {
  if (rendered) return;
  logResilienceEvent('boot', what);
  if (!overlay) {
    // Its own element: the app's root may hold a half-built tree that Preact still owns.
    overlay = document.createElement('div');
    overlay.className = 'fallback-overlay';
    document.body.append(overlay);
    render(<Fallback />, overlay);
    setTimeout(
      () => reloadFor(`the app failed to start: ${what}`, BOOT_RELOAD_COOLDOWN_MS),
      BOOT_RELOAD_AFTER_MS,
    );
  }
}

const onError = (e: ErrorEvent) => bootFailed(describeError(e.error ?? e.message));
const onRejection = (e: PromiseRejectionEvent) => bootFailed(describeError(e.reason));
window.addEventListener('error', onError);
window.addEventListener('unhandledrejection', onRejection);
const hung = setTimeout(() => bootFailed(`no screen after ${BOOT_TIMEOUT_MS / 1000} s`), BOOT_TIMEOUT_MS);

/** Main calls this right after the first render: from then on the RenderGuard and the watchdog take over. */
export function bootRendered(): void {
  rendered = true;
  clearTimeout(hung);
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  if (overlay) {
    // A failure that did not stop the boot: the app works, so the fallback gives way.
    render(null, overlay);
    overlay.remove();
    overlay = undefined;
  }
}

/** For boot() itself: a rejected boot is a failed boot. */
export const bootCrashed = (e: unknown): void => bootFailed(describeError(e));
