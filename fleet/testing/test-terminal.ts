/**
 * A terminal for the fleet tests: a real Ed25519 key pair from WebCrypto, and reports signed with it
 * exactly as docs/fleet-protocol.md has them (the kiosk's outbox will do the same).
 */
import {
  type Catalogue,
  encodeBase64,
  fingerprint,
  type Rating,
  type ReportEnvelope,
  type ReportPayload,
} from '../protocol.ts';

/** A fixed time: these tests are not about dates. */
export const SENT_AT = '2026-03-02T09:30:00.000Z';

/** The content version the test terminal shows, which its ratings name. */
export const TEST_CONTENT_VERSION = 20260301120000;

/**
 * The catalogue of the test hall's content: two guides of two departments (one with its 事项编码), and
 * the default reasons. `changes` replaces fields (another version, fewer services).
 */
export function testCatalogue(changes: Partial<Catalogue> = {}): Catalogue {
  return {
    hall: 'north-hall',
    version: TEST_CONTENT_VERSION,
    hallName: '北区政务服务中心',
    services: [
      { id: 'passport', name: '普通护照签发', code: '11100000MB0143028Q4000117002000', department: 'police' },
      { id: 'business-licence', name: '营业执照办理', department: 'market' },
    ],
    departments: [
      { id: 'police', name: '出入境管理' },
      { id: 'market', name: '市场监管' },
    ],
    reasons: [
      { id: 'guide-wrong', label: '指南有误或看不懂' },
      { id: 'materials-differed', label: '窗口要的材料和指南不一样' },
      { id: 'waiting', label: '等候时间太长' },
      { id: 'attitude', label: '工作人员态度不好' },
      { id: 'other', label: '其他' },
    ],
    ...changes,
  };
}

let ratingCount = 0;

/** A visitor's 满意 of the passport guide, rated at SENT_AT, with a fresh id unless `changes` gives one. */
export function testRating(changes: Partial<Rating> = {}): Rating {
  ratingCount += 1;
  return {
    id: `rating-${String(ratingCount).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}`,
    at: SENT_AT,
    subject: 'guide',
    hall: 'north-hall',
    contentVersion: TEST_CONTENT_VERSION,
    service: 'passport',
    level: 4,
    reasons: [],
    locale: 'zh-CN',
    ...changes,
  };
}

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
      content: { showing: { version: TEST_CONTENT_VERSION, publishedAt: '2026-03-01T12:00:00.000Z' } },
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
