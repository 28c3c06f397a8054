/** Serves a built kiosk (dist/) and, under /feed/, a feed folder: one origin for a demo or a test. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { handleFeedRequest, listen, type RunningServer } from './feed-server.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** `beforeFeed` lets a test hold or count feed requests (a slow network, a crash mid-download). */
export function serveKiosk(
  dist: string,
  feed: string,
  port: number,
  beforeFeed?: (path: string) => Promise<void>,
): Promise<RunningServer> {
  return listen(port, async (path, req, res) => {
    if (path.startsWith('/feed/')) {
      await beforeFeed?.(path.slice('/feed/'.length));
      return handleFeedRequest(feed, path.slice('/feed'.length), req, res);
    }
    const file = normalize(path === '/' ? '/index.html' : path);
    if (file.includes('..')) return false;
    try {
      const body = await readFile(join(dist, file));
      // Hashed assets never change; the page and the service worker must always be revalidated.
      const immutable = file.startsWith('/assets/');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
      return true;
    } catch {
      return false;
    }
  });
}
