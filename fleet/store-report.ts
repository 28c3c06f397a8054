/**
 * Storing one verified report of an approved terminal, exactly once: the report, its events, the
 * terminal's latest status, the commands it has now carried out and the ones it is now given, all in
 * the caller's transaction (which holds the terminal's row locked, so two copies of one report that
 * arrive at once are stored once).
 */
import type { Queryable } from './db.ts';
import type { Command, CommandKind, CommandMode, RatingsAnswer, ReportPayload } from './protocol.ts';
import {
  type CaseRules,
  DEFAULT_CASE_RULES,
  planRatings,
  ratingsWrites,
  resentRatings,
} from './store-ratings.ts';

export type Stored =
  | { kind: 'stored'; commands: Command[]; ratings?: RatingsAnswer }
  | { kind: 'duplicate'; commands: Command[]; ratings?: RatingsAnswer }
  /**
   * Refused: `rewritten` is a stored seq sent with another payload; `not-above` is a seq not stored
   * and not above the highest stored (a replay, a reset outbox, or a report stored and since pruned by
   * retention, whose resend must not be stored again).
   */
  | { kind: 'conflict'; highestSeq: number; why: 'rewritten' | 'not-above' };

interface CommandRow extends Record<string, unknown> {
  id: string;
  kind: CommandKind;
  mode: CommandMode | null;
}

function toCommand(row: CommandRow): Command {
  return row.mode ? { id: row.id, kind: row.kind, mode: row.mode } : { id: row.id, kind: row.kind };
}

/**
 * The commands the answer to report `seq` carries: those not yet delivered, now marked delivered with
 * it, and (for a resend) those delivered with this very seq before, whose answer was lost.
 */
async function deliverCommands(tx: Queryable, publicKey: string, seq: number, now: Date): Promise<Command[]> {
  await tx.query(
    'UPDATE commands SET delivered_at = $3, delivered_seq = $2 WHERE public_key = $1 AND delivered_at IS NULL',
    [publicKey, seq, now.toISOString()],
  );
  const rows = await tx.query<CommandRow>(
    'SELECT id, kind, mode FROM commands WHERE public_key = $1 AND delivered_seq = $2 ORDER BY given_at, id',
    [publicKey, seq],
  );
  return rows.map(toCommand);
}

export async function storeReport(
  tx: Queryable,
  publicKey: string,
  payloadText: string,
  payload: ReportPayload,
  lastSeq: number,
  now: Date,
  options: {
    /** False when approval stores reports sent while pending: their answers (202) carried no commands. */
    deliver?: boolean;
    /** When a 差评's case is due (store-ratings.ts). */
    cases?: CaseRules;
  } = {},
): Promise<Stored> {
  const deliver = options.deliver ?? true;
  // last_seq is the highest stored seq: only a seq at or below it can be a resend (one query less for
  // every new report, which is nearly every report).
  if (payload.seq <= lastSeq) {
    const [same] = await tx.query<{ payload: string }>(
      'SELECT payload FROM reports WHERE public_key = $1 AND seq = $2',
      [publicKey, payload.seq],
    );
    if (!same) {
      // Not stored and not above the last one: a replay, a terminal whose outbox was reset, or a report
      // retention has pruned (terminals.last_seq outlives the reports, so it is never stored twice).
      return { kind: 'conflict', highestSeq: lastSeq, why: 'not-above' };
    }
    if (same.payload !== payloadText) return { kind: 'conflict', highestSeq: lastSeq, why: 'rewritten' };
    const commands = await deliverCommands(tx, publicKey, payload.seq, now);
    const ratings = await resentRatings(tx, publicKey, payload);
    return { kind: 'duplicate', commands, ...(ratings ? { ratings } : {}) };
  }

  // The ratings are checked against what is stored first (one read, only for a report that has any);
  // their writes join the report's statement.
  const plan = await planRatings(tx, publicKey, payload, now, options.cases ?? DEFAULT_CASE_RULES);
  const ratings = plan.answer ? { ratings: plan.answer } : {};

  // The report, its events and the terminal's latest status in one statement, and the commands in one
  // more: each round trip to the database costs more than the work it carries (the fleet bench).
  const at = now.toISOString();
  const params: unknown[] = [
    publicKey,
    payload.seq,
    at,
    payloadText,
    payload.deviceId,
    payload.sentAt,
    JSON.stringify(payload.status),
    plan.dropped,
  ];
  const eventRows = payload.events.map((event) => {
    params.push(event.at, event.kind, event.message);
    const n = params.length;
    return `($1, $2, $${n - 2}, $${n - 1}, $${n}, $3)`;
  });
  const writes = [
    `report AS (
       INSERT INTO reports (public_key, seq, received_at, payload) VALUES ($1, $2, $3, $4)
     )`,
    ...(eventRows.length
      ? [
          `event AS (
       INSERT INTO events (public_key, seq, at, kind, message, received_at) VALUES ${eventRows.join(', ')}
     )`,
        ]
      : []),
    ...ratingsWrites(plan, params),
  ];
  await tx.query(
    `WITH ${writes.join(', ')}
     UPDATE terminals SET last_seq = $2, last_seen = $3, device_id = $5, latest_sent_at = $6, latest_status = $7::jsonb,
       ratings_dropped = ratings_dropped + $8
     WHERE public_key = $1`,
    params,
  );
  // A report after the one that carried a command shows the terminal has it: the command is done. The
  // ones not yet delivered are delivered with this report (unless approval is storing it: see `deliver`).
  // The two updates touch different rows (delivered and not), so one statement does both.
  const done =
    'UPDATE commands SET done_at = $3 WHERE public_key = $1 AND delivered_seq < $2 AND done_at IS NULL';
  if (!deliver) {
    await tx.query(done, [publicKey, payload.seq, at]);
    return { kind: 'stored', commands: [], ...ratings };
  }
  const delivered = await tx.query<CommandRow>(
    `WITH done AS (${done}),
     delivered AS (
       UPDATE commands SET delivered_at = $3, delivered_seq = $2 WHERE public_key = $1 AND delivered_at IS NULL
       RETURNING id, kind, mode, given_at
     )
     SELECT id, kind, mode FROM delivered ORDER BY given_at, id`,
    [publicKey, payload.seq, at],
  );
  return { kind: 'stored', commands: delivered.map(toCommand), ...ratings };
}
