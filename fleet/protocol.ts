/**
 * The fleet report wire format of docs/fleet-protocol.md: types, checks, the fingerprint and the
 * signature check. Browser-safe (WebCrypto and valibot only, no Node imports): the kiosk's outbox and
 * the fleet service both import it, so the two sides cannot drift apart.
 */
import * as v from 'valibot';
import { RATING_SUBJECTS, WRONG_PARTS } from '../content/ratings.ts';

/** The largest request body the service reads, and so the largest report a terminal may send. */
export const MAX_REPORT_BYTES = 256 * 1024;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const DEVICE_ID_PATTERN = /^[a-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** An ISO 8601 time as `Date` reads it: the terminal's clock may be wrong, but the text must be a time. */
const IsoTime = v.pipe(
  v.string(),
  v.check(
    (text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)),
    'should be an ISO time',
  ),
);
const Count = v.pipe(v.number(), v.integer('should be a whole number'), v.minValue(0, 'should be 0 or more'));
const VersionInfo = v.object({ version: Count, publishedAt: IsoTime });

export const EVENT_KINDS = [
  'info',
  'error',
  'version-shown',
  'update-refused',
  'fallback',
  'reload',
] as const;
export const MODES = ['interactive', 'attract'] as const;

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const Period = v.pipe(v.string(), v.regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'should be HH:MM-HH:MM'));
/** The hall's opening hours as its content gives them (hall.yaml), so the console counts alerts only while it is open. */
const HallHours = v.object({
  weekly: v.record(v.picklist(DAY_KEYS), v.array(Period)),
  /** Dated exceptions from the terminal's today on (at most 62): closed, or other hours. */
  exceptions: v.pipe(
    v.array(
      v.object({
        date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'should be YYYY-MM-DD')),
        closed: v.optional(v.boolean()),
        hours: v.optional(v.array(Period)),
      }),
    ),
    v.maxLength(62, 'should be at most 62 dates'),
  ),
});

const TerminalStatus = v.object({
  appVersion: v.string(),
  /** The hall and channel of the content showing (absent before the first content). Added after v1 shipped: optional. */
  hall: v.optional(v.object({ id: v.string(), channel: v.string() })),
  /** The newest version the channel file offered at the last successful check (what the feed publishes now). */
  feedLatest: v.optional(VersionInfo),
  /** The hall's opening hours, from the content showing. */
  hours: v.optional(HallHours),
  mode: v.picklist(MODES, 'should be "interactive" or "attract"'),
  modeSource: v.string(),
  content: v.object({
    showing: v.optional(VersionInfo),
    staged: v.optional(VersionInfo),
    previous: v.optional(VersionInfo),
  }),
  lastCheck: v.optional(IsoTime),
  lastSuccess: v.optional(IsoTime),
  feedStale: v.boolean(),
  lastRefusal: v.optional(v.object({ at: IsoTime, message: v.string() })),
  storage: v.optional(v.object({ usedBytes: Count, quotaBytes: Count })),
  clock: v.object({ now: IsoTime, timeZone: v.string(), hallTimeZone: v.string(), suspicious: v.boolean() }),
  heapBytes: v.optional(Count),
  renderFailures: Count,
  watchdogReloads: Count,
});

const ReportEvent = v.object({
  at: IsoTime,
  kind: v.picklist(EVENT_KINDS, `should be one of ${EVENT_KINDS.join(', ')}`),
  message: v.string(),
});

const RATING_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
const CONTENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ContentId = v.pipe(v.string(), v.maxLength(64), v.regex(CONTENT_ID_PATTERN, 'should be a content id'));
/** The most ratings one report carries, and the most catalogues (docs/ratings.md). */
export const MAX_RATINGS_PER_REPORT = 200;
export const MAX_CATALOGUES_PER_REPORT = 4;

/**
 * One visitor's rating (好差评, docs/ratings.md): made once on the terminal, carried by one report, stored
 * once by its id (a rating id seen again from the same key is a duplicate, never counted twice).
 */
