/**
 * The content font of a bundle: `Sunlight Content` in regular and bold, subsets of Noto Sans SC holding every
 * character of the bundle's documents, with the font's licence, as media files (docs/fonts.md).
 */
import { readFileSync } from 'node:fs';
import { CONTENT_FONT_LICENSE, CONTENT_FONTS } from '../../content/bundle-format.ts';
import { LICENSE_FILE } from './noto.ts';
import { characterSet, subsetSync } from './subset.ts';

export type FontMedia = { path: string; type: string; ext: 'woff2' | 'txt'; bytes: Buffer };
export type ContentFonts = {
  files: FontMedia[];
  /** Distinct characters the documents use. */
  characters: number;
  /** Characters Noto Sans SC does not have: a terminal without a font for them shows boxes. */
  missing: string[];
};

export function contentFonts(strings: Iterable<string>, o: { cacheDir?: string } = {}): ContentFonts {
  const text = characterSet(strings);
  const subsets = subsetSync(text, { weights: CONTENT_FONTS.map((f) => f.weight), ...o });
  const files: FontMedia[] = CONTENT_FONTS.map((f) => ({
    path: f.path,
    type: 'font/woff2',
    ext: 'woff2',
    bytes: subsets.find((s) => s.weight === f.weight)!.woff2,
  }));
  files.push({
    path: CONTENT_FONT_LICENSE,
    type: 'text/plain; charset=utf-8',
    ext: 'txt',
    bytes: readFileSync(LICENSE_FILE),
  });
  return { files, characters: [...text].length, missing: subsets[0]?.missing ?? [] };
}
