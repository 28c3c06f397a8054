/** `npm run pin -- <digits>`: makes the salted hash of a staff PIN, to paste into kiosk/build-config.json. */
import { pbkdf2Sync, randomBytes } from 'node:crypto';

/** The same shape as the kiosk's StaffPinHash (scripts import nothing from kiosk/). */
export type PinHashJson = { algorithm: 'PBKDF2-SHA256'; iterations: number; salt: string; hash: string };

/** 100,000 rounds: about 50 ms on a terminal, once per PIN entered. */
export const PIN_ITERATIONS = 100_000;

export function makePinHash(pin: string, salt = randomBytes(16), iterations = PIN_ITERATIONS): PinHashJson {
  if (!/^\d{4,8}$/.test(pin)) throw new Error('a staff PIN is 4 to 8 digits (the PIN pad has only digits)');
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

export function runPinHash(pin: string): void {
  const staffPin = makePinHash(pin);
  console.log(JSON.stringify({ staffPin }, null, 2));
  console.log('\nPaste "staffPin" into kiosk/build-config.json, or build with:');
  console.log(`KIOSK_STAFF_PIN_HASH='${JSON.stringify(staffPin)}' npm run build`);
}
