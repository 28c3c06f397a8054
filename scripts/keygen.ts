/** `keygen --out <dir>`: writes private.key and public.key; refuses to overwrite a key. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys } from './keys.ts';

export function runKeygen(dir: string, log: (line: string) => void = console.log): void {
  const privatePath = join(dir, 'private.key');
  const publicPath = join(dir, 'public.key');
  for (const p of [privatePath, publicPath]) {
    if (existsSync(p))
      throw new Error(`${p} already exists: a key is never overwritten. Choose another --out folder.`);
  }
  mkdirSync(dir, { recursive: true });
  const keys = generateKeys();
  writeFileSync(privatePath, `${keys.privateKey}\n`, { mode: 0o600 });
  writeFileSync(publicPath, `${keys.publicKey}\n`);
  log(`Wrote ${privatePath} (keep it secret: whoever holds it can publish to your terminals)`);
  log(`Wrote ${publicPath}: ${keys.publicKey}`);
  log('Terminals trust this key when it is built in: KIOSK_TRUSTED_KEYS="$(cat public.key)" npm run build');
}