export const Rating = v.pipe(
  v.object({
    /** Made on the terminal (a random UUID): unique per key. */
    id: v.pipe(v.string(), v.regex(RATING_ID_PATTERN, 'should be 8–64 of A-Z a-z 0-9 -')),
    /** When the visitor rated, on the terminal's clock. */
    at: IsoTime,
    subject: v.picklist(RATING_SUBJECTS, 'should be "guide" or "hall"'),
    /** The hall and the content version the visitor read: a catalogue of that version names the service. */
    hall: ContentId,
    contentVersion: Count,
    /** The guide rated (subject guide), or the guide on screen when the hall was rated from the dock. */
    service: v.optional(ContentId),
    level: v.pipe(
      v.number(),
      v.integer('should be a whole number'),
      v.minValue(1, 'should be 1 to 5'),
      v.maxValue(5, 'should be 1 to 5'),
    ),
    /** Ids from the catalogue's reasons; only for levels 1 and 2. */
    reasons: v.pipe(v.array(ContentId), v.maxLength(16, 'should be at most 16 reasons')),
    /** What "指南有误" named; only with the reason "guide-wrong". */
    wrong: v.optional(v.array(v.picklist(WRONG_PARTS, `should be one of ${WRONG_PARTS.join(', ')}`))),
    /** The language the visitor read in. */
    locale: v.optional(v.pipe(v.string(), v.maxLength(16))),
  }),
  v.check((r) => r.subject !== 'guide' || r.service !== undefined, 'a guide rating needs "service"'),
  v.check((r) => r.level <= 2 || r.reasons.length === 0, 'only levels 1 and 2 carry reasons'),
  v.check(
    (r) => r.wrong === undefined || r.reasons.includes('guide-wrong'),
    '"wrong" goes only with the reason "guide-wrong"',
  ),
);
export type Rating = v.InferOutput<typeof Rating>;

/**
 * What the service needs to know of a content version to file its ratings: the services (name in the
 * hall's first language, 事项编码, department) and the reasons offered. Sent with the ratings that need it.
 */
export const Catalogue = v.object({
  hall: ContentId,
  version: Count,
  hallName: v.string(),
  services: v.array(
    v.object({ id: ContentId, name: v.string(), code: v.optional(v.string()), department: ContentId }),
  ),
  departments: v.array(v.object({ id: ContentId, name: v.string() })),
  reasons: v.array(v.object({ id: ContentId, label: v.string() })),
});
export type Catalogue = v.InferOutput<typeof Catalogue>;

export const ReportPayload = v.object({
  v: v.literal(1, 'should be 1 (the only format version)'),
  deviceId: v.pipe(v.string(), v.regex(DEVICE_ID_PATTERN, 'should be 1–64 of a-z 0-9 . _ -')),
  seq: v.pipe(
    v.number(),
    v.integer('should be a whole number'),
    v.minValue(1, 'should be 1 or more'),
    v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
  ),
  sentAt: IsoTime,
  status: TerminalStatus,
  events: v.array(ReportEvent),
  /** Added for ratings (issue 13): absent in a report without any. */
  ratings: v.optional(v.pipe(v.array(Rating), v.maxLength(MAX_RATINGS_PER_REPORT))),
  catalogues: v.optional(v.pipe(v.array(Catalogue), v.maxLength(MAX_CATALOGUES_PER_REPORT))),
  /** `ratings`: ratings the terminal's full outbox dropped (issue 13; absent from older terminals). */
  dropped: v.object({ heartbeats: Count, events: Count, ratings: v.optional(Count) }),
});
export type ReportPayload = v.InferOutput<typeof ReportPayload>;
export type TerminalStatus = ReportPayload['status'];
export type ReportEvent = ReportPayload['events'][number];

const Envelope = v.object({ publicKey: v.string(), payload: v.string(), signature: v.string() });
export type ReportEnvelope = v.InferOutput<typeof Envelope>;

/** An envelope whose base64 fields are decoded and of the right length (the signature not yet checked). */
export interface DecodedEnvelope {
  publicKeyBase64: string;
  publicKey: Uint8Array;
  signature: Uint8Array;
  payloadText: string;
}

export const COMMAND_KINDS = ['sync-now', 'reload', 'set-mode'] as const;
export const COMMAND_MODES = ['interactive', 'attract', 'default'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];
export type CommandMode = (typeof COMMAND_MODES)[number];
export interface Command {
  id: string;
  kind: CommandKind;
  mode?: CommandMode;
}

