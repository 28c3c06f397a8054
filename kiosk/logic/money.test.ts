import { describe, expect, it } from 'vitest';
import { yuan } from './money.ts';

describe('money in yuan from fen', () => {
  it.each([
    [8000, '80'],
    [8050, '80.50'],
    [8005, '80.05'],
    [50, '0.50'],
    [0, '0'],
    [55000, '550'],
    [123456789, '1,234,567.89'],
  ])('should show %i fen as %s', (fen, shown) => {
    expect(yuan(fen)).toBe(shown);
  });
});
