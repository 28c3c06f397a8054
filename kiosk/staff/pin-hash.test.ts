import { describe, expect, it } from 'vitest';
import { makePinHash } from '../../scripts/pin-hash.ts';
import buildConfig from '../build-config.json' with { type: 'json' };
import { pinMatches, type StaffPinHash } from './pin-hash.ts';

describe('staff PIN hash', () => {
  it('should accept the PIN `npm run pin` hashed, and refuse any other', async () => {
    const stored = makePinHash('246810', undefined, 1000);
    expect(await pinMatches('246810', stored)).toBe(true);
    expect(await pinMatches('246811', stored)).toBe(false);
    expect(await pinMatches('', stored)).toBe(false);
  });

  it('should salt: the same PIN hashes differently each time', () => {
    expect(makePinHash('1234', undefined, 1000).hash).not.toBe(makePinHash('1234', undefined, 1000).hash);
  });

  it('should refuse to hash a PIN the pad cannot type', () => {
    for (const pin of ['123', '123456789', '12a4', ''])
      expect(() => makePinHash(pin)).toThrow(/4 to 8 digits/);
  });

  it('should hold the documented DEV-ONLY PIN 246810 in the dev build config', async () => {
    expect(await pinMatches('246810', buildConfig.staffPin as StaffPinHash)).toBe(true);
  });
});
