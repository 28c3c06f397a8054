/**
 * A terminal for the fleet tests: a real Ed25519 key pair from WebCrypto, and reports signed with it
 * exactly as docs/fleet-protocol.md has them (the kiosk's outbox will do the same).
 */
import { encodeBase64, fingerprint, type ReportEnvelope, type ReportPayload } from '../protocol.ts';

/** A fixed time: these tests are not about dates. */
export const SENT_AT = '2026-03-02T09:30:00.000Z';

export interface TestTerminal {
  publicKey: string;
  fingerprint: string;
  payload(seq: number, changes?: Partial<ReportPayload>): ReportPayload;
  /** Signs `payloadText` as sent (the text, not a re-serialisation). */
  sign(payloadText: string): Promise<ReportEnvelope>;
  report(seq: number, changes?: Partial<ReportPayload>): Promise<ReportEnvelope>;
}

export async function makeTestTerminal(deviceId = 'lobby-1'): Promise<TestTerminal> {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const publicKey = encodeBase64(raw);
  const payload = (seq: number, changes: Partial<ReportPayload> = {}): ReportPayload => ({
    v: 1,
    deviceId,
    seq,
    sentAt: SENT_AT,
    status: {
      appVersion: '0.1.0',
      mode: 'interactive',
      modeSource: 'default',
      content: { showing: { version: 20260301120000, publishedAt: '2026-03-01T12:00:00.000Z' } },
      lastCheck: SENT_AT,
      lastSuccess: SENT_AT,
      feedStale: false,
      clock: { now: SENT_AT, timeZone: 'Asia/Shanghai', hallTimeZone: 'Asia/Shanghai', suspicious: false },
      renderFailures: 0,
      watchdogReloads: 0,
    },
    events: [{ at: SENT_AT, kind: 'info', message: `report ${seq}` }],
    dropped: { heartbeats: 0, events: 0 },
    ...changes,
  });
  const sign = async (payloadText: string): Promise<ReportEnvelope> => {
    const signature = await crypto.subtle.sign(
      { name: 'Ed25519' },
      keys.privateKey,
      new TextEncoder().encode(payloadText),
    );
    return { publicKey, payload: payloadText, signature: encodeBase64(new Uint8Array(signature)) };
  };
  return {
    publicKey,
    fingerprint: await fingerprint(raw),
    payload,
    sign,
    report: (seq, changes) => sign(JSON.stringify(payload(seq, changes))),
  };
}
