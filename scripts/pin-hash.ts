/** `npm run pin -- <digits>`: makes the salted hash of a staff PIN, to paste into kiosk/build-config.json. */
import { pbkdf2Sync, randomBytes } from 'node:crypto';

/** The same shape as the kiosk's StaffPinHash (scripts import nothing from kiosk/). */
export type PinHashJson = { algorithm: 'PBKDF2-SHA256'; iterations: number; salt: string; hash: string };

/** 100,000 rounds: about 50 ms on a terminal, once per PIN entered. */
export const PIN_ITERATIONS = 100_000;

/**
 * 6 to 12 digits: fewer than 6 falls to guessing at the pad within years and to the shipped hash in
 * seconds; the pad takes up to 12. 8 or more is recommended (docs/staff-panel.md has the figures).
 */
export const PIN_DIGITS = { min: 6, recommended: 8, max: 12 } as const;

export function makePinHash(pin: string, salt = randomBytes(16), iterations = PIN_ITERATIONS): PinHashJson {
  if (!new RegExp(`^\\d{${PIN_DIGITS.min},${PIN_DIGITS.max}}$`).test(pin))
    throw new Error(
      `a staff PIN is ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits (the PIN pad has only digits); got ${pin.length} characters`,
    );
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** A word of advice for a PIN that is allowed but shorter than recommended; undefined when none is due. */
export function pinAdvice(pin: string): string | undefined {
  if (pin.length >= PIN_DIGITS.recommended) return undefined;
  return `Note: ${pin.length} digits is allowed, but ${PIN_DIGITS.recommended} or more digits are recommended: the hash ships inside the app, and each extra digit makes guessing it ten times longer (docs/staff-panel.md).`;
}

export function runPinHash(pin: string): void {
  const staffPin = makePinHash(pin);
  const advice = pinAdvice(pin);
  if (advice) console.error(advice);
  console.log(JSON.stringify({ staffPin }, null, 2));
  console.log('\nPaste "staffPin" into kiosk/build-config.json, or build with:');
  console.log(`KIOSK_STAFF_PIN_HASH='${JSON.stringify(staffPin)}' npm run build`);
}
