/** Ed25519 keys as one line of base64 each (the raw 32-byte seed or public key), and signing with them. */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed prefix, then the 32 bytes.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export type KeyPair = { privateKey: string; publicKey: string };

export function generateKeys(): KeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  return { privateKey: seed.toString('base64'), publicKey: publicKeyOf(seed.toString('base64')) };
}

export function privateKeyObject(privateKey: string): KeyObject {
  const seed = Buffer.from(privateKey.trim(), 'base64');
  if (seed.length !== 32)
    throw new Error(
      'this is not a Sunlight private key: expected 32 bytes in base64 (made by npm run keygen)',
    );
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyOf(privateKey: string): string {
  const jwk = createPublicKey(privateKeyObject(privateKey)).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

/** The key id a signature names: SHA-256 of the raw public key, in hex. */
export const keyId = (publicKey: string): string =>
  createHash('sha256').update(Buffer.from(publicKey.trim(), 'base64')).digest('hex');

export function signText(privateKey: string, text: string): { keyid: string; sig: string } {
  const sig = sign(null, Buffer.from(text, 'utf8'), privateKeyObject(privateKey)).toString('base64');
  return { keyid: keyId(publicKeyOf(privateKey)), sig };
}
