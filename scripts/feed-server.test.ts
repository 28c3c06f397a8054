import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveFeed } from './feed-server.ts';
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
});
