import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontCoverage } from './cmap.ts';
import { SOURCE_FONTS } from './noto.ts';

describe('font coverage', () => {
  it("should read a TrueType font's cmap: Chinese, Latin and the yuan sign, but no emoji", () => {
    const covered = fontCoverage(readFileSync(SOURCE_FONTS[400]));
    for (const c of '阳光办事指南护照Aa9¥，。“”·—') expect(covered.has(c.codePointAt(0)!), c).toBe(true);
    expect(covered.has('😀'.codePointAt(0)!)).toBe(false);
    expect(covered.size).toBeGreaterThan(30_000);
  });
});