/** Why the service did not store a rating of a stored report (docs/ratings.md): it is not resent. */
export const RATING_REFUSALS = [
  'unknown-content',
  'unknown-service',
  'unknown-reason',
  'flood',
  'future',
  'clock',
] as const;
export type RatingRefusal = { id: string; reason: (typeof RATING_REFUSALS)[number]; message: string };
/** What became of a report's ratings: stored now, stored before (a resend), or refused one by one. */
export type RatingsAnswer = { stored: number; duplicate: number; refused: RatingRefusal[] };

export type ReportAnswer =
  | { ack: number; duplicate: boolean; commands: Command[]; ratings?: RatingsAnswer }
  | { ack: number; pending: true; commands: [] }
  | { error: string; ack?: number };

/** Names where in the value an issue is, like `status.clock.now`, so the terminal's log says what to fix. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[], root: string): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.');
      const where = path ? `${root}.${path}` : root;
      if (issue.kind === 'schema' && issue.received === 'undefined') return `${where}: is missing`;
      const message =
        issue.expected && issue.message.startsWith('Invalid') ? `should be ${issue.expected}` : issue.message;
      return `${where}: ${message}`;
    })
    .join('; ');
}

export function decodeBase64(text: string, bytes: number, name: string): Checked<Uint8Array> {
  if (!BASE64_PATTERN.test(text)) return { ok: false, reason: `${name} is not base64` };
  const binary = atob(text);
  if (binary.length !== bytes) {
    return { ok: false, reason: `${name} should be ${bytes} bytes in base64, not ${binary.length}` };
  }
  return { ok: true, value: Uint8Array.from(binary, (char) => char.charCodeAt(0)) };
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Checks a parsed request body: the three strings, the key and signature decoded to their sizes. */
export function checkEnvelope(body: unknown): Checked<DecodedEnvelope> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'the body should be a JSON object { publicKey, payload, signature }' };
  }
  const shape = v.safeParse(Envelope, body);
  if (!shape.success) {
    const issues = describeIssues(shape.issues, 'body');
    return { ok: false, reason: `${issues} (a report is { publicKey, payload, signature }, all strings)` };
  }
  const publicKey = decodeBase64(shape.output.publicKey, PUBLIC_KEY_BYTES, 'publicKey');
  if (!publicKey.ok) return publicKey;
  const signature = decodeBase64(shape.output.signature, SIGNATURE_BYTES, 'signature');
  if (!signature.ok) return signature;
  return {
    ok: true,
    value: {
      // Re-encoded: base64 has more than one spelling of the same bytes, and the key names a terminal.
      publicKeyBase64: encodeBase64(publicKey.value),
      publicKey: publicKey.value,
      signature: signature.value,
      payloadText: shape.output.payload,
    },
  };
}

/** Parses and checks the payload text (after its signature verified). */
export function checkPayload(text: string): Checked<ReportPayload> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `payload is not JSON: ${(error as Error).message}` };
  }
  const result = v.safeParse(ReportPayload, parsed);
  if (!result.success) return { ok: false, reason: describeIssues(result.issues, 'payload') };
  return { ok: true, value: result.output };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The first 16 bytes of SHA-256 of the raw public key, as four groups of eight hex digits. */
export async function fingerprint(publicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey as Uint8Array<ArrayBuffer>));
  const hex = toHex(digest.subarray(0, 16));
  return [0, 8, 16, 24].map((start) => hex.slice(start, start + 8)).join('-');
}

/** The device id a terminal without `device=` on its start URL reports. */
export function defaultDeviceId(fingerprintText: string): string {
  return `t-${fingerprintText.slice(0, 8)}`;
}

/** True when `signature` is Ed25519 by `publicKey` over the UTF-8 bytes of `payloadText`. */
export async function verifyReportSignature(
  publicKey: Uint8Array,
  signature: Uint8Array,
  payloadText: string,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      publicKey as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(payloadText),
    );
  } catch {
    // A 32-byte string that is not a point on the curve cannot be imported: it verifies nothing.
    return false;
  }
}
