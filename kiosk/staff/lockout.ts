/**
 * Wrong staff PINs: a leaky bucket. Three wrong PINs are free, then each one starts a wait that doubles, up
 * to four hours; the bucket forgets one failure every four hours without one. A visitor's stray taps cost
 * staff nothing by the next morning, and sustained guessing falls to about six guesses a day (the figures
 * are in docs/staff-panel.md). Kept across reloads, or reloading would bypass it.
 */

export type Lockout = {
  /** Wrong PINs still remembered as of `lastFailureAt` (the right PIN clears them). */
  failures: number;
  /** Epoch ms of the last wrong PIN: the wait and the forgetting both count from it. */
  lastFailureAt: number;
};

export const FREE_TRIES = 3;
export const FIRST_WAIT_MS = 30_000;
/** The longest wait; equal to the leak, so a guesser at the cap is held at one guess per leak period. */
export const MAX_WAIT_MS = 4 * 3_600_000;
/** One failure is forgotten per this long without a wrong PIN (the time spent waiting counts). */
export const FORGET_ONE_MS = 4 * 3_600_000;
/** localStorage key: a reload must not reset the count, or reloading would bypass the lockout. */
export const LOCKOUT_KEY = 'sunlight.staff.lockout';

export const noLockout: Lockout = { failures: 0, lastFailureAt: 0 };

/** The wait after this many remembered wrong PINs: none for the first two, 30 s after the third, then doubling. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
}

/**
 * Failures still remembered at `now`. A clock set back (now before the last failure) forgets nothing, so
 * turning the clock back cannot be used to wipe the count; a clock set forward forgets early, which needs
 * access to the terminal's OS, not just its screen.
 */
export function failuresAt(state: Lockout, now: number): number {
  const quiet = Math.max(0, now - state.lastFailureAt);
  return Math.max(0, state.failures - Math.floor(quiet / FORGET_ONE_MS));
}

export function afterWrongPin(state: Lockout, now: number): Lockout {
  return { failures: failuresAt(state, now) + 1, lastFailureAt: now };
}

/**
 * Milliseconds left to wait. Never more than the wait itself: a terminal clock set back (say by a
 * day) must not lock staff out until it catches up.
 */
export function remainingWait(state: Lockout, now: number): number {
  const wait = waitAfter(state.failures);
  return Math.max(0, Math.min(state.lastFailureAt + wait - now, wait));
}

/** Wrong PINs left at `now` before the next one starts a wait. */
export function triesBeforeWait(state: Lockout, now: number): number {
  return Math.max(0, FREE_TRIES - failuresAt(state, now));
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Why a stored entry is not a lockout, or undefined when it is one. */
function problemWith(saved: unknown): string | undefined {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return 'not an object';
  const { failures, lastFailureAt } = saved as Record<string, unknown>;
  if (!isCount(failures)) return `failures is ${JSON.stringify(failures)}, not a whole number ≥ 0`;
  if (!isCount(lastFailureAt)) return `lastFailureAt is ${JSON.stringify(lastFailureAt)}, not a time`;
  return undefined;
}

/**
 * The saved lockout, or a fresh one when there is none or it is damaged (including an entry from the
 * older format, which had no `lastFailureAt`): the lockout is a brake on guessing, not a vault, and a pad
 * that crashed on a bad entry would lock staff out for good. A damaged entry is reported on the console.
 */
export function loadLockout(
  storage: Pick<Storage, 'getItem'> | undefined,
  warn: (message: string) => void = console.warn,
): Lockout {
  let text: string | null | undefined;
  let saved: unknown;
  try {
    text = storage?.getItem(LOCKOUT_KEY);
    if (text === null || text === undefined) return noLockout;
    saved = JSON.parse(text);
  } catch (e) {
    warn(`localStorage ${LOCKOUT_KEY} could not be read (${String(e)}): starting the PIN lockout afresh`);
    return noLockout;
  }
  const problem = problemWith(saved);
  if (problem) {
    warn(`localStorage ${LOCKOUT_KEY} is damaged (${problem}): starting the PIN lockout afresh`);
    return noLockout;
  }
  const { failures, lastFailureAt } = saved as Lockout;
  return { failures, lastFailureAt };
}

export function saveLockout(storage: Pick<Storage, 'setItem'> | undefined, state: Lockout): void {
  storage?.setItem(LOCKOUT_KEY, JSON.stringify(state));
}
