import { describe, expect, it } from 'vitest';
import { BACKOFF, retryDelay } from './backoff.ts';

describe('the wait after failures', () => {
  it('doubles from 15 s, is capped at 10 minutes, and is spread by jitter', () => {
    const top = () => 1 - Number.EPSILON;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n, top))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
    expect(retryDelay(1, () => 0)).toBe(7_500);
    expect(retryDelay(50, () => 0)).toBe(BACKOFF.capMs / 2);
  });
});
