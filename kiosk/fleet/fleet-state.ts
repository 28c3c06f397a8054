/**
 * What the staff panel shows about reporting. Tiny on purpose: the panel imports it, the reporter
 * (loaded after first paint, only with a fleet URL) writes it; with reporting off it stays `{ on: false }`.
 */
import { signal } from '@preact/signals';
import type { Dropped } from './fleet-db.ts';

export type FleetProblem = {
  /**
   * revoked: 403; refused: 400/401/409/413 (that report is dropped); unreachable: no answer or 5xx;
   * broken: the terminal's own side failed; not-loaded: the reporting code itself did not load.
   */
  kind: 'revoked' | 'refused' | 'unreachable' | 'broken' | 'not-loaded';
  status?: number;
  message: string;
  /** ms: since when (the first failure of this run of failures). */
  since: number;
};

export type FleetView =
  | { on: false }
  | {
      on: true;
      url: string;
      deviceId?: string;
      fingerprint?: string;
      lastSent?: { seq: number; at: number };
      lastAck?: { seq: number; at: string; pending: boolean };
      outbox: { reports: number; bytes: number };
      dropped: Dropped;
      /**
       * Visitors' ratings (issue 13): waiting (in the queue or in a report not yet answered), and, since
       * this terminal's fleet database was made, dropped (a full queue or outbox) and refused by the service.
       */
      ratings?: { waiting: number; dropped: number; refused: number };
      nextTry?: number;
      problem?: FleetProblem;
    };

export const fleetView = signal<FleetView>({ on: false });

/** No answer for this long is shown loudly: a few minutes of network trouble is normal. */
export const UNREACHABLE_LOUD_MS = 15 * 60_000;

/**
 * The reporting chunk did not load (a half-copied install, a proxy dropping a file) or threw before it
 * could say anything itself: reporting is meant to be on, so the panel says loudly that it is not.
 */
export function reportingDidNotLoad(url: string, error: unknown, now: number): void {
  fleetView.value = {
    on: true,
    url,
    outbox: { reports: 0, bytes: 0 },
    dropped: { heartbeats: 0, events: 0 },
    problem: { kind: 'not-loaded', message: String(error), since: now },
  };
}
