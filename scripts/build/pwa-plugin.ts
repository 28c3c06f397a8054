/**
 * Vite plugins that make the kiosk an installable, offline PWA: the app version in index.html, and
 * after the bundle is written, the Workbox service worker (kiosk/sw/) with its precache manifest.
 * The manifest and icons are static files in kiosk/public/. How updates flow: docs/pwa.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';
import { getManifest } from 'workbox-build';

/** The app shell: everything the page needs to boot with no network. The feed is not part of it. */
const SHELL_FILES = ['**/*.{html,js,css,woff2,woff,svg,png,ico,webmanifest}'];
const WORKERS = { app: 'sw.js', killSwitch: 'sw-kill-switch.js' } as const;
/** Vite names hashed files `assets/<name>-<8 chars>.<ext>`: their URL is their revision. */
const HASHED = /^assets\/.+-[\w-]{8}\.\w+$/;

export function pwaPlugins(): PluginOption[] {
  const version = appVersion();
  return [appVersionPlugin(version), serviceWorkerPlugin(version)];
}

/**
 * KIOSK_APP_VERSION, else package.json's version and the commit: a rebuild of the same commit gives
 * the same index.html, so terminals are not asked to update for nothing.
 */
export function appVersion(): string {
  const fromEnv = process.env.KIOSK_APP_VERSION?.trim();
  if (fromEnv) return fromEnv;
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    return `${pkg.version}+${commit}`;
  } catch {
    return pkg.version;
  }
}

/** `<meta name="app-version">`: what the terminal runs, readable by staff, tests and the bench. */
function appVersionPlugin(version: string): Plugin {
  return {
    name: 'sunlight:app-version',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'app-version', content: version }, injectTo: 'head' },
    ],
  };
}

function serviceWorkerPlugin(version: string): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'sunlight:service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every file of the bundle is on disk (fonts emitted by other plugins included); not after
    // a failed build, whose own error must show.
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const { manifestEntries, count, size, warnings } = await getManifest({
          globDirectory: outDir,
          globPatterns: SHELL_FILES,
          globIgnores: Object.values(WORKERS),
          dontCacheBustURLsMatching: HASHED,
          // The UI font subset is the largest file; a font left out would show tofu offline.
          maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        });
        for (const w of warnings) this.warn(w);
        if (!manifestEntries?.some((e) => e.url === 'index.html'))
          this.error(`service worker: no index.html in ${outDir} to precache`);
        await bundleWorker(join(root, 'sw/index.ts'), outDir, WORKERS.app, {
          __PRECACHE_MANIFEST__: JSON.stringify(manifestEntries),
        });
        await bundleWorker(join(root, 'sw/kill-switch.ts'), outDir, WORKERS.killSwitch, {});
        const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
        const sw = statSync(join(outDir, WORKERS.app)).size;
        this.info(`app ${version}: ${WORKERS.app} (${kib(sw)}) precaches ${count} files, ${kib(size)}`);
      },
    },
  };
}

/** One classic script, workbox inlined, no dev logging: a worker can be registered without `type: 'module'`. */
async function bundleWorker(
  entry: string,
  outDir: string,
  fileName: string,
  define: Record<string, string>,
): Promise<void> {
  await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), ...define },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name: 'sunlightWorker', fileName: () => fileName },
    },
  });
}
