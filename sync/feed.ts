/** Talks to a feed over HTTP: the channel file with a conditional GET, and content-addressed files. */
import { channelPath, filePath } from '../content/bundle-format.ts';

export class FeedError extends Error {}

export type ChannelResponse =
  | { changed: false }
  | { changed: true; bytes: Uint8Array; etag: string | undefined };

export class FeedClient {
  private readonly base: string;
  constructor(
    feedUrl: string,
    private readonly channel: string,
    private readonly get: typeof fetch = (...args) => fetch(...args),
  ) {
    this.base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
  }

  /** An unchanged channel file costs a 304 when its ETag is known. */
  async channelFile(etag: string | undefined): Promise<ChannelResponse> {
    const path = channelPath(this.channel);
    const res = await this.request(path, etag ? { 'If-None-Match': etag } : {});
    if (res.status === 304) return { changed: false };
    return { changed: true, bytes: await this.body(res, path), etag: res.headers.get('ETag') ?? undefined };
  }

  async file(ref: { hash: string; ext: string }): Promise<Uint8Array> {
    const path = filePath(ref);
    return this.body(await this.request(path, {}), path);
  }

  private async request(path: string, headers: Record<string, string>): Promise<Response> {
    let res: Response;
    try {
      // The browser's HTTP cache must not answer for the channel file: revalidate every time.
      res = await this.get(new URL(path, this.base).href, { headers, cache: 'no-store' });
    } catch {
      throw new FeedError(`${path}: the feed cannot be reached (network error)`);
    }
    if (res.status !== 200 && res.status !== 304)
      throw new FeedError(`${path}: the feed answered HTTP ${res.status}`);
    return res;
  }

  private async body(res: Response, path: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch {
      throw new FeedError(`${path}: the download was cut off`);
    }
  }
}
