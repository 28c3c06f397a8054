/**
 * Verifies a published feed from the outside, the way a third party would: only node:crypto, the
 * documented feed format (docs/feed-format.md) and the public key file — no code of the publisher's.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishBundle } from './publish.ts';

const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
const privateKey = readFileSync('dev-keys/dev-only-private.key', 'utf8');
const publicKey = readFileSync('dev-keys/dev-only-public.key', 'utf8').trim();
const published = publishBundle({
  folder: 'content/sample',
  feed,
  privateKey,
  channel: 'stable',
  expires: '30d',
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ed25519Key = createPublicKey({
  key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
  format: 'jwk',
});

describe('a feed checked from the outside', () => {
  const envelope = JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8'));

  it('should carry a signature by the dev key over the exact payload text', () => {
    expect(published.ok).toBe(true);
    const [signature] = envelope.signatures;
    expect(signature.keyid).toBe(sha256(Buffer.from(publicKey, 'base64')));
    expect(
      verify(null, Buffer.from(envelope.payload, 'utf8'), ed25519Key, Buffer.from(signature.sig, 'base64')),
    ).toBe(true);
    // One changed character breaks it.
    const altered = envelope.payload.replace('"version":1', '"version":2');
    expect(verify(null, Buffer.from(altered, 'utf8'), ed25519Key, Buffer.from(signature.sig, 'base64'))).toBe(
      false,
    );
  });

  it('should name a manifest, and files, whose bytes hash to their names', () => {
    const payload = JSON.parse(envelope.payload);
    const manifestBytes = readFileSync(join(feed, `files/${payload.manifest.hash}.json`));
    expect(sha256(manifestBytes)).toBe(payload.manifest.hash);
    expect(manifestBytes.length).toBe(payload.manifest.size);
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    const entries = [...manifest.documents, ...manifest.media] as {
      hash: string;
      size: number;
      ext: string;
    }[];
    expect(entries.length).toBeGreaterThan(60);
    for (const entry of entries) {
      const bytes = readFileSync(join(feed, `files/${entry.hash}.${entry.ext}`));
      expect(sha256(bytes)).toBe(entry.hash);
      expect(bytes.length).toBe(entry.size);
    }
  });
});
