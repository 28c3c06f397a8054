/**
 * One report request, from its parsed body to the answer of docs/fleet-protocol.md. The signature is
 * checked before the database is touched, so nothing unsigned is ever stored; everything stored for
 * one report is stored in one transaction.
 */
import type { FleetDb, Queryable } from './db.ts';
import {
  checkEnvelope,
  checkPayload,
  encodeBase64,
  fingerprint,
  type ReportAnswer,
  type ReportPayload,
  verifyReportSignature,
} from './protocol.ts';
import { PENDING_REPORTS_PER_KEY } from './retention.ts';
import { type CaseRules, DEFAULT_CASE_RULES } from './store-ratings.ts';
import { storeReport } from './store-report.ts';

export interface Answer {
  status: 200 | 202 | 400 | 401 | 403 | 409;
  body: ReportAnswer;
}

interface TerminalRow extends Record<string, unknown> {
  status: 'pending' | 'approved' | 'revoked';
  last_seq: string | number;
}

export async function receiveReport(
  db: FleetDb,
  body: unknown,
  now: Date,
  /** When a 差评's case is due (`--case-due-working-days`, `--holidays`). */
  cases: CaseRules = DEFAULT_CASE_RULES,
): Promise<Answer> {
  const envelope = checkEnvelope(body);
  if (!envelope.ok) return { status: 400, body: { error: envelope.reason } };
  const { publicKey, publicKeyBase64, signature, payloadText } = envelope.value;
  if (!(await verifyReportSignature(publicKey, signature, payloadText))) {
    return {
      status: 401,
      body: {
        error: 'the signature does not verify against publicKey (it must be Ed25519 over the payload text)',
      },
    };
  }
  const payload = checkPayload(payloadText);
  if (!payload.ok) return { status: 400, body: { error: payload.reason } };
  const print = await fingerprint(publicKey);

  return db.transaction(async (tx) => {
    // The row lock serialises reports of one key: a resend racing its original is stored once.
    const lock = () =>
      tx.query<TerminalRow>('SELECT status, last_seq FROM terminals WHERE public_key = $1 FOR UPDATE', [
        publicKeyBase64,
      ]);
    let [terminal] = await lock();
    if (!terminal) {
      // A key's first report: listed (as pending), then locked like any other.
      await tx.query(
        `INSERT INTO terminals (public_key, fingerprint, device_id, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT (public_key) DO NOTHING`,
        [publicKeyBase64, print, payload.value.deviceId, now.toISOString()],
      );
      [terminal] = await lock();
    }
    if (!terminal) throw new Error(`terminal ${print} vanished inside its own transaction`);
    if (terminal.status === 'revoked') {
      return {
        status: 403,
        body: {
          error: `this terminal's key (${print}) was revoked in the console: reset the terminal to make a new key`,
        },
      };
    }
    if (terminal.status === 'pending') {
      return keepPending(tx, publicKeyBase64, payloadText, payload.value, envelope.value.signature, now);
    }
    const stored = await storeReport(
      tx,
      publicKeyBase64,
      payloadText,
      payload.value,
      Number(terminal.last_seq),
      now,
      { cases },
    );
    if (stored.kind === 'conflict') return conflict(payload.value.seq, stored.highestSeq, stored.why);
    return {
      status: 200,
      body: {
        ack: payload.value.seq,
        duplicate: stored.kind === 'duplicate',
        commands: stored.commands,
        ...(stored.ratings ? { ratings: stored.ratings } : {}),
      },
    };
  });
}

function conflict(seq: number, highestSeq: number, why: 'rewritten' | 'not-above'): Answer {
  const error =
    why === 'rewritten'
      ? `seq ${seq} is already stored from this key with another payload (a replay, or a terminal whose outbox was reset); the highest stored is ${highestSeq}`
      : `seq ${seq} is not above ${highestSeq}, the highest already stored from this key, and is not stored (a replay, a terminal whose outbox was reset, or a report stored long ago and since pruned: nothing to resend)`;
  return { status: 409, body: { error, ack: highestSeq } };
}

/** A report of a key no one has approved: kept in pending_reports, with the same exactly-once rule. */
async function keepPending(
  tx: Queryable,
  publicKey: string,
  payloadText: string,
  payload: ReportPayload,
  signature: Uint8Array,
  now: Date,
): Promise<Answer> {
  const pendingAnswer: Answer = { status: 202, body: { ack: payload.seq, pending: true, commands: [] } };
  const [same] = await tx.query<{ payload: string }>(
    'SELECT payload FROM pending_reports WHERE public_key = $1 AND seq = $2',
    [publicKey, payload.seq],
  );
  const [highest] = await tx.query<{ seq: string | number | null }>(
    'SELECT max(seq) AS seq FROM pending_reports WHERE public_key = $1',
    [publicKey],
  );
  const highestSeq = Number(highest?.seq ?? 0);
  if (same)
    return same.payload === payloadText ? pendingAnswer : conflict(payload.seq, highestSeq, 'rewritten');
  if (payload.seq <= highestSeq) return conflict(payload.seq, highestSeq, 'not-above');
  await tx.query(
    'INSERT INTO pending_reports (public_key, seq, received_at, payload, signature) VALUES ($1, $2, $3, $4, $5)',
    [publicKey, payload.seq, now.toISOString(), payloadText, encodeBase64(signature)],
  );
  // An unapproved key cannot fill the database: past the cap its oldest reports go, counted in
  // pending_dropped (the newest, highest seq always stays, so a resend of a dropped one is still a 409).
  const dropped = await tx.query(
    `DELETE FROM pending_reports WHERE public_key = $1 AND seq <= (
       SELECT seq FROM pending_reports WHERE public_key = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1
     ) RETURNING 1`,
    [publicKey, PENDING_REPORTS_PER_KEY],
  );
  await tx.query(
    'UPDATE terminals SET last_seen = $2, device_id = $3, pending_dropped = pending_dropped + $4 WHERE public_key = $1',
    [publicKey, now.toISOString(), payload.deviceId, dropped.length],
  );
  return pendingAnswer;
}
