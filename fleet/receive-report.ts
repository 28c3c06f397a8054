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
import { storeReport } from './store-report.ts';

export interface Answer {
  status: 200 | 202 | 400 | 401 | 403 | 409;
  body: ReportAnswer;
}

interface TerminalRow extends Record<string, unknown> {
  status: 'pending' | 'approved' | 'revoked';
  last_seq: string | number;
}

export async function receiveReport(db: FleetDb, body: unknown, now: Date): Promise<Answer> {
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
    await tx.query(
      `INSERT INTO terminals (public_key, fingerprint, device_id, first_seen, last_seen)
       VALUES ($1, $2, $3, $4, $4) ON CONFLICT (public_key) DO NOTHING`,
      [publicKeyBase64, print, payload.value.deviceId, now.toISOString()],
    );
    // The row lock serialises reports of one key: a resend racing its original is stored once.
    const [terminal] = await tx.query<TerminalRow>(
      'SELECT status, last_seq FROM terminals WHERE public_key = $1 FOR UPDATE',
      [publicKeyBase64],
    );
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
    );
    if (stored.kind === 'conflict') return conflict(payload.value.seq, stored.highestSeq);
    return {
      status: 200,
      body: { ack: payload.value.seq, duplicate: stored.kind === 'duplicate', commands: stored.commands },
    };
  });
}

function conflict(seq: number, highestSeq: number): Answer {
  return {
    status: 409,
    body: {
      error: `seq ${seq} is not above ${highestSeq}, the highest already stored from this key, and its payload differs (a replay, or a terminal whose outbox was reset)`,
      ack: highestSeq,
    },
  };
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
  if (same) return same.payload === payloadText ? pendingAnswer : conflict(payload.seq, highestSeq);
  if (payload.seq <= highestSeq) return conflict(payload.seq, highestSeq);
  // RETENTION (not built yet): an unapproved key can fill this table; cap it per key here.
  await tx.query(
    'INSERT INTO pending_reports (public_key, seq, received_at, payload, signature) VALUES ($1, $2, $3, $4, $5)',
    [publicKey, payload.seq, now.toISOString(), payloadText, encodeBase64(signature)],
  );
  await tx.query('UPDATE terminals SET last_seen = $2, device_id = $3 WHERE public_key = $1', [
    publicKey,
    now.toISOString(),
    payload.deviceId,
  ]);
  return pendingAnswer;
}
