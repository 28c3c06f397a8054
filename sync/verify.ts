/** Checks a feed's signatures and hashes: nothing from the network is believed before it passes here. */
import * as ed from '@noble/ed25519';
import * as v from 'valibot';
import { ChannelPayload, type ChannelPayloadT, SignedChannel } from '../content/bundle-format.ts';

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const fromBase64 = (text: string) => Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export type Verified<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Accepts channel metadata only when a trusted key signed exactly its payload text.
 * Trusted keys are base64 raw Ed25519 public keys (the contents of public.key files).
 */
export async function verifyChannel(
  bytes: Uint8Array,
  trustedKeys: string[],
): Promise<Verified<ChannelPayloadT>> {
  let signed: v.InferOutput<typeof SignedChannel>;
  try {
    signed = v.parse(SignedChannel, JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return {
      ok: false,
      reason: 'the channel file is not signed channel metadata (unreadable JSON or wrong shape)',
    };
  }
  const keys = new Map<string, Uint8Array>();
  for (const key of trustedKeys) {
    const raw = fromBase64(key);
    keys.set(await sha256Hex(raw), raw);
  }
  const message = new TextEncoder().encode(signed.payload);
  let trustedSignature = false;
  for (const { keyid, sig } of signed.signatures) {
    const key = keys.get(keyid);
    if (!key) continue;
    try {
      if (await ed.verifyAsync(fromBase64(sig), message, key)) trustedSignature = true;
    } catch {
      // A malformed signature is simply not a valid one.
    }
  }
  if (!trustedSignature) {
    const untrusted = signed.signatures.every((s) => !keys.has(s.keyid));
    return {
      ok: false,
      reason: untrusted
        ? 'the channel file is signed by a key this terminal does not trust'
        : 'the channel file signature is not valid: the file was altered or signed wrongly',
    };
  }
  const payload = v.safeParse(ChannelPayload, safeJson(signed.payload));
  if (!payload.success) return { ok: false, reason: 'the signed channel payload has the wrong shape' };
  return { ok: true, value: payload.output };
}

/** Accepts bytes only when they hash to the name they were asked for. */
export async function verifyHash(
  bytes: Uint8Array,
  hash: string,
  size: number,
  name: string,
): Promise<Verified<Uint8Array>> {
  if (bytes.length !== size)
    return { ok: false, reason: `${name}: ${bytes.length} bytes, expected ${size} (truncated or altered)` };
  const actual = await sha256Hex(bytes);
  return actual === hash
    ? { ok: true, value: bytes }
    : { ok: false, reason: `${name}: its SHA-256 does not match its name` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
