/** Builds the kiosk into dist/: a folder of static files any web server can serve. */
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { pwaPlugins } from './scripts/build/pwa-plugin.ts';
import { uiFontPlugins } from './scripts/build/ui-font-plugin.ts';

type BuildConfig = { trustedKeys: string[]; feedUrl: string; channel: string };

/** The build config, with KIOSK_TRUSTED_KEYS (comma-separated public.key contents) replacing its keys. */
function kioskConfig(): BuildConfig {
  const file = JSON.parse(
    readFileSync(new URL('./kiosk/build-config.json', import.meta.url), 'utf8'),
  ) as BuildConfig;
  const fromEnv = process.env.KIOSK_TRUSTED_KEYS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return {
    trustedKeys: fromEnv && fromEnv.length > 0 ? fromEnv : file.trustedKeys,
    feedUrl: process.env.KIOSK_FEED_URL ?? file.feedUrl,
    channel: process.env.KIOSK_CHANNEL ?? file.channel,
  };
}

export default defineConfig({
  root: 'kiosk',
  base: './',
  plugins: [preact(), ...uiFontPlugins(), ...pwaPlugins()],
  define: { __KIOSK_CONFIG__: JSON.stringify(kioskConfig()) },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
