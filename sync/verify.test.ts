import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeys } from '../scripts/keys.ts';
import { publishBundle } from '../scripts/publish.ts';
import { sha256Hex, verifyChannel, verifyHash } from './verify.ts';

const keys = generateKeys();
const other = generateKeys();
const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
publishBundle({
  folder: 'content/fixtures/minimal',
  feed,
  privateKey: keys.privateKey,
  channel: 'stable',
  expires: '30d',
});
const channelBytes = readFileSync(join(feed, 'channels/stable.json'));

describe('verifying channel metadata in the kiosk', () => {
  it('should accept metadata signed by a trusted key, among several trusted keys', async () => {
    const result = await verifyChannel(channelBytes, [other.publicKey, keys.publicKey]);
    expect(result.ok && result.value.version).toBe(1);
  });

  it('should refuse metadata signed by a key it does not trust', async () => {
    const result = await verifyChannel(channelBytes, [other.publicKey]);
    expect(result).toEqual({
      ok: false,
      reason: 'the channel file is signed by a key this terminal does not trust',
    });
  });

  it('should refuse metadata altered after signing', async () => {
    const signed = JSON.parse(channelBytes.toString());
    signed.payload = signed.payload.replace('"version":1', '"version":7');
    const result = await verifyChannel(Buffer.from(JSON.stringify(signed)), [keys.publicKey]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/signature is not valid/);
  });

  it('should refuse bytes that do not hash to their name, or are cut short', async () => {
    const bytes = new TextEncoder().encode('hello');
    const hash = await sha256Hex(bytes);
    expect((await verifyHash(bytes, hash, 5, 'f')).ok).toBe(true);
    expect((await verifyHash(bytes.slice(0, 4), hash, 5, 'f')).ok).toBe(false);
    expect((await verifyHash(new TextEncoder().encode('hellO'), hash, 5, 'f')).ok).toBe(false);
  });
});
