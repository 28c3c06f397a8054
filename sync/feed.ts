/**
 * Talks to a feed over HTTP: the channel file with a conditional GET, and content-addressed files. Every
 * request runs under the bounds in network-limits.ts: a timeout for the answer, a minimum rate for the
 * body, a size it may not pass, and the whole check's own time bound.
 */
import { channelPath, filePath } from '../content/bundle-format.ts';
import { readBoundedBody } from './bounded-body.ts';
import type { Clock } from './engine.ts';
import { duration, type NetworkLimits, networkLimits } from './network-limits.ts';

export class FeedError extends Error {
  /** The HTTP status, when the feed answered with one that is not a success: callers test it, not the words. */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type ChannelResponse =
  | { changed: false }
  | { changed: true; bytes: Uint8Array; etag: string | undefined };

/** A file the signed metadata names, with the size it declares; `name` says what it is, for messages. */
export type FileRequest = { hash: string; ext: string; size: number; name?: string };

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class FeedClient {
  private readonly base: string;
  readonly limits: NetworkLimits;
  private readonly clock: Clock;
  /** Set while a check runs (withinCheckLimit); aborted when the check passes its bound. */
  private check: AbortSignal | undefined;

  constructor(
    feedUrl: string,
    private readonly channel: string,
    private readonly get: typeof fetch = (...args) => fetch(...args),
    options: { clock?: Clock; limits?: Partial<NetworkLimits> } = {},
  ) {
    this.base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
    this.limits = networkLimits(options.limits);
    this.clock = options.clock ?? realClock;
  }

  /**
   * Runs one check under checkLimitMs: past it, every request under way or still to come is aborted, so
   * the check ends (logged by the caller) and a later check does not wait on it forever.
   */
  async withinCheckLimit<T>(run: () => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const limit = this.limits.checkLimitMs;
    const timer = this.clock.setTimeout(
      () =>
        controller.abort(`check abandoned: still running after ${duration(limit)}, the bound for one check`),
      limit,
    );
    this.check = controller.signal;
    try {
      return await run();
    } finally {
      this.clock.clearTimeout(timer);
      this.check = undefined;
    }
  }

  /** An unchanged channel file costs a 304 when its ETag is known. */
  async channelFile(etag: string | undefined): Promise<ChannelResponse> {
    const path = channelPath(this.channel);
    const { res, abort } = await this.request(path, path, etag ? { 'If-None-Match': etag } : {});
    if (res.status === 304) return { changed: false };
    const max = this.limits.maxChannelBytes;
    const bytes = await this.body(
      res,
      path,
      max,
      `the ${max} bytes this build accepts for the channel file (maxChannelBytes)`,
      abort,
    );
    return { changed: true, bytes, etag: res.headers.get('ETag') ?? undefined };
  }

  /** The manifest the signed channel file names, bounded by its declared size and by maxManifestBytes. */
  manifest(ref: FileRequest): Promise<Uint8Array> {
    return this.fetchDeclared(ref, this.limits.maxManifestBytes, 'the manifest (maxManifestBytes)');
  }

  async file(ref: FileRequest): Promise<Uint8Array> {
    return this.fetchDeclared(ref, this.limits.maxFileBytes, 'one file (maxFileBytes)');
  }

  /** Why a content file cannot be taken at its declared size, or undefined; checked before any download. */
  fileSizeProblem(ref: FileRequest): string | undefined {
    return this.sizeProblem(ref, this.limits.maxFileBytes, 'one file (maxFileBytes)');
  }

  private sizeProblem(ref: FileRequest, max: number, what: string): string | undefined {
    if (ref.size <= max) return undefined;
    const name = ref.name ?? filePath(ref);
    return `size check failed: ${name} declares ${ref.size} bytes, more than the ${max} bytes this build accepts for ${what}`;
  }

  private async fetchDeclared(ref: FileRequest, max: number, what: string): Promise<Uint8Array> {
    const problem = this.sizeProblem(ref, max, what);
    if (problem) throw new FeedError(problem);
    const path = filePath(ref);
    const name = ref.name ?? path;
    const { res, abort } = await this.request(path, name, {});
    // More than declared is refused as it arrives; fewer is left to the hash check, which names the file.
    return this.body(res, name, ref.size, `the ${ref.size} bytes the manifest declares`, abort);
  }

  private async request(
    path: string,
    name: string,
    headers: Record<string, string>,
  ): Promise<{ res: Response; abort: () => void }> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    const check = this.check;
    if (check?.aborted) throw new FeedError(`${name}: ${String(check.reason)}`);
    const timeout = this.limits.headersTimeoutMs;
    let timer: unknown;
    let onCheckAbort = () => {};
    // Raced rather than left to the fetch: whatever `fetch` does with the signal, the request ends here.
    const bounded = new Promise<never>((_, reject) => {
      // Reject before aborting: an aborted fetch rejects at once, and the race must settle with our reason,
      // not the browser's AbortError (which reads as "cannot be reached").
      timer = this.clock.setTimeout(() => {
        reject(
          new FeedError(`${name}: the feed did not answer within ${duration(timeout)}: aborted, will retry`),
        );
        abort();
      }, timeout);
      onCheckAbort = () => {
        reject(new FeedError(`${name}: ${String(check?.reason)}`));
        abort();
      };
      check?.addEventListener('abort', onCheckAbort);
    });
    let res: Response;
    try {
      // The browser's HTTP cache must not answer for the channel file: revalidate every time.
      res = await Promise.race([
        this.get(new URL(path, this.base).href, { headers, cache: 'no-store', signal: controller.signal }),
        bounded,
      ]);
    } catch (e) {
      if (e instanceof FeedError) throw e;
      throw new FeedError(`${path}: the feed cannot be reached (network error)`);
    } finally {
      this.clock.clearTimeout(timer);
      check?.removeEventListener('abort', onCheckAbort);
    }
    if (res.status !== 200 && res.status !== 304) {
      abort();
      throw new FeedError(`${path}: the feed answered HTTP ${res.status}`, res.status);
    }
    return { res, abort };
  }

  private async body(
    res: Response,
    name: string,
    limit: number,
    limitText: string,
    abort: () => void,
  ): Promise<Uint8Array> {
    const read = await readBoundedBody(res.body, {
      name,
      limit,
      limitText,
      stallMs: this.limits.stallMs,
      minBytesPerSecond: this.limits.minBytesPerSecond,
      clock: this.clock,
      check: this.check,
      abort,
    });
    if (!read.ok) throw new FeedError(read.reason);
    return read.value;
  }
}
