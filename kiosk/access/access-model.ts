/** The visitor's accessibility modes: large text, reach, high contrast, read aloud; reset when the visit ends. */
import { signal } from '@preact/signals';

export function createAccessModel() {
  const largeText = signal(false);
  const reach = signal(false);
  const highContrast = signal(false);
  const readAloud = signal(false);
  return {
    largeText,
    reach,
    highContrast,
    readAloud,
    reset() {
      largeText.value = false;
      reach.value = false;
      highContrast.value = false;
      readAloud.value = false;
    },
  };
}
export type AccessModel = ReturnType<typeof createAccessModel>;
