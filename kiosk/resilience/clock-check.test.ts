import { describe, expect, it } from 'vitest';
import { checkClock } from './clock-check.ts';

const published = '2026-11-20T09:00:00.000Z';

describe('is the terminal clock plausible', () => {
  it('should accept a clock after the publish time', () =>
    expect(checkClock(new Date('2026-11-27T02:00:00Z'), published)).toEqual({ ok: true }));
  it('should accept a few minutes of skew behind the publishing machine', () =>
    expect(checkClock(new Date('2026-11-20T08:55:00Z'), published)).toEqual({ ok: true }));
  it('should flag a clock well before the publish time (a reset battery, 1970 or 2000)', () =>
    expect(checkClock(new Date('2000-01-01T00:00:00Z'), published)).toEqual({
      ok: false,
      reason: 'before-publish',
      published,
    }));
  it('should flag a clock more than ten minutes behind', () =>
    expect(checkClock(new Date('2026-11-20T08:49:00Z'), published).ok).toBe(false));
});
