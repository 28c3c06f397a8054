/** The sync status: a small plain object the kiosk turns into signals and the staff panel shows. */

import type { CheckRecord, LogEntry } from './store.ts';
import type { TransferProgress } from './transfer.ts';

export type VersionInfo = { version: number; published: string; expires: string };

export type SyncStatus = {
  active: VersionInfo | undefined;
  previous: VersionInfo | undefined;
  staged: VersionInfo | undefined;
  /**
   * What the feed's channel file offered at the last check that read one with a good signature (for the
   * fleet report: what the feed publishes now, shown or not). Undefined until this engine has read one.
   */
  feedLatest: { version: number; published: string } | undefined;
  checking: boolean;
  lastCheck: number | undefined;
  lastSuccess: number | undefined;
  nextCheck: number | undefined;
  /** Files and bytes of the download under way. */
  progress: TransferProgress | undefined;
  /** The feed's metadata has expired: content is kept, but it may be out of date. */
  stale: boolean;
  failures: number;
  /** Recent entries, oldest first; errors say which check failed on which file. */
  log: LogEntry[];
  /** The most recent checks (at most CHECK_HISTORY), oldest first: a flaky network shows as a pattern. */
  checks: CheckRecord[];
};

/** How many recent checks the status carries for the staff panel's chart (4 hours at the usual 5 minutes). */
export const CHECK_HISTORY = 48;

export const emptyStatus = (): SyncStatus => ({
  active: undefined,
  previous: undefined,
  staged: undefined,
  feedLatest: undefined,
  checking: false,
  lastCheck: undefined,
  lastSuccess: undefined,
  nextCheck: undefined,
  progress: undefined,
  stale: false,
  failures: 0,
  log: [],
  checks: [],
});
