import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../../content/fixtures/scratch.ts';
import { generateKeys } from '../keys.ts';
import { publishBundle } from '../publish.ts';
import { fontCoverage } from './cmap.ts';

const KEY = generateKeys().privateKey;
type Entry = { path?: string; kind?: string; type?: string; hash: string; ext: string };
function publish(folder: string, feed = mkdtempSync(join(tmpdir(), 'sunlight-feed-'))) {
  const result = publishBundle({ folder, feed, privateKey: KEY, channel: 'stable', expires: '30d' });
  if (!result.ok) throw new Error(result.reason);
  const manifest = JSON.parse(readFileSync(join(feed, result.manifest), 'utf8')) as {
    documents: Entry[];
    media: Entry[];
  };
  const file = (e: Entry) => readFileSync(join(feed, `files/${e.hash}.${e.ext}`));
  const media = (path: string) => manifest.media.find((m) => m.path === path)!;
  return { feed, result, manifest, file, media };
}

describe('the content font of a bundle', () => {
  it('should carry regular and bold WOFF2 subsets and the OFL, covering every character of every document', () => {
    const { manifest, file, media } = publish('content/fixtures/minimal');
    expect(media('fonts/content-400.woff2')).toMatchObject({ type: 'font/woff2', ext: 'woff2' });
    expect(media('fonts/content-700.woff2')).toMatchObject({ type: 'font/woff2', ext: 'woff2' });
    expect(file(media('fonts/OFL.txt')).toString()).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);

    const used = new Set<number>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') for (const c of v) c.trim() && used.add(c.codePointAt(0)!);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const d of manifest.documents) walk(JSON.parse(file(d).toString('utf8')));
    for (const weight of [400, 700]) {
      const covered = fontCoverage(file(media(`fonts/content-${weight}.woff2`)));
      expect([...used].filter((p) => !covered.has(p)).map((p) => String.fromCodePoint(p))).toEqual([]);
      // Only what the documents use: far from the font's 30,000 characters.
      expect(covered.size).toBeLessThan(used.size + 10);
    }
  });

  it('should change the font files, and nothing else, when a new character comes in', () => {
    const folder = scratchCopy('content/fixtures/minimal');
    const first = publish(folder);
    const before = new Set(first.manifest.media.map((m) => m.hash));
    const edited = scratchCopy(folder, { edit: { 'hall.yaml': ['测试大厅', '测试大厅鑫'] } });
    const second = publish(edited, first.feed);
    const changed = second.manifest.media.filter((m) => !before.has(m.hash)).map((m) => m.path);
    expect(changed.sort()).toEqual(['fonts/content-400.woff2', 'fonts/content-700.woff2']);
    expect(fontCoverage(second.file(second.media('fonts/content-400.woff2'))).has('鑫'.codePointAt(0)!)).toBe(
      true,
    );
    // The same character moved elsewhere: the same fonts.
    const moved = scratchCopy(folder, { edit: { 'hall.yaml': ['测试大厅', '大厅测试'] } });
    const third = publish(moved, first.feed);
    expect(third.manifest.media.filter((m) => !before.has(m.hash))).toEqual([]);
  });
});
