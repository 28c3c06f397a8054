/**
 * One visitor's session: where they are (a stack of screens), how far down each screen on the stack they had
 * scrolled (so back returns them to the same place), and which language they read.
 */
import { computed, signal } from '@preact/signals';
import type { Screen } from '../app/screens.ts';

export function createVisitModel(defaultLocale: () => string) {
  const stack = signal<Screen[]>([{ name: 'home' }]);
  const chosenLocale = signal<string | undefined>(undefined);
  // Keyed by the stack's own entries: back finds the very entry it left, a screen opened anew is a new entry
  // (at its top), and entries dropped from the stack take their positions with them.
  let scrolled = new WeakMap<Screen, number>();
  return {
    current: computed(() => stack.value[stack.value.length - 1]!),
    canGoBack: computed(() => stack.value.length > 1),
    locale: computed(() => chosenLocale.value ?? defaultLocale()),
    go(screen: Screen) {
      stack.value = [...stack.value, screen];
    },
    /** Changes the current screen in place (a tab or a filter), so back does not step through it. */
    replace(screen: Screen) {
      stack.value = [...stack.value.slice(0, -1), screen];
    },
    back() {
      if (stack.value.length > 1) stack.value = stack.value.slice(0, -1);
    },
    home() {
      stack.value = [{ name: 'home' }];
    },
    /** Switching language keeps the visitor's place. */
    setLocale(locale: string) {
      chosenLocale.value = locale;
    },
    /** How far down the current screen the visitor has scrolled (in px), to give back on return. */
    rememberScroll(top: number) {
      scrolled.set(stack.value[stack.value.length - 1]!, top);
    },
    /** Where a screen on the stack was left: 0 for one never scrolled (or opened anew). */
    scrollOf(screen: Screen): number {
      return scrolled.get(screen) ?? 0;
    },
    /** The end of a visit: nothing of it remains. */
    reset() {
      stack.value = [{ name: 'home' }];
      chosenLocale.value = undefined;
      scrolled = new WeakMap();
    },
  };
}
export type VisitModel = ReturnType<typeof createVisitModel>;
