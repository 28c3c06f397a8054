import { describe, expect, it } from 'vitest';
import { windowList } from './windows.ts';

describe('window numbers for people', () => {
  it.each([
    [['6'], '6'],
    [['6', '7'], '6、7'],
    [['17', '18', '19'], '17–19'],
    [['1', '2', '3', '5'], '1–3、5'],
    [['1', '3', '4', '5', '6', '9'], '1、3–6、9'],
    [['A', 'B', 'C'], 'A、B、C'],
    [[], ''],
  ])('should write %j as %s', (windows, shown) => {
    expect(windowList(windows, '、')).toBe(shown);
  });
});
