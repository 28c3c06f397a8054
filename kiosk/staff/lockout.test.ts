import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  LOCKOUT_KEY,
  type Lockout,
  loadLockout,
  noLockout,
  remainingWait,
  saveLockout,
  triesBeforeWait,
} from './lockout.ts';

/** Enters `count` wrong PINs, each as soon as the lockout allows, on a fake clock starting at 0. */
function wrongPins(count: number) {
  let state: Lockout = noLockout;
  let now = 0;
  const waits: number[] = [];
  for (let i = 0; i < count; i++) {
    now += remainingWait(state, now);
    state = afterWrongPin(state, now);
    waits.push(remainingWait(state, now));
  }
  return { state, now, waits };
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('staff PIN lockout', () => {
  it('should allow three tries, then wait 30 s, doubling each further failure, capped at 15 min', () => {
    expect(wrongPins(9).waits).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it('should count the wait down with the clock, to nothing', () => {
    const { state, now } = wrongPins(3);
    expect(remainingWait(state, now + 10_000)).toBe(20_000);
    expect(remainingWait(state, now + 30_000)).toBe(0);
    expect(remainingWait(state, now + 99_000)).toBe(0);
  });

  it('should say how many tries are left before a wait', () => {
    expect([0, 1, 2, 3, 4].map((n) => triesBeforeWait(wrongPins(n).state))).toEqual([3, 2, 1, 0, 0]);
  });

  it('should not wait longer than the lockout when the clock is set back', () => {
    const { state, now } = wrongPins(3);
    expect(remainingWait(state, now - 86_400_000)).toBe(30_000);
  });

  it('should survive a reload, so reloading does not bypass it', () => {
    const storage = new MemoryStorage();
    const { state, now } = wrongPins(4);
    saveLockout(storage, state);
    const reloaded = loadLockout(storage);
    expect(remainingWait(reloaded, now)).toBe(60_000);
    expect(remainingWait(afterWrongPin(reloaded, now + 60_000), now + 60_000)).toBe(120_000);
  });

  it('should start afresh from a damaged or missing entry', () => {
    const storage = new MemoryStorage();
    expect(loadLockout(storage)).toEqual(noLockout);
    storage.setItem(LOCKOUT_KEY, '{not json');
    expect(loadLockout(storage)).toEqual(noLockout);
    expect(loadLockout(undefined)).toEqual(noLockout);
  });
});
