/** The watchdog: samples the JS heap and the main thread's responsiveness; reloads at a quiet moment when either fails. */
import { effect, type ReadonlySignal, signal } from '@preact/signals';
import { hallTimeZone } from '../../content/hall-time.ts';
import type { Hall } from '../../content/schema.ts';
import { openState } from '../logic/opening-hours.ts';
import type { SessionPhase } from '../models/session-model.ts';
import { reloadedRecently, reloadFor } from './reload.ts';
import {
  DEFAULT_LIMITS,
  decideReload,
  type ReloadWish,
  recordStall,
  type WatchdogLimits,
} from './watchdog-rule.ts';

const HEARTBEAT_MS = 2_000;
/** The heap figure changes slowly (and coarsely without precise memory info): sample it every 30 s. */
const HEAP_EVERY_BEATS = 15;
const MiB = 2 ** 20;

/** What the staff panel may show: the last heap sample and any reload the watchdog is waiting to make. */
export const watchdogState = signal<{ heapBytes?: number; limitBytes: number; wish?: ReloadWish }>({
  limitBytes: DEFAULT_LIMITS.heapBytes,
});

/**
 * `?heapMiB=<n>` sets this terminal's heap limit (128 or more: a terminal with little memory);
 * with `?e2e` any value from 1 is honoured, so a test can drive the limit below what the app uses,
 * and `?watchdogUptime=<s>` replaces the minimum uptime before a reload.
 */
export function readWatchdogLimits(search: string): WatchdogLimits {
  const query = new URLSearchParams(search);
  const e2e = query.has('e2e');
  const asked = Number(query.get('heapMiB'));
  const heapBytes =
    Number.isInteger(asked) && asked >= (e2e ? 1 : 128) ? asked * MiB : DEFAULT_LIMITS.heapBytes;
  // Tests only: a page minutes old may reload, so a test need not wait five minutes in real time.
  const uptime = Number(query.get('watchdogUptime'));
  const minUptimeMs =
    e2e && Number.isInteger(uptime) && uptime >= 0 ? uptime * 1000 : DEFAULT_LIMITS.minUptimeMs;
  return { ...DEFAULT_LIMITS, heapBytes, minUptimeMs };
}

type Memory = { usedJSHeapSize: number };
/** Chromium only; elsewhere the heap check is skipped. Unless Chromium runs with --enable-precise-memory-info, the figure is coarse and refreshed rarely, which is enough to catch a leak of hundreds of MiB. */
const usedHeap = (): number | undefined =>
  (performance as Performance & { memory?: Memory }).memory?.usedJSHeapSize;

export type WatchdogInputs = {
  phase: ReadonlySignal<SessionPhase>;
  /** The hall of the active content, for its opening hours (undefined before content exists). */
  hall: () => Hall | undefined;
  limits: WatchdogLimits;
};

export function startWatchdog({ phase, hall, limits }: WatchdogInputs): () => void {
  const bootedAt = Date.now();
  let wish: ReloadWish | undefined;
  let stalls: number[] = [];
  watchdogState.value = { limitBytes: limits.heapBytes };

  const want = (reason: string, urgent: boolean) => {
    // The first reason is kept: it says what went wrong first; an urgent one still hurries it.
    wish = wish ? { ...wish, urgent: wish.urgent || urgent } : { reason, since: Date.now(), urgent };
    watchdogState.value = { ...watchdogState.value, wish };
  };
  const hallOpen = (): boolean | undefined => {
    const h = hall();
    if (!h) return undefined;
    const state = openState(h.hours, h.exceptions, new Date(), hallTimeZone(h)).state;
    return state === 'open' || state === 'closing-soon';
  };
  const sampleHeap = () => {
    const heap = usedHeap();
    if (heap === undefined) return;
    watchdogState.value = { ...watchdogState.value, heapBytes: heap };
    if (heap > limits.heapBytes)
      want(
        `JS heap ${Math.round(heap / MiB)} MiB is over the limit of ${Math.round(limits.heapBytes / MiB)} MiB`,
        false,
      );
  };
  const decide = () => {
    if (!wish) return;
    const now = Date.now();
    const moment = {
      now,
      bootedAt,
      attract: phase.peek() === 'attract',
      hallOpen: hallOpen(),
      reloadedRecently: reloadedRecently(now, limits.cooldownMs),
    };
    if (decideReload(wish, moment, limits) === 'reload')
      reloadFor(`watchdog: ${wish.reason}`, limits.cooldownMs);
  };

  // A heartbeat that measures its own lateness: a late beat means the main thread could not answer.
  let beats = 0;
  let expected = performance.now() + HEARTBEAT_MS;
  const heartbeat = setInterval(() => {
    const late = performance.now() - expected;
    expected = performance.now() + HEARTBEAT_MS;
    beats += 1;
    if (beats % HEAP_EVERY_BEATS === 0) sampleHeap();
    // A hidden page is throttled by the browser, which is not the app's fault.
    if (document.visibilityState === 'visible' && late >= limits.stallMs) {
      const r = recordStall(stalls, Date.now(), limits);
      stalls = r.stalls;
      if (r.unresponsive)
        want(
          `the app did not answer for ${Math.round(late / 1000)} s, ${stalls.length} times in ${limits.stallWindowMs / 60_000} minutes`,
          true,
        );
    }
    decide();
  }, HEARTBEAT_MS);
  sampleHeap();
  // The moment the playlist starts is the first quiet moment: decide then, not at the next beat.
  const stopEffect = effect(() => {
    if (phase.value === 'attract') decide();
  });
  return () => {
    clearInterval(heartbeat);
    stopEffect();
  };
}
