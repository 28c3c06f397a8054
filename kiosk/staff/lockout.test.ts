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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Wrong PINs entered at these times (ms on a fake clock), each only if the pad lets it through. */
function wrongPinsAt(times: number[], from: Lockout = noLockout): Lockout {
  let state = from;
  for (const now of times) if (remainingWait(state, now) === 0) state = afterWrongPin(state, now);
  return state;
}

/** A guesser who enters a wrong PIN the moment the pad allows, for `span` ms: the times of the guesses. */
function greedyGuesser(span: number): number[] {
  let state: Lockout = noLockout;
  let now = 0;
  const times: number[] = [];
  while (true) {
    now += remainingWait(state, now);
    if (now > span) return times;
    times.push(now);
    state = afterWrongPin(state, now);
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('staff PIN lockout', () => {
  it('should allow three tries, then wait 30 s, doubling each further failure, up to 4 hours', () => {
    const times = greedyGuesser(DAY);
    const waits = times.slice(1).map((t, i) => t - times[i]!);
    expect(waits.slice(0, 13)).toEqual([
      0,
      0,
      30 * SECOND,
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      16 * MINUTE,
      32 * MINUTE,
      64 * MINUTE,
      128 * MINUTE,
      4 * HOUR,
      4 * HOUR,
    ]);
  });

  it.each([
    // The figures docs/staff-panel.md states: a guesser gets 16 tries in the first day, then 6 a day.
    { span: DAY, guesses: 16 },
    { span: 2 * DAY, guesses: 22 },
    { span: 30 * DAY, guesses: 190 },
    { span: 365 * DAY, guesses: 2_200 },
  ])(
    'should let a guesser as fast as the pad allows make $guesses guesses in $span ms',
    ({ span, guesses }) => {
      expect(greedyGuesser(span).length).toBe(guesses);
    },
  );

  it('should never let any pattern of guesses beat 12 plus one per 4 hours', () => {
    // A fixed pseudo-random walk (no real randomness): guessers who pause for any time between tries.
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      let state: Lockout = noLockout;
      let now = 0;
      let guesses = 0;
      while (now < 3 * DAY) {
        now += remainingWait(state, now) + Math.floor(next() ** 4 * 9 * HOUR);
        state = afterWrongPin(state, now);
        guesses++;
        expect(guesses).toBeLessThanOrEqual(12 + Math.floor(now / (4 * HOUR)));
      }
    }
  });

  it.each([
    { what: 'three stray taps, just now', wrong: [0, 0, 0], askAt: 0, tries: 0, wait: 30 * SECOND },
    { what: 'three stray taps, 4 hours ago', wrong: [0, 0, 0], askAt: 4 * HOUR, tries: 1, wait: 0 },
    { what: 'three stray taps, last night', wrong: [0, 0, 0], askAt: 12 * HOUR, tries: 3, wait: 0 },
    { what: 'one stray tap, just now', wrong: [0], askAt: 1 * SECOND, tries: 2, wait: 0 },
    { what: 'one stray tap yesterday', wrong: [0], askAt: DAY, tries: 3, wait: 0 },
    {
      what: 'a tap a day for a week',
      wrong: [0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY],
      askAt: 6 * DAY,
      tries: 3,
      wait: 0,
    },
    {
      what: 'eight taps over 3 h 50 min',
      wrong: [0, 0, 0, 30 * SECOND, 90 * SECOND, 210 * SECOND, 450 * SECOND, 3 * HOUR],
      askAt: 3 * HOUR,
      tries: 0,
      wait: 16 * MINUTE,
    },
  ])('should forget failures with time: $what leaves $tries free tries', ({ wrong, askAt, tries, wait }) => {
    const state = wrongPinsAt(wrong);
    expect(triesBeforeWait(state, askAt)).toBe(tries);
    expect(remainingWait(state, askAt)).toBe(wait);
  });

  it('should cost staff no wait after one stray visitor tap, and 30 s only after two typos of their own', () => {
    const stray = wrongPinsAt([0]);
    const staffAt = 5 * MINUTE;
    expect(remainingWait(stray, staffAt)).toBe(0);
    expect(remainingWait(wrongPinsAt([staffAt], stray), staffAt)).toBe(0);
    expect(remainingWait(wrongPinsAt([staffAt, staffAt], stray), staffAt)).toBe(30 * SECOND);
  });

  it('should count the wait down with the clock, to nothing', () => {
    const state = wrongPinsAt([0, 0, 0]);
    expect(remainingWait(state, 10 * SECOND)).toBe(20 * SECOND);
    expect(remainingWait(state, 30 * SECOND)).toBe(0);
    expect(remainingWait(state, 99 * SECOND)).toBe(0);
  });

  it('should not wait longer than the lockout, nor forget anything, when the clock is set back', () => {
    const state = wrongPinsAt([DAY, DAY, DAY]);
    expect(remainingWait(state, 0)).toBe(30 * SECOND);
    expect(triesBeforeWait(state, 0)).toBe(0);
    expect(remainingWait(afterWrongPin(state, 0), 0)).toBe(1 * MINUTE);
  });

  it('should survive a reload, so reloading does not bypass it', () => {
    const storage = new MemoryStorage();
    const state = wrongPinsAt([0, 0, 0, 30 * SECOND]);
    saveLockout(storage, state);
    const reloaded = loadLockout(storage);
    expect(remainingWait(reloaded, 30 * SECOND)).toBe(1 * MINUTE);
    expect(remainingWait(afterWrongPin(reloaded, 90 * SECOND), 90 * SECOND)).toBe(2 * MINUTE);
  });

  it.each([
    { entry: undefined, warns: false },
    { entry: '{not json', warns: true },
    { entry: 'null', warns: true },
    { entry: '[3, 0]', warns: true },
    { entry: '"3"', warns: true },
    { entry: '{"failures":"3","lastFailureAt":0}', warns: true },
    { entry: '{"failures":-1,"lastFailureAt":0}', warns: true },
    { entry: '{"failures":2.5,"lastFailureAt":0}', warns: true },
    { entry: '{"failures":1e400,"lastFailureAt":0}', warns: true },
    { entry: '{"failures":3,"lastFailureAt":null}', warns: true },
    // The format before failures were forgotten: no time to forget from, so it starts afresh.
    { entry: '{"failures":3,"lockedUntil":1000}', warns: true },
  ])('should start afresh from a missing or damaged entry: $entry', ({ entry, warns }) => {
    const storage = new MemoryStorage();
    if (entry !== undefined) storage.setItem(LOCKOUT_KEY, entry);
    const warnings: string[] = [];
    const loaded = loadLockout(storage, (m) => warnings.push(m));
    expect(remainingWait(loaded, 0)).toBe(0);
    expect(triesBeforeWait(loaded, 0)).toBe(3);
    expect(warnings.length > 0).toBe(warns);
    if (warns) expect(warnings[0]).toContain(LOCKOUT_KEY);
  });

  it('should start afresh when storage cannot be read at all', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(
      triesBeforeWait(
        loadLockout(broken, () => {}),
        0,
      ),
    ).toBe(3);
    expect(triesBeforeWait(loadLockout(undefined), 0)).toBe(3);
  });
});
