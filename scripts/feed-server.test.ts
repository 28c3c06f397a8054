import { mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listen, serveFeed } from './feed-server.ts';
import { generateKeys } from './keys.ts';
import { publishBundle } from './publish.ts';

const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
publishBundle({
  folder: 'content/fixtures/minimal',
  feed,
  privateKey: generateKeys().privateKey,
  channel: 'stable',
  expires: '30d',
});
const server = await serveFeed(feed, 0);
afterAll(() => server.close());
const svg = readdirSync(join(feed, 'files')).find((f) => f.endsWith('.svg'))!;

/** Sends a request line exactly as written (fetch would refuse or re-encode a malformed URL); gives the status. */
function rawStatus(url: string, target: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

const channelEtag = async () => (await fetch(`${server.url}/channels/stable.json`)).headers.get('etag')!;
const statusWith = async (path: string, ifNoneMatch: string) =>
  (await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': ifNoneMatch } })).status;

describe('npm run feed', () => {
  it('should serve content-addressed files as immutable, with their content type', async () => {
    const res = await fetch(`${server.url}/files/${svg}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('should make channel files revalidate, answering 304 when unchanged', async () => {
    const first = await fetch(`${server.url}/channels/stable.json`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const second = await fetch(`${server.url}/channels/stable.json`, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('should answer a CORS preflight for GET', async () => {
    const res = await fetch(`${server.url}/channels/stable.json`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('should answer 404 for missing files and anything outside the feed layout', async () => {
    expect((await fetch(`${server.url}/files/${'0'.repeat(64)}.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/channels/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/package.json`)).status).toBe(404);
  });

  it('should refuse writes', async () => {
    expect((await fetch(`${server.url}/channels/stable.json`, { method: 'PUT', body: '{}' })).status).toBe(
      405,
    );
  });

  it('should answer 400 to a URL that does not decode, and keep serving', async () => {
    expect(await rawStatus(server.url, '/%E0%A4%A')).toBe(400);
    expect(await rawStatus(server.url, '/channels/%E0%A4%A.json')).toBe(400);
    expect((await fetch(`${server.url}/channels/stable.json`)).status).toBe(200);
  });

  it('should compare If-None-Match weakly, accept a list of ETags and *, as HTTP says', async () => {
    const etag = await channelEtag();
    expect(await statusWith('/channels/stable.json', `W/${etag}`)).toBe(304);
    expect(await statusWith('/channels/stable.json', `"older", W/"other" ,${etag}`)).toBe(304);
    expect(await statusWith('/channels/stable.json', '*')).toBe(304);
    expect(await statusWith('/channels/stable.json', '"older", W/"other"')).toBe(200);
    expect(await statusWith(`/files/${svg}`, `"x", W/"${svg.slice(0, 64)}"`)).toBe(304);
    // `*` means "any current representation": a file that does not exist has none.
    expect(await statusWith(`/files/${'0'.repeat(64)}.json`, '*')).toBe(404);
  });

  it('should listen on 127.0.0.1 only unless given another host', async () => {
    // 127.0.0.2 is this machine too, but not the address the default server is bound to.
    const other = `${server.url.replace('127.0.0.1', '127.0.0.2')}/channels/stable.json`;
    await expect(fetch(other)).rejects.toThrow();
    const everywhere = await serveFeed(feed, 0, { host: '0.0.0.0' });
    try {
      const port = new URL(everywhere.url).port;
      expect((await fetch(`http://127.0.0.2:${port}/channels/stable.json`)).status).toBe(200);
    } finally {
      await everywhere.close();
    }
  });
});

describe('any server built on listen()', () => {
  it('should answer 500 and log when a handler throws, and keep serving', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await listen(0, (path, _req, res) => {
      if (path === '/broken') throw new Error('the handler broke');
      res.writeHead(200).end('fine');
      return Promise.resolve(true);
    });
    try {
      expect((await fetch(`${server.url}/broken`)).status).toBe(500);
      expect(String(logged.mock.calls.flat().join(' '))).toMatch(/GET \/broken.*the handler broke/s);
      expect(await (await fetch(`${server.url}/fine`)).text()).toBe('fine');
    } finally {
      logged.mockRestore();
      await server.close();
    }
  });
});
