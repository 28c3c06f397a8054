/** Tracks whether a visitor is using the screen; tells sync, which only swaps content when idle. */
import { computed, effect, signal } from '@preact/signals';

export function createIdleModel(idleSeconds: () => number, onIdleChange: (idle: boolean) => void) {
  // At boot nobody is mid-visit: the screen starts idle.
  const idle = signal(true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touched = () => {
    idle.value = false;
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle.value = true;
    }, idleSeconds() * 1000);
  };
  const events = ['pointerdown', 'keydown', 'wheel'] as const;
  for (const e of events) window.addEventListener(e, touched, { capture: true, passive: true });
  const stopEffect = effect(() => onIdleChange(idle.value));
  return {
    idle: computed(() => idle.value),
    dispose() {
      clearTimeout(timer);
      stopEffect();
      for (const e of events) window.removeEventListener(e, touched, { capture: true });
    },
  };
}
