/** Reloads the page for a recorded reason, at most once per cooldown, so a fault that survives a reload cannot loop. */
import { logResilienceEvent } from './resilience-log.ts';

export const LAST_RELOAD_KEY = 'sunlight.resilience.last-reload';

/** When this terminal last reloaded itself (ms since epoch), or undefined. */
export function lastReloadAt(): number | undefined {
  try {
    const at = Number(localStorage.getItem(LAST_RELOAD_KEY));
    return at > 0 ? at : undefined;
  } catch {
    return undefined;
  }
}

/** True when a self-reload happened less than `cooldownMs` ago (either way: the clock may have been set back). */
export function reloadedRecently(now: number, cooldownMs: number): boolean {
  const last = lastReloadAt();
  return last !== undefined && Math.abs(now - last) < cooldownMs;
}

/** Logs why and reloads; returns false (and does nothing) within the cooldown. */
export function reloadFor(reason: string, cooldownMs: number): boolean {
  const now = Date.now();
  if (reloadedRecently(now, cooldownMs)) return false;
  try {
    localStorage.setItem(LAST_RELOAD_KEY, String(now));
  } catch {
    // Without storage the cooldown cannot hold across reloads; the minimum uptime still spaces them.
  }
  logResilienceEvent('reload', reason);
  location.reload();
  return true;
}
