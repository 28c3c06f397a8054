import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeys } from './keys.ts';
import { serveKiosk } from './kiosk-server.ts';
import { publishBundle } from './publish.ts';

const dist = mkdtempSync(join(tmpdir(), 'sunlight-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>kiosk</title>');
const feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
publishBundle({
  folder: 'content/fixtures/minimal',
  feed,
  privateKey: generateKeys().privateKey,
  channel: 'stable',
  expires: '30d',
});
const server = await serveKiosk(dist, feed, 0);
afterAll(() => server.close());

/** fetch would refuse or re-encode a malformed URL: this sends the request line as written. */
function rawStatus(target: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
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

describe('npm start (the kiosk and its feed on one origin)', () => {
  it('should answer 400 to URLs that do not decode, and keep serving the kiosk and the feed', async () => {
    expect(await rawStatus('/%E0%A4%A')).toBe(400);
    expect(await rawStatus('/feed/channels/%E0%A4%A.json')).toBe(400);
    expect(await rawStatus('/assets/%ZZ.js')).toBe(400);
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>kiosk</title>');
    expect((await fetch(`${server.url}/feed/channels/stable.json`)).status).toBe(200);
  });

  it('should answer 404, not fail, for a path with a NUL byte or one that climbs out of the build', async () => {
    expect(await rawStatus('/%00')).toBe(404);
    expect(await rawStatus('/..%2F..%2Fetc%2Fpasswd')).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});
