/**
 * When reports are made and sent: a heartbeat every 5 minutes (±15 %, so a hall's terminals spread
 * out), a report a few seconds after something changed, and retries with backoff while the service
 * does not take them. Made reports go to the outbox first; sending is a separate step that may fail.
 */
import type { Command } from '../../fleet/protocol.ts';
import { retryDelay } from './backoff.ts';
import { type FleetProblem, fleetView } from './fleet-state.ts';
import type { Draft, FlushOutcome, Outbox, SendResult } from './outbox.ts';

export const HEARTBEAT_MS = 5 * 60_000;
export const HEARTBEAT_JITTER = 0.15;
export const CHANGE_DEBOUNCE_MS = 3_000;

export type ReporterClock = {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type ReporterDeps = {
  outbox: Outbox;
  /** The report's content now: status and new events (with the cursors they reach). */
  draft: () => Promise<Draft>;
  sign: (payloadText: string) => Promise<string>;
  send: (body: string) => Promise<SendResult>;
  onCommands: (commands: Command[]) => Promise<void>;
  /** For the loud lines: a refused or dropped report goes in the console log and the staff panel. */
  warn: (message: string) => void;
  clock?: ReporterClock;
  random?: () => number;
};

const realClock: ReporterClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createReporter(deps: ReporterDeps) {
  const clock = deps.clock ?? realClock;
  const random = deps.random ?? Math.random;
  let heartbeatTimer: unknown;
  let changeTimer: unknown;
  let retryTimer: unknown;
  let failures = 0;
  let problem: FleetProblem | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  /** One report or flush at a time, in the order asked. */
  const serial = (fn: () => Promise<void>) => {
    chain = chain.then(fn).catch((error: unknown) => {
      problem = {
        kind: 'broken',
        message: `reporting failed on this terminal: ${String(error)}`,
        since: clock.now(),
      };
      deps.warn(problem.message);
      void refreshView();
    });
    return chain;
  };

  const refreshView = async () => {
    const view = fleetView.peek();
    if (!view.on) return;
    const [records, meta, waiting] = await Promise.all([
      deps.outbox.records(),
      deps.outbox.meta(),
      deps.outbox.ratingsWaiting(),
    ]);
    const lost = meta.ratingsLost ?? { dropped: 0, refused: 0 };
    fleetView.value = {
      ...view,
      outbox: { reports: records.length, bytes: records.reduce((sum, r) => sum + r.bytes, 0) },
      dropped: meta.dropped,
      ratings: { waiting: waiting.queued + waiting.inReports, ...lost },
      lastAck: meta.lastAck,
      problem,
      nextTry: retryTimer === undefined ? undefined : view.nextTry,
    };
  };

  const settle = (outcome: FlushOutcome) => {
    for (const refused of outcome.refused) {
      problem = { kind: 'refused', status: refused.status, message: refused.message, since: clock.now() };
      deps.warn(
        `fleet: report ${refused.seq} refused with HTTP ${refused.status} and dropped: ${refused.message}`,
      );
    }
    for (const rating of outcome.ratingsRefused)
      deps.warn(
        `fleet: the service refused rating ${rating.id} (${rating.reason}), not resent: ${rating.message}`,
      );
    if (outcome.stopped) {
      failures += 1;
      const { status, message } = outcome.stopped;
      const kind = status === 403 ? 'revoked' : 'unreachable';
      // The first failure of a run says since when; a change of kind starts a new run.
      const since = problem?.kind === kind ? problem.since : clock.now();
      problem = { kind, status, message, since };
      if (kind === 'revoked') deps.warn(`fleet: this terminal's key was revoked: ${message}`);
      const delay = retryDelay(failures, random);
      clock.clearTimeout(retryTimer);
      retryTimer = clock.setTimeout(() => {
        retryTimer = undefined;
        void serial(flush);
      }, delay);
      const view = fleetView.peek();
      if (view.on) fleetView.value = { ...view, nextTry: clock.now() + delay };
    } else {
      failures = 0;
      if (problem?.kind !== 'refused' || outcome.delivered.length > 0) problem = undefined;
    }
  };

  const changed = () => {
    if (stopped) return;
    clock.clearTimeout(changeTimer);
    changeTimer = clock.setTimeout(() => void serial(report), CHANGE_DEBOUNCE_MS);
  };

  const flush = async () => {
    if (stopped) return;
    const outcome = await deps.outbox.flush(deps.send);
    settle(outcome);
    await refreshView();
    if (outcome.commands.length > 0) await deps.onCommands(outcome.commands);
    // The refusals are queued as an event for the console; ratings waiting go as soon as the service
    // takes them (one report of them at a time: each delivered one makes room for the next).
    if (outcome.ratingsRefused.length > 0) changed();
    else if (outcome.delivered.length > 0 && (await deps.outbox.ratingsReady()) > 0) changed();
  };

  const report = async () => {
    if (stopped) return;
    const record = await deps.outbox.make(await deps.draft(), deps.sign);
    const view = fleetView.peek();
    if (view.on) fleetView.value = { ...view, lastSent: { seq: record.seq, at: clock.now() } };
    // While backing off, the new report waits for the retry with the others (in seq order).
    if (retryTimer === undefined) await flush();
    else await refreshView();
  };

  const scheduleHeartbeat = () => {
    const jitter = 1 + (random() * 2 - 1) * HEARTBEAT_JITTER;
    heartbeatTimer = clock.setTimeout(() => {
      void serial(report);
      scheduleHeartbeat();
    }, HEARTBEAT_MS * jitter);
  };

  return {
    /** A report now (the boot report), then heartbeats. */
    start() {
      void serial(report);
      scheduleHeartbeat();
    },
    /** Something the service should know changed: one report a few seconds later, however many changes. */
    changed,
    /** Settles once the reports asked for so far are made and sent (or failed). */
    idle: () => chain,
    stop() {
      stopped = true;
      for (const t of [heartbeatTimer, changeTimer, retryTimer]) clock.clearTimeout(t);
    },
  };
}
export type Reporter = ReturnType<typeof createReporter>;
