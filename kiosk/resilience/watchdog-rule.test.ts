import { describe, expect, it } from 'vitest';
import { readWatchdogLimits } from './watchdog.ts';
import {
  DEFAULT_LIMITS,
  decideReload,
  type ReloadWish,
  recordStall,
  type WatchdogMoment,
} from './watchdog-rule.ts';

const MIN = 60_000;
const boot = Date.parse('2026-11-27T08:00:00+08:00');
const heapWish: ReloadWish = { reason: 'heap', since: boot + 10 * MIN, urgent: false };
const at = (minutesAfterBoot: number, m: Partial<WatchdogMoment> = {}): WatchdogMoment => ({
  now: boot + minutesAfterBoot * MIN,
  bootedAt: boot,
  attract: true,
  hallOpen: false,
  reloadedRecently: false,
  ...m,
});

describe('the watchdog reload rule', () => {
  const cases: [string, ReloadWish | undefined, WatchdogMoment, string][] = [
    ['should do nothing when nothing is wrong', undefined, at(30), 'nothing'],
    ['should reload at once at idle when the hall is closed', heapWish, at(11), 'reload'],
    ['should never reload while a visitor uses the screen', heapWish, at(11, { attract: false }), 'wait'],
    [
      'should never reload mid-visit, even when the app is not answering',
      { ...heapWish, urgent: true },
      at(11, { attract: false }),
      'wait',
    ],
    ['should wait for closing time while the hall is open', heapWish, at(40, { hallOpen: true }), 'wait'],
    [
      'should stop waiting for closing time after the grace period',
      heapWish,
      at(10 + 60, { hallOpen: true }),
      'reload',
    ],
    [
      'should not wait for closing time when the app is not answering',
      { ...heapWish, urgent: true },
      at(11, { hallOpen: true }),
      'reload',
    ],
    ['should treat unknown hours like open hours', heapWish, at(11, { hallOpen: undefined }), 'wait'],
    ['should not reload a page that booted minutes ago', { ...heapWish, since: boot }, at(4), 'wait'],
    ['should not reload twice within the cooldown', heapWish, at(30, { reloadedRecently: true }), 'wait'],
  ];
  for (const [name, wish, moment, expected] of cases)
    it(name, () => expect(decideReload(wish, moment, DEFAULT_LIMITS)).toBe(expected));
});

describe('stalls of the main thread', () => {
  it('should call the app unresponsive after three stalls within ten minutes', () => {
    let stalls: number[] = [];
    const results = [0, 4, 8].map((m) => {
      const r = recordStall(stalls, boot + m * MIN, DEFAULT_LIMITS);
      stalls = r.stalls;
      return r.unresponsive;
    });
    expect(results).toEqual([false, false, true]);
  });

  it('should forget stalls older than the window', () => {
    const r = recordStall([boot, boot + 2 * MIN], boot + 11 * MIN, DEFAULT_LIMITS);
    expect(r).toEqual({ stalls: [boot + 2 * MIN, boot + 11 * MIN], unresponsive: false });
  });
});

describe('the heap limit from the start URL', () => {
  it('should honour a per-terminal limit of 128 MiB or more', () =>
    expect(readWatchdogLimits('?heapMiB=256').heapBytes).toBe(256 * 2 ** 20));
  it('should ignore a tiny limit on a normal terminal', () =>
    expect(readWatchdogLimits('?heapMiB=1').heapBytes).toBe(DEFAULT_LIMITS.heapBytes));
  it('should honour a tiny limit only for tests (?e2e)', () =>
    expect(readWatchdogLimits('?e2e&heapMiB=1').heapBytes).toBe(2 ** 20));
  it('should ignore a value that is not a whole number', () =>
    expect(readWatchdogLimits('?heapMiB=lots').heapBytes).toBe(DEFAULT_LIMITS.heapBytes));
});
