/** The terminal's record of render failures and watchdog reloads, kept across reloads for the staff panel. */
import { signal } from '@preact/signals';

export type ResilienceEvent = {
  /** ISO time on the terminal's clock. */
  at: string;
  /** render: a screen failed to render; boot: the app failed before its first render;
   * reload: the watchdog or a failed recovery reloaded the page (message says why);
   * rating: a visitor's finished rating could not be queued for the fleet service, and is lost. */
  kind: 'render' | 'boot' | 'reload' | 'rating';
  message: string;
};

/** localStorage: terminal data, not visitor data; it must survive the reload it explains. */
export const LOG_KEY = 'sunlight.resilience.log';
const KEEP = 30;

function read(): ResilienceEvent[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LOG_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as ResilienceEvent[]) : [];
  } catch {
    return [];
  }
}

/** Newest last, at most 30; the staff panel reads `.value` (or subscribes) and shows them. */
export const resilienceLog = signal<ResilienceEvent[]>(read());

export function logResilienceEvent(kind: ResilienceEvent['kind'], message: string): void {
  const entry = { at: new Date().toISOString(), kind, message: message.slice(0, 500) };
  // The signal holds what storage holds (and what a failed write could not keep): no second read.
  const next = [...resilienceLog.value, entry].slice(-KEEP);
  try {
    localStorage.setItem(LOG_KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the entry still shows until the next reload.
  }
  resilienceLog.value = next;
  console.error(`[sunlight ${kind}] ${message}`);
}

/** A readable one-line description of anything thrown. */
export function describeError(e: unknown): string {
  if (e instanceof Error)
    return `${e.name}: ${e.message}${e.stack ? ` @ ${e.stack.split('\n')[1]?.trim() ?? ''}` : ''}`;
  return String(e);
}
