/**
 * Serves a feed folder over HTTP with the headers a feed needs: content-addressed files cached forever,
 * channel files revalidated with ETag (an unchanged feed costs a 304), CORS open for GET.
 * scripts/hosting/nginx-feed.conf gives nginx the same headers; docs/hosting.md says why each is there.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};
const FILE = /^\/files\/([0-9a-f]{64})\.(json|svg|png|jpg|webp|woff2|txt)$/;
const CHANNEL = /^\/channels\/([a-z0-9][a-z0-9-]*)\.json$/;

/** Handles a request under the feed's root; answers false when the path is not a feed path. */
export async function handleFeedRequest(
  root: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const file = FILE.exec(path);
  const channel = CHANNEL.exec(path);
  if (!file && !channel) return false;
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Length');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      Allow: 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match',
      'Access-Control-Max-Age': '86400',
    });
    res.end();
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS' }).end();
    return true;
  }
  let body: Buffer;
  try {
    body = await readFile(join(root, path));
  } catch {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end('not found\n');
    return true;
  }
  const ext = path.slice(path.lastIndexOf('.') + 1);
  // A content-addressed file's name is its hash: it never changes, so it can be cached for a year.
  const etag = `"${file ? file[1] : createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  const headers = {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': file ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (noneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * If-None-Match as RFC 9110 13.1.2 reads it: `*` matches any current representation, otherwise a
 * comma-separated list of entity tags compared weakly (W/"x" matches "x"), which is what lets a
 * cache or a gzipping proxy that weakened our ETag still get a 304.
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  // An entity tag may itself hold a comma, so the list is read tag by tag rather than split on commas.
  const tags = header.match(/(W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => opaque(tag) === opaque(etag));
}

export type RunningServer = { url: string; close: () => Promise<void> };
export type Handler = (path: string, req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The decoded path of a request, or undefined when its URL does not decode (a client error, not ours). */
function requestPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
}

/**
 * Serves `handle` on `host:port`. No request can stop the server: a URL that does not decode gets a 400,
 * a handler that throws (at once or later) gets a 500 and a log line naming the request.
 */
export async function listen(port: number, handle: Handler, host = '127.0.0.1'): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const failed = (e: unknown) => {
      console.error(`${req.method} ${req.url}: answered 500 because the handler failed:`, e);
      if (res.writableEnded) return;
      // Halfway through a body there is no status left to send: cut the response so the client sees it failed.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('server error\n');
    };
    const path = requestPath(req.url);
    if (path === undefined) {
      res
        .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('bad request: the URL is not valid percent-encoded UTF-8\n');
      return;
    }
    try {
      handle(path, req, res).then((handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      }, failed);
    } catch (e) {
      failed(e);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual, family, address } = server.address() as AddressInfo;
  return {
    url: `http://${family === 'IPv6' ? `[${address}]` : address}:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `host` 127.0.0.1 (the default) serves this machine only; 0.0.0.0 or a LAN address serves the hall. */
export function serveFeed(
  root: string,
  port: number,
  { host }: { host?: string } = {},
): Promise<RunningServer> {
  return listen(port, (path, req, res) => handleFeedRequest(root, path, req, res), host);
}
