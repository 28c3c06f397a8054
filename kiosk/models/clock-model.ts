/**
 * The time as a signal, so opening hours and effective dates update by themselves; with the hall's zone,
 * in which every hall time is read (content/hall-time.ts), whatever zone the terminal's OS is set to.
 */
import { computed, signal } from '@preact/signals';
import { localDate } from '../../content/hall-time.ts';

/** `timeZone` reads the active content's hall zone (a signal), so a new version may change it. */
export function createClockModel(timeZone: () => string, tickMs = 15_000) {
  const now = signal(new Date());
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    now.value = new Date();
    timer = setTimeout(tick, tickMs);
  };
  timer = setTimeout(tick, tickMs);
  const zone = computed(timeZone);
  return {
    now,
    /** The hall's IANA time zone. */
    timeZone: zone,
    /** The hall's calendar date now, YYYY-MM-DD. */
    today: computed(() => localDate(now.value, zone.value)),
    dispose: () => clearTimeout(timer),
  };
}
export type ClockModel = ReturnType<typeof createClockModel>;
