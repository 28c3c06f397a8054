/** Where the visitor is: a stack of screens, so back and home always work. */
import { computed, signal } from '@preact/signals';

export type Screen = { name: 'home' } | { name: 'service'; id: string };

export function createNavigationModel() {
  const stack = signal<Screen[]>([{ name: 'home' }]);
  return {
    current: computed(() => stack.value[stack.value.length - 1]!),
    open(screen: Screen) {
      stack.value = [...stack.value, screen];
    },
    back() {
      if (stack.value.length > 1) stack.value = stack.value.slice(0, -1);
    },
    home() {
      stack.value = [{ name: 'home' }];
    },
  };
}
export type NavigationModel = ReturnType<typeof createNavigationModel>;
