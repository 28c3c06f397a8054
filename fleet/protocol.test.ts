import { readFileSync } from 'node:fs';
import * as ed from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import {
  checkEnvelope,
  checkPayload,
  defaultDeviceId,
  encodeBase64,
  fingerprint,
  verifyReportSignature,
} from './protocol.ts';
import { makeTestTerminal } from './testing/test-terminal.ts';

describe('fingerprint', () => {
  it('is the first 16 bytes of SHA-256 of the raw key, in four groups of eight lower-case hex digits', async () => {
    // SHA-256 of 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
    expect(await fingerprint(new Uint8Array(32))).toBe('66687aad-f862bd77-6c8fc18b-8e9f8e20');
    expect(defaultDeviceId('66687aad-f862bd77-6c8fc18b-8e9f8e20')).toBe('t-66687aad');
  });
});

describe('verifyReportSignature', () => {
  it('accepts a signature over the payload text made elsewhere (@noble/ed25519), and refuses any change', async () => {
    const secret = ed.utils.randomSecretKey();
    const publicKey = await ed.getPublicKeyAsync(secret);
    const text = '{"v":1,"note":"阳光"}';
    const signature = await ed.signAsync(new TextEncoder().encode(text), secret);
    expect(await verifyReportSignature(publicKey, signature, text)).toBe(true);
    expect(await verifyReportSignature(publicKey, signature, `${text} `)).toBe(false);
    const other = await ed.getPublicKeyAsync(ed.utils.randomSecretKey());
    expect(await verifyReportSignature(other, signature, text)).toBe(false);
  });

  it('refuses, without throwing, a 32-byte key that is not a key', async () => {
    expect(await verifyReportSignature(new Uint8Array(32).fill(255), new Uint8Array(64), 'x')).toBe(false);
  });
});

describe('checkEnvelope', () => {
  it.each([
    [[], 'the body should be a JSON object'],
    ['text', 'the body should be a JSON object'],
    [{ payload: '{}', signature: 'AA==' }, 'body.publicKey: is missing'],
    [{ publicKey: 5, payload: '{}', signature: 'AA==' }, 'body.publicKey: should be string'],
    [{ publicKey: 'not base64!', payload: '{}', signature: 'AA==' }, 'publicKey is not base64'],
    [
      { publicKey: encodeBase64(new Uint8Array(31)), payload: '{}', signature: 'AA==' },
      'publicKey should be 32 bytes',
    ],
    [
      { publicKey: encodeBase64(new Uint8Array(32)), payload: '{}', signature: 'AA==' },
      'signature should be 64 bytes',
    ],
  ])('names what is wrong in %j', (body, words) => {
    const result = checkEnvelope(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(words);
  });
});

describe('checkPayload', () => {
  it('accepts the report of docs/fleet-protocol.md', async () => {
    const terminal = await makeTestTerminal();
    expect(checkPayload(JSON.stringify(terminal.payload(1))).ok).toBe(true);
  });

  it.each([
    ['not json', 'payload is not JSON'],
    ['{"v":2}', 'payload.v: should be 1'],
  ])('refuses %s naming it', (text, words) => {
    const result = checkPayload(text);
    expect(!result.ok && result.reason).toContain(words);
  });

  it('names the field deep in the status that is wrong', async () => {
    const terminal = await makeTestTerminal();
    const payload = terminal.payload(1);
    const bad = {
      ...payload,
      deviceId: 'Lobby 1',
      status: { ...payload.status, clock: { ...payload.status.clock, now: 'noon' } },
    };
    const result = checkPayload(JSON.stringify(bad));
    expect(!result.ok && result.reason).toContain('payload.deviceId: should be 1–64 of a-z 0-9 . _ -');
    expect(!result.ok && result.reason).toContain('payload.status.clock.now: should be an ISO time');
  });
});

describe('fleet/protocol.ts', () => {
  it('imports nothing but valibot and plain data, so the kiosk can load it in the browser', () => {
    const importsOf = (url: URL) =>
      [...readFileSync(url, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(importsOf(new URL('./protocol.ts', import.meta.url))).toEqual([
      'valibot',
      '../content/ratings.ts',
    ]);
    // The levels and reasons it shares with the content schema import nothing at all.
    expect(importsOf(new URL('../content/ratings.ts', import.meta.url))).toEqual([]);
  });
});

describe('checkPayload: the hall, the feed latest and the opening hours (added as optional fields)', () => {
  it('accepts a report with them and one without them', async () => {
    const terminal = await makeTestTerminal();
    const base = terminal.payload(1);
    expect(checkPayload(JSON.stringify(base)).ok).toBe(true);
    const full = {
      ...base,
      status: {
        ...base.status,
        hall: { id: 'shili-center', channel: 'stable' },
        feedLatest: { version: 20260302090000, publishedAt: '2026-03-02T09:00:00.000Z' },
        hours: {
          weekly: { mon: ['09:00-12:00', '13:30-17:30'], sat: [] },
          exceptions: [
            { date: '2026-10-01', closed: true },
            { date: '2026-10-08', hours: ['09:00-12:00'] },
          ],
        },
      },
    };
    expect(checkPayload(JSON.stringify(full))).toMatchObject({ ok: true });
  });

  it('names a badly written period and an unknown day', async () => {
    const terminal = await makeTestTerminal();
    const base = terminal.payload(1);
    const bad = (weekly: unknown) =>
      checkPayload(
        JSON.stringify({ ...base, status: { ...base.status, hours: { weekly, exceptions: [] } } }),
      );
    expect(bad({ mon: ['9-12'] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('HH:MM-HH:MM'),
    });
    expect(bad({ monday: ['09:00-12:00'] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('status.hours.weekly'),
    });
  });
});
