/** `npm start`: publishes the sample hall to a local feed with the dev-only key, builds the kiosk, serves both. */
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { serveKiosk } from './kiosk-server.ts';
import { publishBundle } from './publish.ts';

export const SAMPLE = 'content/sample';
export const LOCAL_FEED = '.local/feed';
export const DEV_PRIVATE_KEY = 'dev-keys/dev-only-private.key';

export async function start({ port }: { port: number }): Promise<void> {
  const result = publishBundle({
    folder: SAMPLE,
    feed: LOCAL_FEED,
    privateKey: readFileSync(DEV_PRIVATE_KEY, 'utf8'),
    channel: 'stable',
    expires: '30d',
    log: console.log,
  });
  if (!result.ok) throw new Error(result.reason);
  console.log(`Published the sample hall: version ${result.version} (${result.written.length} files new)`);
  await build({ logLevel: 'warn' });
  const server = await serveKiosk('dist', LOCAL_FEED, port);
  console.log(`\nSunlight kiosk: ${server.url}/   (feed at ${server.url}/feed/channels/stable.json)`);
  console.log('Press Ctrl+C to stop.');
}
