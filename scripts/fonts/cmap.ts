/**
 * Which characters a font has a glyph for, read from its cmap table: of a TrueType/OpenType file, or of a
 * WOFF2 file (its table stream is Brotli; cmap is never transformed). Used to warn about characters Noto Sans SC
 * lacks, and by tests to prove that every character on screen is in a font we ship.
 */
import { brotliDecompressSync } from 'node:zlib';

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const tagAt = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** The code points a cmap table maps to a glyph other than .notdef (Unicode subtables of format 4 and 12). */
export function cmapCoverage(cmap: Uint8Array): Set<number> {
  const covered = new Set<number>();
  const encodings = u16(cmap, 2);
  for (let i = 0; i < encodings; i++) {
    const platform = u16(cmap, 4 + i * 8);
    const encoding = u16(cmap, 6 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const t = u32(cmap, 8 + i * 8);
    const format = u16(cmap, t);
    if (format === 12) {
      const groups = u32(cmap, t + 12);
      for (let g = 0; g < groups; g++) {
        const start = u32(cmap, t + 16 + g * 12);
        const end = u32(cmap, t + 20 + g * 12);
        const glyph = u32(cmap, t + 24 + g * 12);
        for (let p = start; p <= end; p++) if (glyph + (p - start) !== 0) covered.add(p);
      }
    } else if (format === 4) {
      const segX2 = u16(cmap, t + 6);
      const ends = t + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const start = u16(cmap, starts + s);
        const end = u16(cmap, ends + s);
        const delta = u16(cmap, deltas + s);
        const rangeOffset = u16(cmap, offsets + s);
        for (let p = start; p <= end && p !== 0xffff; p++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (p + delta) & 0xffff;
          else {
            const g = u16(cmap, offsets + s + rangeOffset + 2 * (p - start));
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) covered.add(p);
        }
      }
    }
  }
  return covered;
}

/** The cmap table of a TrueType/OpenType file. */
function sfntCmap(font: Uint8Array): Uint8Array {
  const numTables = u16(font, 4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (tagAt(font, record) === 'cmap') {
      const offset = u32(font, record + 8);
      return font.subarray(offset, offset + u32(font, record + 12));
    }
  }
  throw new Error('the font has no cmap table');
}

/** The cmap table of a WOFF2 file (https://www.w3.org/TR/WOFF2/#table_dir_format). */
function woff2Cmap(font: Uint8Array): Uint8Array {
  if (tagAt(font, 4) === 'ttcf') throw new Error('WOFF2 font collections are not supported');
  const numTables = u16(font, 12);
  const compressedLength = u32(font, 20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = font[at++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128 in the WOFF2 table directory');
  };
  const tables: { tag: string; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = font[at++]!;
    const known = flags & 0x3f;
    let tag: string;
    if (known === 63) {
      tag = tagAt(font, at);
      at += 4;
    } else tag = KNOWN_TAGS[known] ?? '????';
    const version = flags >> 6;
    const origLength = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    tables.push({ tag, length: transformed ? base128() : origLength });
  }
  const stream = brotliDecompressSync(font.subarray(at, at + compressedLength));
  let offset = 0;
  for (const t of tables) {
    if (t.tag === 'cmap') return stream.subarray(offset, offset + t.length);
    offset += t.length;
  }
  throw new Error('the font has no cmap table');
}

/** The characters a .ttf/.otf/.woff2 file has glyphs for. */
export function fontCoverage(font: Uint8Array): Set<number> {
  return cmapCoverage(tagAt(font, 0) === 'wOF2' ? woff2Cmap(font) : sfntCmap(font));
}

// The WOFF2 spec's table of known tags, by index.
const KNOWN_TAGS = (
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH ' +
  'PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln ' +
  'cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
)
  .match(/.{4}\s?/g)!
  .map((t) => t.slice(0, 4));
