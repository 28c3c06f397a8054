import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCoverage } from './cmap.ts';
import { characterSet, subset, subsetSync } from './subset.ts';

const freshCache = () => mkdtempSync(join(tmpdir(), 'sunlight-fonts-'));
const chars = (points: Set<number>) => String.fromCodePoint(...[...points].sort((a, b) => a - b));

describe('font subsets', () => {
  it('should list each character once, in code point order, without control characters', () => {
    expect(characterSet(['办事\n指南', 'A 办', '\u0007¥'])).toBe(' A¥事办南指');
  });

  it('should hold exactly the characters asked for that Noto Sans SC has, and name the others', () => {
    const [regular, bold] = subsetSync('办事指南 Fees ¥80 ⟦😀', { cacheDir: freshCache() });
    for (const s of [regular!, bold!]) {
      expect(chars(fontCoverage(s.woff2))).toBe(characterSet(['办事指南 Fees ¥80']));
      expect(s.missing).toEqual(['⟦', '😀']);
      expect(s.characters).toBe(11);
      expect(s.woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(regular!.weight).toBe(400);
    expect(bold!.weight).toBe(700);
    expect(regular!.woff2.equals(bold!.woff2)).toBe(false);
  });

  it('should make the same bytes for the same characters, in any order, cached or not, sync or async', async () => {
    const a = subsetSync('护照普通', { cacheDir: freshCache(), weights: [400] });
    const b = subsetSync('普通护照', { cacheDir: freshCache(), weights: [400] });
    const c = await subset('照护通普', { cacheDir: freshCache(), weights: [400] });
    expect(b[0]!.woff2.equals(a[0]!.woff2)).toBe(true);
    expect(c[0]!.woff2.equals(a[0]!.woff2)).toBe(true);
    // One more character, other bytes.
    const d = subsetSync('普通护照新', { cacheDir: freshCache(), weights: [400] });
    expect(d[0]!.woff2.equals(a[0]!.woff2)).toBe(false);
  });
});
