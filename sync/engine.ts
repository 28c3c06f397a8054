/**
 * The sync loop: check the channel, verify it in the spirit of TUF's client workflow, fetch what is
 * missing, stage, and activate only when the screen is idle. Framework-free; runs in browsers and Node.
 */
import { filePath, type ManifestT } from '../content/bundle-format.ts';
import { fileName, filesProblem, namedFiles, shapeProblem, versionFiles } from './bundle-check.ts';
import { parseManifest } from './documents.ts';
import { FeedClient, FeedError } from './feed.ts';
import type { NetworkLimits } from './network-limits.ts';
import { type ActiveContent, readActiveVersion } from './read-content.ts';
import { CHECK_HISTORY, emptyStatus, type SyncStatus } from './status.ts';
import type { CheckRecord, Store } from './store.ts';
import { transfer, type Wanted } from './transfer.ts';
import { verifyChannel, verifyHash } from './verify.ts';

export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};
export type StorageLike = {
  estimate(): Promise<{ quota?: number; usage?: number }>;
  persist(): Promise<boolean>;
};

export type SyncOptions = {
  feedUrl: string;
  channel: string;
  trustedKeys: string[];
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  storage?: StorageLike;
  /** Time between checks when all is well. */
  intervalMs?: number;
  /** First retry after a failure; doubles on each further failure up to maxBackoffMs. */
  retryMs?: number;
  maxBackoffMs?: number;
  concurrency?: number;
  /** 'immediate' for attract-only terminals: nobody's visit can be disturbed. */
  activation?: 'idle' | 'immediate';
  /** Timeouts and size bounds for feed requests (docs/sync.md, "Timeouts and size bounds"). */
  network?: Partial<NetworkLimits>;
};
export type CheckOutcome = 'updated' | 'unchanged' | 'failed';

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class SyncEngine {
  private status: SyncStatus = emptyStatus();
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly feed: FeedClient;
  private readonly clock: Clock;
  private etag: string | undefined;
  private failures = 0;
  private timer: unknown;
  private running: Promise<CheckOutcome> | undefined;
  private idle = false;
  private persistAsked = false;
  /** Set when the feed offered expired metadata; cleared by fresh metadata. */
  private frozen = false;
  private stopped = true;
  /**
   * The files of the download under way (its manifest and every file it names): garbage collection
   * after an activation at idle must not delete them. Replaced, never cleared, so a collection that
   * started with one set keeps it.
   */
  private inFlight: ReadonlySet<string> = new Set();
  /** True while a check downloads: a collection then could list files it stores after the set was taken. */
  private downloading = false;
  /** An activation during a download leaves its garbage for the end of that check. */
  private collectionDue = false;
  /** Activations run one after another: at idle, at the end of a check, by staff. */
  private activations: Promise<void> = Promise.resolve();

  private readonly o: SyncOptions;

  constructor(
    private readonly store: Store,
    options: SyncOptions,
  ) {
    // A copy: activation changes at runtime (setActivation) without touching the caller's object.
    this.o = { ...options };
    this.clock = options.clock ?? realClock;
    this.feed = new FeedClient(options.feedUrl, options.channel, options.fetch, {
      clock: this.clock,
      limits: options.network,
    });
  }

  getStatus(): SyncStatus {
    return this.status;
  }
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Loads what the store holds into the status; call before start() to show content at once. */
  async init(note?: string): Promise<void> {
    if (note) await this.logEntry('error', note);
    await this.refreshStatus();
  }

  /** Checks at once, then on a jittered interval; again whenever the network comes back. */
  start(): void {
    this.stopped = false;
    void this.checkNow();
    globalThis.addEventListener?.('online', this.onOnline);
  }
  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
  }
  private readonly onOnline = () => void this.checkNow();

  /** The kiosk says whether a visitor is using the screen; a staged version waits for idle. */
  async setIdle(idle: boolean): Promise<void> {
    this.idle = idle;
    if (idle && this.status.staged) await this.activate();
  }

  /**
   * Staff switch the terminal between interactive and attract-only use at runtime: an attract-only
   * terminal shows a verified version at once, so switching to it also shows any version waiting.
   */
  async setActivation(activation: 'idle' | 'immediate'): Promise<void> {
    if ((this.o.activation ?? 'idle') === activation) return;
    this.o.activation = activation;
    await this.logEntry(
      'info',
      activation === 'immediate'
        ? 'staff switched the terminal to attract-only: new versions are shown at once'
        : 'staff switched the terminal to interactive: new versions wait until the screen is idle',
    );
    if (activation === 'immediate' && this.status.staged) await this.activate();
    else await this.refreshStatus();
  }

  /** Staff at the screen show a staged version now: they, not a visitor, are using it. */
  async activateStaged(): Promise<number | undefined> {
    if (!this.status.staged) return undefined;
    await this.activate();
    return this.status.active?.version;
  }

  /** Staff rollback to the version before the active one. */
  async rollback(): Promise<number | undefined> {
    const version = await this.store.rollback();
    if (version !== undefined) await this.logEntry('info', `rolled back by staff to version ${version}`);
    await this.refreshStatus();
    return version;
  }

  /**
   * The active content for the screens. A version that cannot be read (a file lost or broken) is set
   * aside: the previous version is shown, or none, and the next check fetches what is missing. So a
   * broken store costs a fallback and a download, never a permanent fault screen.
   */
  async readActiveContent(): Promise<ActiveContent | undefined> {
    for (;;) {
      const read = await readActiveVersion(this.store);
      if (read.ok) return read.content;
      const now = await this.store.setAsideActive(read.version);
      // The feed's copy of the version is fine; ours is not: ask for the channel file in full again.
      this.etag = undefined;
      await this.logEntry(
        'error',
        `version ${read.version} cannot be read: ${read.reason}; ${now === undefined ? '' : `showing version ${now} and `}syncing again`,
      );
      await this.refreshStatus();
      if (!this.stopped) void this.checkNow();
    }
  }

  /** One check; concurrent callers share it. */
  checkNow(): Promise<CheckOutcome> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<CheckOutcome> {
    this.clock.clearTimeout(this.timer);
    this.update({ checking: true, lastCheck: this.clock.now() });
    let outcome: CheckOutcome;
    try {
      this.downloading = true;
      // Bounded: a check past checkLimitMs is abandoned (its requests aborted), so none waits forever.
      const failure = await this.feed.withinCheckLimit(() => this.fetchAndStage());
      outcome = failure === undefined ? 'unchanged' : failure === true ? 'updated' : 'failed';
      if (typeof failure === 'string') await this.logEntry('error', failure);
    } catch (e) {
      outcome = 'failed';
      await this.logEntry('error', e instanceof FeedError ? e.message : `sync failed: ${String(e)}`);
    } finally {
      // A staged version's files are kept by its pointer; a failed download's are garbage.
      this.inFlight = new Set();
      this.downloading = false;
    }
    try {
      await this.afterCheck(outcome);
    } catch (e) {
      // The store failed after the check (a closing database): say so, and keep checking on schedule.
      await this.logEntry('error', `sync failed after the check: ${String(e)}`).catch(() => {});
    } finally {
      this.schedule();
    }
    return outcome;
  }

  /** Records the check, refreshes the status, activates at once where allowed and collects what is due. */
  private async afterCheck(outcome: CheckOutcome): Promise<void> {
    if (this.collectionDue) {
      this.collectionDue = false;
      await this.store.collectGarbage();
    }
    const check = { at: this.clock.now(), outcome };
    await this.store.recordCheck(check);
    // The store is read once for the history; after that the engine keeps its own copy in step.
    if (this.recentChecks) this.recentChecks = [...this.recentChecks, check].slice(-CHECK_HISTORY);
    if (outcome === 'failed') this.failures++;
    else {
      this.failures = 0;
      this.status = { ...this.status, lastSuccess: this.clock.now() };
    }
    await this.refreshStatus();
    // A new version is shown at once only where no visit can be disturbed.
    if (this.status.staged && (this.idle || this.o.activation === 'immediate' || !this.status.active)) {
      await this.activate();
    }
    await this.refreshStatus({ checking: false, progress: undefined });
  }

  /** true: a new version was staged; undefined: nothing new; a string: why the update was refused. */
  private async fetchAndStage(): Promise<true | undefined | string> {
    const response = await this.feed.channelFile(this.etag);
    if (!response.changed) return undefined;
    const verified = await verifyChannel(response.bytes, this.o.trustedKeys);
    if (!verified.ok) return `signature check failed on channels/${this.o.channel}.json: ${verified.reason}`;
    const channel = verified.value;
    if (channel.channel !== this.o.channel) {
      return `channel check failed: channels/${this.o.channel}.json holds metadata for channel "${channel.channel}"`;
    }
    this.update({ feedLatest: { version: channel.version, published: channel.published } });
    const trustKey = `${channel.hall}/${channel.channel}`;
    const highest = await this.store.highestSeen(trustKey);
    if (channel.version < highest) {
      return `rollback refused: the feed offers version ${channel.version}, lower than version ${highest} already seen`;
    }
    this.frozen = Date.parse(channel.expires) <= this.clock.now();
    if (this.frozen) {
      return `expiry check failed: the feed's metadata (version ${channel.version}) expired at ${channel.expires}; keeping the content shown now`;
    }
    const pointers = await this.store.pointers();
    const held = channel.version <= (pointers.held ?? 0);
    if (held || channel.version === pointers.active || channel.version === pointers.staged) {
      const reused = await this.sameVersionOtherContent(channel.version, channel.manifest.hash);
      if (reused) return reused;
      this.etag = response.etag;
      return undefined;
    }
    await this.store.raiseHighestSeen(trustKey, channel.version);
    const keeping =
      pointers.active === undefined ? 'nothing is shown yet' : `keeping version ${pointers.active}`;

    const manifestRef = { ...channel.manifest, ext: 'json' as const };
    const manifestName = `the manifest (${filePath(manifestRef)})`;
    this.inFlight = new Set([manifestRef.hash]);
    if (!(await this.store.hasFile(manifestRef.hash))) {
      const bytes = await this.feed.manifest({ ...manifestRef, name: manifestName });
      const ok = await verifyHash(bytes, manifestRef.hash, manifestRef.size, manifestName);
      if (!ok.ok) return `hash check failed: ${ok.reason}`;
      if (!parseManifest(bytes))
        return `schema check failed: ${manifestName} does not match the bundle format`;
      await this.store.putFile(manifestRef.hash, bytes);
    }
    const stored = await this.store.file(manifestRef.hash);
    const manifest = stored && parseManifest(stored.bytes);
    if (!manifest) return `schema check failed: ${manifestName} does not match the bundle format`;
    const shape = shapeProblem(channel.version, channel.hall, manifest);
    if (shape) return `${shape}; ${keeping}`;
    this.inFlight = new Set([manifestRef.hash, ...versionFiles(manifest).map((f) => f.hash)]);

    const wanted = await this.missing(manifest);
    const spaceProblem = await this.checkSpace(wanted);
    if (spaceProblem) return spaceProblem;
    const failure = await transfer(wanted, this.feed, this.store, this.o.concurrency ?? 4, (progress) =>
      this.update({ progress }),
    );
    if (failure) return failure;
    // Held files too (downloaded ones were checked as they came): an entry may name bytes stored for
    // another version as another kind of document.
    const files = await filesProblem(manifest, this.store, new Set(wanted.map((w) => w.hash)));
    if (files) return `${files}; ${keeping}`;
    await this.store.stage({ version: channel.version, channel, manifest });
    this.etag = response.etag;
    await this.logEntry(
      'info',
      `version ${channel.version} downloaded and verified (${wanted.length} new files)`,
    );
    return true;
  }

  /**
   * A feed restored from a backup can reach a version number this terminal already holds, with other
   * content. Taking either silently would be wrong, so it is refused, loudly, until a higher version.
   */
  private async sameVersionOtherContent(version: number, manifest: string): Promise<string | undefined> {
    const ours = await this.store.version(version);
    if (!ours || ours.channel.manifest.hash === manifest) return undefined;
    const path = (hash: string) => filePath({ hash, ext: 'json' });
    return (
      `version check failed: the feed offers version ${version} again, with other content ` +
      `(manifest ${path(manifest)}, this terminal holds ${path(ours.channel.manifest.hash)}): ` +
      `was the feed restored from a backup? Publish again to give the content a higher version`
    );
  }

  private async missing(manifest: ManifestT): Promise<Wanted[]> {
    const refs = namedFiles(manifest);
    const wanted: Wanted[] = [];
    for (const ref of refs) if (!(await this.store.hasFile(ref.hash))) wanted.push(ref);
    return wanted;
  }

  private async checkSpace(wanted: Wanted[]): Promise<string | undefined> {
    const storage = this.o.storage ?? globalThis.navigator?.storage;
    if (!storage) return undefined;
    if (!this.persistAsked) {
      this.persistAsked = true;
      // Ask the browser not to evict our content under storage pressure.
      await storage.persist().catch(() => false);
    }
    const needed = wanted.reduce((n, w) => n + w.size, 0);
    const { quota, usage } = await storage.estimate();
    if (quota === undefined || usage === undefined) return undefined;
    const free = quota - usage;
    // Stored records cost more than their bytes; leave room for that and for the next update.
    if (needed * 1.5 > free) {
      return `space check failed: the update needs ${kib(needed)} but only ${kib(free)} of storage is free`;
    }
    return undefined;
  }

  private activate(): Promise<void> {
    const next = this.activations.then(() => this.activateNow());
    this.activations = next.catch(() => {});
    return next;
  }

  private async activateNow(): Promise<void> {
    const result = await this.store.activateStaged();
    if (result === undefined) return;
    if ('missing' in result) {
      const record = await this.store.version(result.version);
      const ref = record && versionFiles(record.manifest).find((f) => f.hash === result.missing);
      const active = (await this.store.pointers()).active;
      // Unstaged: the next check fetches the file again, so it must not be answered by a 304.
      this.etag = undefined;
      await this.logEntry(
        'error',
        `file check failed: version ${result.version} cannot be shown: ${ref ? fileName(ref) : 'its version record'} is not stored; ${active === undefined ? 'nothing is shown yet' : `keeping version ${active}`}, fetching it again`,
      );
      await this.refreshStatus();
      return;
    }
    if (this.downloading) this.collectionDue = true;
    else await this.store.collectGarbage(this.inFlight);
    await this.logEntry('info', `version ${result.activated} is now shown`);
    await this.refreshStatus();
  }

  private schedule(): void {
    if (this.stopped) return;
    const interval = this.o.intervalMs ?? 5 * 60_000;
    const retry = this.o.retryMs ?? 30_000;
    const base =
      this.failures === 0
        ? interval
        : Math.min(retry * 2 ** (this.failures - 1), this.o.maxBackoffMs ?? 30 * 60_000);
    // ±20% jitter, so terminals that boot together do not all ask the feed at the same moment.
    const delay = base * (0.8 + 0.4 * (this.o.random ?? Math.random)());
    this.update({ nextCheck: this.clock.now() + delay });
    this.timer = this.clock.setTimeout(() => void this.checkNow(), delay);
  }

  private async logEntry(kind: 'error' | 'info', message: string): Promise<void> {
    await this.store.log({ at: this.clock.now(), kind, message });
  }

  /** The last CHECK_HISTORY checks, read from the store once (checks are recorded only by this engine). */
  private recentChecks: CheckRecord[] | undefined;

  private async refreshStatus(extra: Partial<SyncStatus> = {}): Promise<void> {
    const p = await this.store.pointers();
    const versionInfo = async (version: number | undefined) => {
      const record = version === undefined ? undefined : await this.store.version(version);
      return (
        record && {
          version: record.version,
          published: record.channel.published,
          expires: record.channel.expires,
        }
      );
    };
    const active = await versionInfo(p.active);
    const log = await this.store.logEntries();
    this.recentChecks ??= (await this.store.checks()).slice(-CHECK_HISTORY);
    // After a restart the engine remembers nothing: the stored checks say when sync last worked.
    const lastSuccess = this.status.lastSuccess ?? (await this.store.lastSuccess());
    this.update({
      ...extra,
      lastSuccess,
      active,
      previous: await versionInfo(p.previous),
      staged: await versionInfo(p.staged),
      stale: this.frozen || (active !== undefined && Date.parse(active.expires) <= this.clock.now()),
      log: log.slice(-50),
      checks: this.recentChecks,
      failures: this.failures,
    });
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
