/**
 * Hosting a feed as README.md says: Debian's nginx serving the feed with the shipped
 * scripts/hosting/nginx-feed.conf, and the kiosk on another origin following it with `?feed=`.
 * Build first (`npx vite build`): the kiosk is served from dist/.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_TYPES } from '../scripts/feed-server.ts';
import { serveKiosk } from '../scripts/kiosk-server.ts';
import { publish } from './fixtures/feed.ts';
import { nginxServing } from './fixtures/nginx.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const MINUTE = 60_000;

function publishedFeed(): string {
  const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
  publish('content/sample', feed);
  return feed;
}

type Answer = { status: number; headers: IncomingHttpHeaders; bytes: number };

/** node:http, not fetch: it shows Content-Encoding as sent and does not unzip the body. */
function ask(url: string, method: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What every feed answer carries, a 304 and a 404 included: a kiosk on another origin must read them. */
function expectCors(answer: Answer): void {
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  expect(answer.headers['access-control-expose-headers']).toMatch(/\bETag\b/i);
}

test('a kiosk on another origin syncs its first version from nginx, and an unchanged feed then costs a 304', async ({
  page,
}) => {
  const nginx = await nginxServing(publishedFeed());
  // The kiosk's own /feed/ is empty: whatever the terminal shows came through nginx.
  const kiosk = await serveKiosk('dist', mkdtempSync(join(tmpdir(), 'sunlight-no-feed-')), 0);
  const feedAnswers: string[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(nginx.url)) feedAnswers.push(`${r.status()} ${r.url().slice(nginx.url.length)}`);
  });
  try {
    await page.clock.install({ time: TEST_DAY });
    // The clock jumps minutes below in a few real milliseconds: long feed timeouts, so a poll under way
    // when a jump lands is not read as an unanswered request.
    await page.goto(`${kiosk.url}/?feed=${encodeURIComponent(nginx.url)}&feedTimeout=3600&feedStall=3600`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
    await expect(page.getByText(/内容版本 1/)).toBeVisible();
    // Every kind of file the feed holds came down, the fonts and their licence text among them.
    const downloaded = new Set(
      feedAnswers.filter((a) => a.startsWith('200 files/')).map((a) => a.split('.')[1]),
    );
    expect([...downloaded].sort()).toEqual(['json', 'svg', 'txt', 'woff2']);
    expect(feedAnswers.filter((a) => !a.startsWith('200 '))).toEqual([]);

    // The next poll comes within 5 minutes ±20 % of the first check's end, which may still be under way
    // when home shows: step the clock a minute at a time until it has come.
    let notModified = false;
    page.on('response', (r) => {
      if (r.url() === `${nginx.url}channels/stable.json` && r.status() === 304) notModified = true;
    });
    for (let minute = 0; minute < 12 && !notModified; minute++) {
      await page.clock.runFor(MINUTE);
      await page.waitForTimeout(250);
    }
    expect(
      notModified,
      `the next poll got no 304; the feed's last answers: ${feedAnswers.slice(-3).join(', ')}`,
    ).toBe(true);
    // The poll sends If-None-Match, so the browser asked first (a CORS preflight): nginx said yes.
    expect(nginx.accessLog()).toContain('OPTIONS /channels/stable.json 204');
  } finally {
    await kiosk.close();
    await nginx.close();
  }
});

test('nginx answers as the feed server does: types, caching, gzip, 304s, preflights and 404s', async () => {
  const feed = publishedFeed();
  const nginx = await nginxServing(feed);
  try {
    const channel = `${nginx.url}channels/stable.json`;
    const zipped = await ask(channel, 'GET', { 'Accept-Encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe(CONTENT_TYPES.json);
    expect(zipped.headers['cache-control']).toBe('no-cache');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expectCors(zipped);
    const etag = zipped.headers.etag;
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await ask(channel, 'GET', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.bytes).toBe(0);
    expectCors(again);
    const plain = await ask(channel, 'GET', { 'If-None-Match': etag! });
    expect(plain.status).toBe(304);

    // One file of each kind a feed may hold (the sample has no raster pictures: add one of each, named as
    // publish names them), the largest, so gzip has something to do: the feed server's content type, cached.
    for (const ext of Object.keys(CONTENT_TYPES)) {
      const bytes = Buffer.alloc(2048, ext);
      writeFileSync(join(feed, 'files', `${createHash('sha256').update(bytes).digest('hex')}.${ext}`), bytes);
    }
    const files = readdirSync(join(feed, 'files'));
    const size = (name: string) => statSync(join(feed, 'files', name)).size;
    for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
      const [name] = files.filter((f) => f.endsWith(`.${ext}`)).sort((a, b) => size(b) - size(a));
      const answer = await ask(`${nginx.url}files/${name}`, 'GET', { 'Accept-Encoding': 'gzip' });
      expect(answer.status, name).toBe(200);
      expect(answer.headers['content-type'], name).toBe(type);
      expect(answer.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expectCors(answer);
      // Fonts and pictures are compressed already; text is worth zipping.
      expect(answer.headers['content-encoding'], name).toBe(
        ['json', 'svg', 'txt'].includes(ext) ? 'gzip' : undefined,
      );
    }

    const preflight = await ask(channel, 'OPTIONS', {
      Origin: 'http://kiosk.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'if-none-match',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/\bGET\b/);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/\bIf-None-Match\b/i);
    expect(preflight.headers.allow).toBe('GET, HEAD, OPTIONS');
    expectCors(preflight);

    for (const path of [
      'package.json',
      `files/${'0'.repeat(64)}.json`,
      'files/x.exe',
      'channels/../etc/passwd',
    ]) {
      const missing = await ask(`${nginx.url}${path}`, 'GET');
      expect(missing.status, path).toBe(404);
      expectCors(missing);
    }
  } finally {
    await nginx.close();
  }
});
