/** One visitor's session: where they are (a stack of screens) and which language they read. */
import { computed, signal } from '@preact/signals';
import type { Screen } from '../app/screens.ts';

export function createVisitModel(defaultLocale: () => string) {
  const stack = signal<Screen[]>([{ name: 'home' }]);
  const chosenLocale = signal<string | undefined>(undefined);
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
    /** The end of a visit: nothing of it remains. */
    reset() {
      stack.value = [{ name: 'home' }];
      chosenLocale.value = undefined;
    },
  };
}
export type VisitModel = ReturnType<typeof createVisitModel>;
