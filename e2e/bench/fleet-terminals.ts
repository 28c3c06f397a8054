/**
 * Simulated terminals for the fleet bench: real Ed25519 key pairs from WebCrypto, and reports shaped as
 * a real terminal's (its full status with opening hours, a few events a day), signed ahead of time so
 * signing never limits the load generator. Sample content is fictional.
 */
import { encodeBase64, fingerprint, type ReportEnvelope, type ReportPayload } from '../../fleet/protocol.ts';

/** The bench's fixed day: these figures are not about dates. */
export const BENCH_DAY = '2026-03-02';
const SHOWING = { version: 20260301120000, publishedAt: '2026-03-01T12:00:00.000Z' };

export interface SimTerminal {
  index: number;
  deviceId: string;
  publicKey: string;
  fingerprint: string;
  privateKey: CryptoKey;
}

export async function makeSimTerminals(count: number): Promise<SimTerminal[]> {
  const terminals: SimTerminal[] = [];
  for (let index = 0; index < count; index++) {
    const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
    terminals.push({
      index,
      deviceId: `hall-${Math.floor(index / 40)}-t${index % 40}`,
      publicKey: encodeBase64(raw),
      fingerprint: await fingerprint(raw),
      privateKey: keys.privateKey,
    });
  }
  return terminals;
}

/**
 * A heartbeat as a terminal in a service hall sends it: its whole status (opening hours for six days and
 * two dated exceptions, storage, clock, heap) and `events` (the log entries since the last report).
 */
export function simPayload(
  terminal: Pick<SimTerminal, 'index' | 'deviceId'>,
  seq: number,
  at: Date,
  events: ReportPayload['events'] = [],
): ReportPayload {
  const now = at.toISOString();
  const checked = new Date(at.getTime() - 40_000).toISOString();
  const day = ['08:30-12:00', '13:30-17:30'];
  return {
    v: 1,
    deviceId: terminal.deviceId,
    seq,
    sentAt: now,
    status: {
      appVersion: '0.1.0+3f2a9c1',
      mode: 'interactive',
      modeSource: 'default',
      hall: { id: `district-${Math.floor(terminal.index / 40)}-service-hall`, channel: 'stable' },
      feedLatest: SHOWING,
      hours: {
        weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: ['09:00-12:00'] },
        exceptions: [
          { date: '2026-04-04', closed: true },
          { date: '2026-04-11', hours: ['09:00-12:00'] },
        ],
      },
      content: {
        showing: SHOWING,
        previous: { version: 20260215090000, publishedAt: '2026-02-15T09:00:00.000Z' },
      },
      lastCheck: checked,
      lastSuccess: checked,
      feedStale: false,
      storage: { usedBytes: 48_213_504 + terminal.index, quotaBytes: 2_147_483_648 },
      clock: { now, timeZone: 'Asia/Shanghai', hallTimeZone: 'Asia/Shanghai', suspicious: false },
      heapBytes: 61_000_000 + ((seq * 7919) % 4_000_000),
      renderFailures: 0,
      watchdogReloads: 0,
    },
    events,
    dropped: { heartbeats: 0, events: 0 },
  };
}

/** A day's events for one terminal: what a quiet day in a hall logs (a version shown, a few checks' notes). */
export function eventsOfReport(seq: number, at: Date): ReportPayload['events'] {
  const when = at.toISOString();
  if (seq % 288 === 1)
    return [{ at: when, kind: 'version-shown', message: 'showing version 20260301120000' }];
  if (seq % 72 === 0)
    return [{ at: when, kind: 'info', message: 'feed checked: nothing new (channel stable)' }];
  return [];
}

export async function signPayload(terminal: SimTerminal, payload: ReportPayload): Promise<ReportEnvelope> {
  const text = JSON.stringify(payload);
  const signature = await crypto.subtle.sign(
    { name: 'Ed25519' },
    terminal.privateKey,
    new TextEncoder().encode(text),
  );
  return { publicKey: terminal.publicKey, payload: text, signature: encodeBase64(new Uint8Array(signature)) };
}
