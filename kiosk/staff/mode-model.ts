/** The terminal's mode: the start URL's, unless staff switched it on the panel (kept across reloads). */
import { computed, signal } from '@preact/signals';
import type { KioskSettings, TerminalMode } from '../config.ts';

/** localStorage key of the staff override; per terminal, because each terminal has its own browser profile. */
export const MODE_KEY = 'sunlight.mode';

/** Where the mode in force came from, so staff know what a reload or a new start URL would do. */
export type ModeSource = 'staff' | 'url' | 'default';

type ModeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const asMode = (value: string | null): TerminalMode | undefined =>
  value === 'attract' || value === 'interactive' ? value : undefined;

export function createModeModel(
  settings: Pick<KioskSettings, 'mode' | 'modeFromUrl'>,
  storage: ModeStorage | undefined,
) {
  const read = (): TerminalMode | undefined => {
    try {
      return asMode(storage?.getItem(MODE_KEY) ?? null);
    } catch {
      return undefined;
    }
  };
  const override = signal<TerminalMode | undefined>(read());
  const mode = computed<TerminalMode>(() => override.value ?? settings.mode);
  const source = computed<ModeSource>(() =>
    override.value !== undefined ? 'staff' : settings.modeFromUrl ? 'url' : 'default',
  );
  return {
    mode,
    /** An attract-only terminal: the playlist only, touches ignored, updates shown as soon as verified. */
    attractOnly: computed(() => mode.value === 'attract'),
    source,
    switchTo(next: TerminalMode) {
      storage?.setItem(MODE_KEY, next);
      override.value = next;
    },
    useUrlMode() {
      storage?.removeItem(MODE_KEY);
      override.value = undefined;
    },
  };
}
export type ModeModel = ReturnType<typeof createModeModel>;
