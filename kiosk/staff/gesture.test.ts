import { describe, expect, it } from 'vitest';
import { createCornerTaps } from './gesture.ts';

/** Taps at the given times (ms) and places; answers on which tap the gesture completed. */
function tapAll(taps: [x: number, y: number, at: number][]): number[] {
  const tap = createCornerTaps();
  return taps.flatMap(([x, y, at], i) => (tap(x, y, at) ? [i + 1] : []));
}
const corner = (at: number): [number, number, number] => [20, 30, at];

describe('the staff gesture', () => {
  it('should open on the fifth tap within 3 s in the top-left corner', () => {
    expect(tapAll([0, 400, 800, 1200, 1600].map(corner))).toEqual([5]);
  });
  it('should not open for taps spread over more than 3 s', () => {
    expect(tapAll([0, 800, 1600, 2400, 3200].map(corner))).toEqual([]);
  });
  it('should not open for taps outside the corner', () => {
    expect(tapAll([0, 1, 2, 3, 4].map((at): [number, number, number] => [300, 30, at]))).toEqual([]);
  });
  it('should start again after a tap elsewhere', () => {
    const taps = [corner(0), corner(100), corner(200), corner(300), [900, 500, 400], corner(500)];
    expect(tapAll(taps as [number, number, number][])).toEqual([]);
  });
  it('should need five fresh taps after opening once', () => {
    expect(tapAll([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(corner))).toEqual([5, 10]);
  });
});
