/**
 * Serves a feed folder over HTTP with the headers a feed needs: content-addressed files cached forever,
 * channel files revalidated with ETag (an unchanged feed costs a 304), CORS open for GET.
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
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

export type RunningServer = { url: string; close: () => Promise<void> };

export async function listen(
  port: number,
  handle: (path: string, req: IncomingMessage, res: ServerResponse) => Promise<boolean>,
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    handle(path, req, res)
      .then((handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      })
      .catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function serveFeed(root: string, port: number): Promise<RunningServer> {
  return listen(port, (path, req, res) => handleFeedRequest(root, path, req, res));
}
