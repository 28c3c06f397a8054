/** Wrong staff PINs: three free tries, then a wait that doubles with each further failure; kept across reloads. */

export type Lockout = {
  /** Wrong PINs in a row since the last right one. */
  failures: number;
  /** Epoch ms before which no PIN is checked. */
  lockedUntil: number;
};

export const FREE_TRIES = 3;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** localStorage key: a reload must not reset the count, or reloading would bypass the lockout. */
export const LOCKOUT_KEY = 'sunlight.staff.lockout';

export const noLockout: Lockout = { failures: 0, lockedUntil: 0 };

/** The wait after this many wrong PINs: none for the first two, 30 s after the third, then doubling. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
}

export function afterWrongPin(state: Lockout, now: number): Lockout {
  const failures = state.failures + 1;
  return { failures, lockedUntil: now + waitAfter(failures) };
}

/**
 * Milliseconds left to wait. Never more than the wait itself: a terminal clock set back (say by a
 * day) must not lock staff out until it catches up.
 */
export function remainingWait(state: Lockout, now: number): number {
  return Math.max(0, Math.min(state.lockedUntil - now, waitAfter(state.failures)));
}

/** Wrong PINs left before the next wait starts. */
export function triesBeforeWait(state: Lockout): number {
  return Math.max(0, FREE_TRIES - state.failures);
}

export function loadLockout(storage: Pick<Storage, 'getItem'> | undefined): Lockout {
  try {
    const saved = JSON.parse(storage?.getItem(LOCKOUT_KEY) ?? 'null') as Partial<Lockout> | null;
    if (typeof saved?.failures === 'number' && typeof saved.lockedUntil === 'number') {
      return { failures: saved.failures, lockedUntil: saved.lockedUntil };
    }
  } catch {
    // A damaged entry counts as no failures: the lockout is a brake on guessing, not a vault.
  }
  return noLockout;
}

export function saveLockout(storage: Pick<Storage, 'setItem'> | undefined, state: Lockout): void {
  storage?.setItem(LOCKOUT_KEY, JSON.stringify(state));
}
