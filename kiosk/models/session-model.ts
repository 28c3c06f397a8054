/** The visit's life: in use, "still there?" before the wipe, and the attract playlist between visitors. */
import { computed, effect, signal } from '@preact/signals';

export type SessionPhase = 'visit' | 'still-there' | 'attract';

/** How long "still there?" counts down: long enough to notice and reach the screen, short beside the idle time. */
const WARNING_SECONDS = 15;
/** A press whose click never comes (a long press, a drag) still counts once this long after it is released. */
const RELEASE_GRACE_MS = 500;

export type SessionOptions = {
  /** Seconds without a touch before the visit counts as over. */
  idleSeconds: () => number;
  /** An attract-only terminal never leaves the playlist and ignores touches (may read a signal). */
  attractOnly: () => boolean;
  /** Wipes everything of the visit (screens, language, search, modes, dialogs). */
  onWipe: () => void;
  /** Sync and app updates swap things only while this is true. */
  onIdleChange: (idle: boolean) => void;
  /** Where touches arrive; the window in the kiosk, a bare EventTarget in unit tests. */
  events?: EventTarget;
};

export function createSessionModel(o: SessionOptions) {
  const target = o.events ?? window;
  // At boot nobody is mid-visit: home shows, the screen counts as idle until the first touch.
  const phase = signal<SessionPhase>(o.attractOnly() ? 'attract' : 'visit');
  // Someone has touched since the last wipe: only then is there a visit to ask about, or to protect from updates.
  const touchedSinceWipe = signal(false);
  const remaining = signal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A press that began on the playlist or on "still there?": it acts when released, so the tap that ends
  // the playlist or the question never also lands on the screen that appears beneath it.
  let pressed = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const wipe = () => {
    clearTimeout(timer);
    clearTimeout(graceTimer);
    pressed = false;
    o.onWipe();
    touchedSinceWipe.value = false;
    remaining.value = 0;
    phase.value = 'attract';
  };
  const countDown = () => {
    if (remaining.value <= 1) return wipe();
    remaining.value -= 1;
    timer = setTimeout(countDown, 1000);
  };
  const expire = () => {
    // Nobody touched a fresh screen: there is nothing to ask about.
    if (!touchedSinceWipe.value) return wipe();
    phase.value = 'still-there';
    remaining.value = WARNING_SECONDS;
    timer = setTimeout(countDown, 1000);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(expire, o.idleSeconds() * 1000);
  };
  /** The visitor is here: the playlist gives way to a fresh home, the question to the screen they were on. */
  const resume = () => {
    clearTimeout(graceTimer);
    pressed = false;
    touchedSinceWipe.value = true;
    remaining.value = 0;
    phase.value = 'visit';
    arm();
  };
  const onPress = () => {
    if (o.attractOnly()) return;
    if (phase.value === 'visit') {
      touchedSinceWipe.value = true;
      return arm();
    }
    // Holding a finger on the question is an answer: the countdown stops at once.
    clearTimeout(timer);
    clearTimeout(graceTimer);
    pressed = true;
  };
  const onRelease = () => {
    if (!pressed) return;
    clearTimeout(graceTimer);
    graceTimer = setTimeout(resume, RELEASE_GRACE_MS);
  };
  /** A click ends a press at once; a click with no press (a key, assistive technology) acts by itself. */
  const onClick = () => {
    if (o.attractOnly() || phase.value === 'visit') return;
    resume();
  };
  const onKeyOrWheel = () => {
    if (o.attractOnly()) return;
    if (phase.value === 'visit') {
      touchedSinceWipe.value = true;
      return arm();
    }
    resume();
  };
  const listeners: [string, () => void][] = [
    ['pointerdown', onPress],
    ['pointerup', onRelease],
    ['pointercancel', onRelease],
    ['click', onClick],
    ['keydown', onKeyOrWheel],
    ['wheel', onKeyOrWheel],
  ];
  for (const [name, fn] of listeners) target.addEventListener(name, fn, { capture: true, passive: true });
  if (phase.value === 'visit') arm();

  // A terminal switched to attract-only (by the staff panel) ends any visit at once.
  const stopMode = effect(() => {
    if (o.attractOnly() && phase.peek() !== 'attract') wipe();
  });
  const idle = computed(() => phase.value === 'attract' || !touchedSinceWipe.value);
  const stopIdle = effect(() => o.onIdleChange(idle.value));
  return {
    phase: computed(() => phase.value),
    /** Whole seconds left on the "still there?" countdown. */
    remaining: computed(() => remaining.value),
    idle,
    /** Ends the visit now (for the staff panel's close, and tests). */
    wipe,
    dispose() {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      stopMode();
      stopIdle();
      for (const [name, fn] of listeners) target.removeEventListener(name, fn, { capture: true });
    },
  };
}
export type SessionModel = ReturnType<typeof createSessionModel>;
