/**
 * What staff do to terminals from the console (the console itself comes later; it will call these):
 * approve a key, revoke one, give a command. Terminals are named by fingerprint, as staff read it on the
 * terminal's panel. Each returns a value with a reason a person can act on, never throws for their mistakes.
 */
import type { FleetDb } from './db.ts';
import {
  type Checked,
  COMMAND_KINDS,
  COMMAND_MODES,
  type Command,
  type CommandKind,
  type CommandMode,
  checkPayload,
} from './protocol.ts';
import { type CaseRules, caseRulesFor } from './store-ratings.ts';
import { storeReport } from './store-report.ts';

interface Actor {
  fingerprint: string;
  by: string;
  now: Date;
}

interface StatusRow extends Record<string, unknown> {
  public_key: string;
  status: 'pending' | 'approved' | 'revoked';
  last_seq: string | number;
}

function unknownTerminal(fingerprint: string): { ok: false; reason: string } {
  return { ok: false, reason: `no terminal has reported with fingerprint ${fingerprint}` };
}

/**
 * Approves a terminal's key, placing it in `hall` at `place`. The reports it sent while pending are
 * moved, in order, to the stored reports (the terminal dropped them from its outbox on 202), with
 * their ratings, each as of when it arrived: a 差评's case is due counting from that day, under
 * `cases` or else the rules the service's app was started with (store-ratings.ts).
 */
export async function approveTerminal(
  db: FleetDb,
  action: Actor & { hall?: string; place?: string; cases?: CaseRules },
): Promise<Checked<{ moved: number }>> {
  const cases = action.cases ?? caseRulesFor(db);
  return db.transaction(async (tx) => {
    const [terminal] = await tx.query<StatusRow>(
      'SELECT public_key, status, last_seq FROM terminals WHERE fingerprint = $1 FOR UPDATE',
      [action.fingerprint],
    );
    if (!terminal) return unknownTerminal(action.fingerprint);
    if (terminal.status === 'revoked') {
      return {
        ok: false,
        reason: `terminal ${action.fingerprint} was revoked, and a revoked key stays revoked: reset the terminal so it makes a new key, and approve that`,
      };
    }
    await tx.query(
      `UPDATE terminals SET status = 'approved', status_changed_at = $2, status_changed_by = $3,
         hall = COALESCE($4, hall), place = COALESCE($5, place)
       WHERE public_key = $1`,
      [terminal.public_key, action.now.toISOString(), action.by, action.hall ?? null, action.place ?? null],
    );
    const pending = await tx.query<{ payload: string; received_at: Date | string }>(
      'SELECT payload, received_at FROM pending_reports WHERE public_key = $1 ORDER BY seq',
      [terminal.public_key],
    );
    let lastSeq = Number(terminal.last_seq);
    let moved = 0;
    for (const row of pending) {
      const payload = checkPayload(row.payload);
      // Each was checked when it arrived; one that no longer checks (a later format) is left behind.
      if (!payload.ok) continue;
      // Stored as of when it arrived, delivering no command: the terminal's answer was a 202.
      const receivedAt = new Date(row.received_at);
      const stored = await storeReport(
        tx,
        terminal.public_key,
        row.payload,
        payload.value,
        lastSeq,
        receivedAt,
        { deliver: false, cases },
      );
      if (stored.kind === 'stored') {
        lastSeq = payload.value.seq;
        moved += 1;
      }
    }
    await tx.query('DELETE FROM pending_reports WHERE public_key = $1', [terminal.public_key]);
    return { ok: true, value: { moved } };
  });
}

/** Revokes a terminal's key: its reports are refused (403) from now on, and it cannot be approved again. */
export async function revokeTerminal(db: FleetDb, action: Actor): Promise<Checked<null>> {
  const rows = await db.query(
    `UPDATE terminals SET status = 'revoked', status_changed_at = $2, status_changed_by = $3
     WHERE fingerprint = $1 RETURNING public_key`,
    [action.fingerprint, action.now.toISOString(), action.by],
  );
  return rows.length > 0 ? { ok: true, value: null } : unknownTerminal(action.fingerprint);
}

/** Gives a terminal a command, delivered in the answer to its next report. */
export async function giveCommand(
  db: FleetDb,
  action: Actor & { kind: CommandKind; mode?: CommandMode },
): Promise<Checked<Command>> {
  if (!COMMAND_KINDS.includes(action.kind)) {
    return { ok: false, reason: `a command is one of ${COMMAND_KINDS.join(', ')}, not "${action.kind}"` };
  }
  if (action.kind === 'set-mode' && !(action.mode && COMMAND_MODES.includes(action.mode))) {
    return { ok: false, reason: `set-mode needs a mode: ${COMMAND_MODES.join(', ')}` };
  }
  const [terminal] = await db.query<StatusRow>(
    'SELECT public_key, status FROM terminals WHERE fingerprint = $1',
    [action.fingerprint],
  );
  if (!terminal) return unknownTerminal(action.fingerprint);
  if (terminal.status === 'revoked') {
    return { ok: false, reason: `terminal ${action.fingerprint} was revoked: it is sent nothing` };
  }
  const mode = action.kind === 'set-mode' ? action.mode : undefined;
  const command: Command = { id: crypto.randomUUID(), kind: action.kind, ...(mode ? { mode } : {}) };
  await db.query(
    'INSERT INTO commands (id, public_key, kind, mode, given_at, given_by) VALUES ($1, $2, $3, $4, $5, $6)',
    [command.id, terminal.public_key, command.kind, mode ?? null, action.now.toISOString(), action.by],
  );
  return { ok: true, value: command };
}
