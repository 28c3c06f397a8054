/** Builds the kiosk into dist/: a folder of static files any web server can serve. */
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { appVersion, pwaPlugins } from './scripts/build/pwa-plugin.ts';
import { uiFontPlugins } from './scripts/build/ui-font-plugin.ts';

type StaffPin = { algorithm: 'PBKDF2-SHA256'; iterations: number; salt: string; hash: string };
type BuildConfig = {
  trustedKeys: string[];
  feedUrl: string;
  channel: string;
  staffPin: StaffPin;
  /** Feed timeouts and size bounds (sync/network-limits.ts), passed through as they are. */
  network?: Record<string, number>;
  /** The fleet service terminals report to (docs/fleet-terminal.md); absent: reporting off. */
  fleetUrl?: string;
};

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

/** A build without a usable PIN hash would leave staff locked out of every terminal: refuse it. */
function staffPin(value: unknown, from: string): StaffPin {
  const pin = value as Partial<StaffPin> | undefined;
  const ok =
    pin?.algorithm === 'PBKDF2-SHA256' &&
    Number.isInteger(pin.iterations) &&
    typeof pin.salt === 'string' &&
    typeof pin.hash === 'string';
  if (!ok) throw new Error(`${from} is not a staff PIN hash: make one with \`npm run pin -- <digits>\``);
  return pin as StaffPin;
}

/**
 * The build config, with the environment replacing parts of it: KIOSK_TRUSTED_KEYS (comma-separated
 * public.key contents), KIOSK_FEED_URL, KIOSK_CHANNEL, KIOSK_FLEET_URL, KIOSK_STAFF_PIN_HASH (the JSON `npm run pin` prints).
 */
function kioskConfig(): BuildConfig {
  const file = readJson<BuildConfig>('./kiosk/build-config.json');
  const fromEnv = process.env.KIOSK_TRUSTED_KEYS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const pinFromEnv = process.env.KIOSK_STAFF_PIN_HASH;
  return {
    trustedKeys: fromEnv && fromEnv.length > 0 ? fromEnv : file.trustedKeys,
    feedUrl: process.env.KIOSK_FEED_URL ?? file.feedUrl,
    channel: process.env.KIOSK_CHANNEL ?? file.channel,
    network: file.network,
    fleetUrl: process.env.KIOSK_FLEET_URL ?? file.fleetUrl,
    staffPin: pinFromEnv
      ? staffPin(JSON.parse(pinFromEnv), 'KIOSK_STAFF_PIN_HASH')
      : staffPin(file.staffPin, 'kiosk/build-config.json staffPin'),
  };
}

export default defineConfig({
  root: 'kiosk',
  base: './',
  plugins: [preact(), ...uiFontPlugins(), ...pwaPlugins()],
  define: {
    __KIOSK_CONFIG__: JSON.stringify(kioskConfig()),
    // The same version the page's <meta name="app-version"> carries, so the staff panel and updates agree.
    __APP_VERSION__: JSON.stringify(appVersion()),
  },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
