/** Checks that every media file named in content exists, is not too large, and that SVG holds no active content. */
import { readFileSync } from 'node:fs';
import type { ProblemList } from '../problems.ts';
import type { Path } from '../schema-walk.ts';
import type { CheckedContent, Entry } from '../validate.ts';

export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;

/** Every media path the content names, with where it is named. */
export function mediaReferences(c: CheckedContent): { path: string; entry: Entry<unknown>; at: Path }[] {
  return [
    ...(c.hall?.value.floors ?? []).map((f, i) => ({
      path: f.plan,
      entry: c.hall!,
      at: ['floors', i, 'plan'],
    })),
    ...c.services.flatMap((s) =>
      s.value.materials.flatMap((m, i) =>
        m.sample ? [{ path: m.sample, entry: s, at: ['materials', i, 'sample'] }] : [],
      ),
    ),
    ...c.notices.flatMap((n) => (n.value.image ? [{ path: n.value.image, entry: n, at: ['image'] }] : [])),
    ...(c.attract?.value.slides ?? []).flatMap((s, i) =>
      s.image ? [{ path: s.image, entry: c.attract!, at: ['slides', i, 'image'] }] : [],
    ),
  ];
}

export function checkMedia(c: CheckedContent, problems: ProblemList): void {
  const files = new Map(c.media.map((m) => [m.path, m]));
  const used = new Set<string>();
  for (const { path, entry, at } of mediaReferences(c)) {
    const line = entry.doc.lineOf(at);
    const file = files.get(path);
    used.add(path);
    if (!file)
      problems.error(entry.doc.file, line, `media file "${path}" is missing: put it in the media/ folder`);
    else if (file.size > MAX_MEDIA_BYTES) {
      const mib = (file.size / 1024 / 1024).toFixed(1);
      problems.error(
        entry.doc.file,
        line,
        `media file "${path}" is ${mib} MiB: the limit is 2 MiB, make it smaller`,
      );
    }
  }
  for (const m of c.media) {
    if (c.hall && !used.has(m.path))
      problems.warning(m.path, 1, 'this media file is not used by any content');
    if (m.path.endsWith('.svg') && m.size <= MAX_MEDIA_BYTES) {
      const text = readFileSync(m.absolute, 'utf8');
      const bad =
        /<script|<foreignObject|\son[a-z]+\s*=|(?:href|src)\s*=\s*["'](?:https?:|\/\/|javascript:)/i.exec(
          text,
        );
      if (bad) {
        const line = text.slice(0, bad.index).split('\n').length;
        problems.error(
          m.path,
          line,
          'an SVG may not contain scripts, event handlers or links to other sites',
        );
      }
    }
  }
}
