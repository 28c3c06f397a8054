/** The visitor's accessibility modes: large text, reach, high contrast, read aloud; reset when the visit ends. */
import { signal } from '@preact/signals';
import { createSpeech, type SpeechOutput } from './speech.ts';

export type AccessMode = 'largeText' | 'reach' | 'highContrast' | 'readAloud';
export const ACCESS_MODES: readonly AccessMode[] = ['largeText', 'reach', 'highContrast', 'readAloud'];

export function createAccessModel(speech: SpeechOutput = createSpeech()) {
  const modes = {
    largeText: signal(false),
    reach: signal(false),
    highContrast: signal(false),
    readAloud: signal(false),
  };
  // The sheet of toggles is part of the visit too: a new visitor never finds it open.
  const panelOpen = signal(false);
  return {
    ...modes,
    panelOpen,
    speech,
    toggle(mode: AccessMode) {
      modes[mode].value = !modes[mode].value;
    },
    reset() {
      for (const m of ACCESS_MODES) modes[m].value = false;
      panelOpen.value = false;
      speech.stop();
    },
  };
}
export type AccessModel = ReturnType<typeof createAccessModel>;
