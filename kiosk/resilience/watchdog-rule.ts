/** When the watchdog may reload: only with nobody at the screen, preferably when the hall is closed. */

export type WatchdogLimits = {
  /** JS heap (performance.memory.usedJSHeapSize) above which a reload is wanted. */
  heapBytes: number;
  /** A heartbeat this late means the main thread was stuck (the app did not answer) this long. */
  stallMs: number;
  /** This many stalls within `stallWindowMs` make the app "not answering": a reload is wanted. */
  stallsToReload: number;
  stallWindowMs: number;
  /** No watchdog reload sooner than this after boot (a fresh page is as good as a reload gets). */
  minUptimeMs: number;
  /** While the hall is open, a heap reload waits this long for closing time before taking the next idle moment. */
  inHoursGraceMs: number;
  /** At most one watchdog reload per this period, so a limit the app always exceeds cannot loop. */
  cooldownMs: number;
};

export const DEFAULT_LIMITS: WatchdogLimits = {
  heapBytes: 512 * 2 ** 20,
  stallMs: 10_000,
  stallsToReload: 3,
  stallWindowMs: 10 * 60_000,
  minUptimeMs: 5 * 60_000,
  inHoursGraceMs: 60 * 60_000,
  cooldownMs: 60 * 60_000,
};

export type ReloadWish = {
  reason: string;
  /** When the wish arose (ms since epoch). */
  since: number;
  /** The app is visibly failing (not answering): do not wait for closing time, only for idle. */
  urgent: boolean;
};

export type WatchdogMoment = {
  now: number;
  bootedAt: number;
  /** The attract playlist runs (or the terminal is attract-only): nobody is using the screen. */
  attract: boolean;
  /** Whether the hall is open now; undefined when unknown (no content). */
  hallOpen: boolean | undefined;
  /** True when a self-reload happened within the cooldown. */
  reloadedRecently: boolean;
};

export type Decision = 'reload' | 'wait' | 'nothing';

/** The rule (docs/resilience.md): at idle outside hours at once; at idle in hours once urgent or after the grace. */
export function decideReload(
  wish: ReloadWish | undefined,
  m: WatchdogMoment,
  limits: WatchdogLimits,
): Decision {
  if (!wish) return 'nothing';
  if (m.now - m.bootedAt < limits.minUptimeMs || m.reloadedRecently || !m.attract) return 'wait';
  if (m.hallOpen === false || wish.urgent || m.now - wish.since >= limits.inHoursGraceMs) return 'reload';
  return 'wait';
}

/** Keeps the stalls still inside the window and says whether there are enough to call the app unresponsive. */
export function recordStall(
  stalls: number[],
  at: number,
  limits: WatchdogLimits,
): { stalls: number[]; unresponsive: boolean } {
  const recent = [...stalls, at].filter((t) => at - t < limits.stallWindowMs);
  return { stalls: recent, unresponsive: recent.length >= limits.stallsToReload };
}
