/**
 * The terminal's fleet identity: an Ed25519 key pair made once, at the first boot with reporting on,
 * whose private half cannot leave the browser (non-extractable; IndexedDB keeps the CryptoKey itself).
 */
import * as v from 'valibot';
import { defaultDeviceId, encodeBase64, fingerprint, ReportPayload } from '../../fleet/protocol.ts';
import type { FleetDatabase } from './fleet-db.ts';

export type Identity = {
  privateKey: CryptoKey;
  publicKeyBase64: string;
  fingerprint: string;
  deviceId: string;
};

/** The stored key pair, or a new one stored now (strict: a key the service approved must not vanish in a power cut). */
export async function loadIdentity(db: FleetDatabase, deviceFromUrl: string | undefined): Promise<Identity> {
  let stored = await db.get('identity', 'self');
  if (!stored) {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const tx = db.transaction('identity', 'readwrite', { durability: 'strict' });
    // Two tabs at first boot: the first key stored wins, the other is thrown away.
    const raced = await tx.store.get('self');
    stored = raced ?? {
      id: 'self',
      privateKey: pair.privateKey,
      publicKey: pair.publicKey,
      createdAt: new Date().toISOString(),
    };
    if (!raced) await tx.store.put(stored);
    await tx.done;
  }
  // A public key is always exportable, whatever `extractable` says: only the private half is locked in.
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', stored.publicKey));
  const print = await fingerprint(raw);
  return {
    privateKey: stored.privateKey,
    publicKeyBase64: encodeBase64(raw),
    fingerprint: print,
    deviceId: reportableDeviceId(deviceFromUrl) ?? defaultDeviceId(print),
  };
}

/** The start URL's `device=` when the protocol takes it as is (a-z 0-9 . _ -), else undefined: the key's default id. */
export function reportableDeviceId(device: string | undefined): string | undefined {
  return device !== undefined && v.is(ReportPayload.entries.deviceId, device) ? device : undefined;
}

/** The request body of a report: the payload text as signed, the signature over its UTF-8 bytes. */
export async function signReport(identity: Identity, payloadText: string): Promise<string> {
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, identity.privateKey, new TextEncoder().encode(payloadText)),
  );
  return JSON.stringify({
    publicKey: identity.publicKeyBase64,
    payload: payloadText,
    signature: encodeBase64(signature),
  });
}
