/** The terminal's time as a signal, so opening hours and effective dates update by themselves. */
import { computed, signal } from '@preact/signals';

/** The calendar date in the terminal's time zone, as YYYY-MM-DD. */
export const localDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function createClockModel(tickMs = 15_000) {
  const now = signal(new Date());
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    now.value = new Date();
    timer = setTimeout(tick, tickMs);
  };
  timer = setTimeout(tick, tickMs);
  return {
    now,
    today: computed(() => localDate(now.value)),
    dispose: () => clearTimeout(timer),
  };
}
export type ClockModel = ReturnType<typeof createClockModel>;
