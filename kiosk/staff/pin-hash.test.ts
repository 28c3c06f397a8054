import { describe, expect, it } from 'vitest';
import { makePinHash, pinAdvice } from '../../scripts/pin-hash.ts';
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
    expect(makePinHash('123456', undefined, 1000).hash).not.toBe(makePinHash('123456', undefined, 1000).hash);
  });

  it('should refuse to hash a PIN the pad cannot type, or one too short to resist guessing', () => {
    for (const pin of ['1234', '12345', '1234567890123', '12a456', ''])
      expect(() => makePinHash(pin)).toThrow(/6 to 12 digits/);
  });

  it('should hash PINs of 6 to 12 digits, and recommend 8 or more', async () => {
    for (const pin of ['246810', '24681357', '246813579024']) {
      expect(await pinMatches(pin, makePinHash(pin, undefined, 1000))).toBe(true);
      expect(pinAdvice(pin) === undefined).toBe(pin.length >= 8);
    }
    expect(pinAdvice('246810')).toMatch(/8 or more digits/);
  });

  it('should hold the documented DEV-ONLY PIN 246810 in the dev build config', async () => {
    expect(await pinMatches('246810', buildConfig.staffPin as StaffPinHash)).toBe(true);
  });
});
