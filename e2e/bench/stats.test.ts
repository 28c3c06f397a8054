import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats.ts';

describe('bench statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  it.each([
    ['should take the middle of an odd list as median', [5, 1, 3], 50, 3],
    ['should take the lower middle of an even list as median', [4, 1, 3, 2], 50, 2],
    ['should give p95 of 1..100 as 95', hundred, 95, 95],
    ['should give p50 of 1..100 as 50', hundred, 50, 50],
    ['should give p100 as the maximum', hundred, 100, 100],
    ['should give p0 as the minimum', hundred, 0, 1],
  ])('%s', (_name, samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('should refuse an empty list', () => {
    expect(() => median([])).toThrow('no samples');
  });
});
