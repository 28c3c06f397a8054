/** The visit's life: in use, "still there?" before the wipe, and the attract playlist between visitors. */
import { computed, effect, signal } from '@preact/signals';

export type SessionPhase = 'visit' | 'still-there' | 'attract';

export type SessionOptions = {
  /** Seconds without a touch before "still there?" shows. */
  idleSeconds: () => number;
  /** Seconds the "still there?" countdown lasts before the visit is wiped. */
  warningSeconds?: number;
  /** An attract-only terminal never leaves the playlist and ignores touches. */
  attractOnly: () => boolean;
  /** Wipes everything of the visit (screens, language, search, modes, dialogs). */
  onWipe: () => void;
  /** Sync and app updates swap things only while this is true. */
  onIdleChange: (idle: boolean) => void;
};

export function createSessionModel(o: SessionOptions) {
  const warningSeconds = o.warningSeconds ?? 15;
  // At boot nobody is mid-visit: home shows, the screen counts as idle until the first touch.
  const phase = signal<SessionPhase>(o.attractOnly() ? 'attract' : 'visit');
  const touchedSinceWipe = signal(false);
  const remaining = signal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wipe = () => {
    clearTimeout(timer);
    o.onWipe();
    touchedSinceWipe.value = false;
    phase.value = 'attract';
  };
  const countDown = () => {
    if (remaining.value <= 1) return wipe();
    remaining.value -= 1;
    timer = setTimeout(countDown, 1000);
  };
  const expire = () => {
    if (!touchedSinceWipe.value) return wipe();
    phase.value = 'still-there';
    remaining.value = warningSeconds;
    timer = setTimeout(countDown, 1000);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(expire, o.idleSeconds() * 1000);
  };
  const touched = () => {
    if (o.attractOnly()) return;
    if (phase.value === 'attract') {
      // The touch that ends the playlist only wakes the screen: a fresh home shows.
      phase.value = 'visit';
      touchedSinceWipe.value = false;
    } else {
      phase.value = 'visit';
      touchedSinceWipe.value = true;
    }
    arm();
  };
  const events = ['pointerdown', 'keydown', 'wheel'] as const;
  for (const e of events) window.addEventListener(e, touched, { capture: true, passive: true });
  if (phase.value === 'visit') arm();

  const idle = computed(() => phase.value === 'attract' || !touchedSinceWipe.value);
  const stopEffect = effect(() => o.onIdleChange(idle.value));
  return {
    phase: computed(() => phase.value),
    /** Whole seconds left on the "still there?" countdown. */
    remaining: computed(() => remaining.value),
    idle,
    /** Ends the visit now (for the staff panel's close, and tests). */
    wipe,
    dispose() {
      clearTimeout(timer);
      stopEffect();
      for (const e of events) window.removeEventListener(e, touched, { capture: true });
    },
  };
}
export type SessionModel = ReturnType<typeof createSessionModel>;
