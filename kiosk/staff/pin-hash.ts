/** Checks a staff PIN against the salted PBKDF2 hash in the build config, with WebCrypto. */

/**
 * What `npm run pin` prints and kiosk/build-config.json `staffPin` holds. PBKDF2 rather than one
 * SHA-256: the hash ships inside the app, so each guess should cost something; the on-screen lockout
 * is what really stops guessing at the terminal.
 */
export type StaffPinHash = {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of 32 derived bytes */
  hash: string;
};

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function derivePinBits(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function pinMatches(pin: string, stored: StaffPinHash): Promise<boolean> {
  if (stored.algorithm !== 'PBKDF2-SHA256') return false;
  const derived = await derivePinBits(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  if (derived.length !== expected.length) return false;
  // Compare every byte, so the time taken does not tell how much of a guess was right.
  let difference = 0;
  for (let i = 0; i < derived.length; i++) difference |= derived[i]! ^ expected[i]!;
  return difference === 0;
}
