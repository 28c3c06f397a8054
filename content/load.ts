/** Reads a content folder from disk: YAML, Markdown with front matter, CSV fees, and the media list. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvFees } from './csv-fees.ts';
import type { ProblemList } from './problems.ts';
import type { Path } from './schema-walk.ts';
import { parseYaml } from './yaml-source.ts';

export type DocKind = 'hall' | 'department' | 'service' | 'fee' | 'channels' | 'notice' | 'attract';

/** One entity as written, with the way back to its lines. */
export type SourceDoc = {
  kind: DocKind;
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  raw: unknown;
  lineOf: (path: Path) => number;
  /** For notices: the body in the default locale and its first line. */
  body?: { text: string; firstLine: number };
};
export type NoticeTranslation = { file: string; noticeFile: string; locale: string; text: string };
export type MediaFile = { path: string; size: number; absolute: string };
export type LoadedFolder = {
  root: string;
  docs: SourceDoc[];
  translations: NoticeTranslation[];
  media: MediaFile[];
};

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
};
const isYaml = (f: string) => /\.ya?ml$/i.test(f);

export function loadFolder(root: string, problems: ProblemList): LoadedFolder {
  const docs: SourceDoc[] = [];
  const translations: NoticeTranslation[] = [];
  const read = (file: string) => readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '');

  const yamlDoc = (kind: DocKind, file: string): SourceDoc | undefined => {
    const parsed = parseYaml(read(file));
    for (const e of parsed.syntaxErrors) problems.error(file, e.line, e.message);
    if (parsed.syntaxErrors.length > 0) return undefined;
    return { kind, file, raw: parsed.value, lineOf: parsed.lineOf };
  };
  const single = (kind: DocKind, file: string, required: boolean) => {
    if (!exists(join(root, file))) {
      if (required) problems.error(file, 1, `${file} is missing: every content folder needs one`);
      return;
    }
    const doc = yamlDoc(kind, file);
    if (doc) docs.push(doc);
  };

  if (!exists(root) || !statSync(root).isDirectory()) {
    problems.error(root, 1, 'this is not a folder: give the path of a content folder');
    return { root, docs, translations, media: [] };
  }
  single('hall', 'hall.yaml', true);
  for (const [dir, kind] of [
    ['departments', 'department'],
    ['services', 'service'],
  ] as const) {
    for (const f of listFiles(join(root, dir))) {
      const file = `${dir}/${f}`;
      if (!isYaml(f)) problems.warning(file, 1, 'not read: files here should end in .yaml');
      else {
        const doc = yamlDoc(kind, file);
        if (doc) docs.push(doc);
      }
    }
  }
  for (const f of listFiles(join(root, 'fees'))) {
    const file = `fees/${f}`;
    if (/\.csv$/i.test(f)) docs.push(...parseCsvFees(file, read(file), problems));
    else if (isYaml(f)) {
      const doc = yamlDoc('fee', file);
      // A fee file holds one fee, or a list of them.
      if (doc && Array.isArray(doc.raw)) {
        doc.raw.forEach((raw, i) => docs.push({ ...doc, raw, lineOf: (p) => doc.lineOf([i, ...p]) }));
      } else if (doc) docs.push(doc);
    } else problems.warning(file, 1, 'not read: fee files end in .yaml or .csv');
  }
  single('channels', 'channels.yaml', false);
  for (const f of listFiles(join(root, 'notices'))) {
    const file = `notices/${f}`;
    const translated = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/.exec(f);
    if (translated) {
      translations.push({
        file,
        noticeFile: `notices/${translated[1]}.md`,
        locale: translated[2]!,
        text: read(file),
      });
    } else if (/\.md$/i.test(f)) {
      const doc = noticeDoc(file, read(file), problems);
      if (doc) docs.push(doc);
    } else problems.warning(file, 1, 'not read: notices are Markdown files ending in .md');
  }
  single('attract', 'attract.yaml', false);

  const media = listFiles(join(root, 'media')).map((f) => {
    const absolute = join(root, 'media', f);
    return { path: `media/${f}`, size: statSync(absolute).size, absolute };
  });
  return { root, docs, translations, media };
}

/** A notice is front matter between `---` lines, then a Markdown body. */
function noticeDoc(file: string, text: string, problems: ProblemList): SourceDoc | undefined {
  const lines = text.split(/\r?\n/);
  const end = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  if (end < 0) {
    problems.error(
      file,
      1,
      'a notice starts with front matter: a line "---", the fields (id, title, date…), and "---"',
    );
    return undefined;
  }
  const parsed = parseYaml(lines.slice(1, end).join('\n'), 2);
  for (const e of parsed.syntaxErrors) problems.error(file, e.line, e.message);
  if (parsed.syntaxErrors.length > 0) return undefined;
  return {
    kind: 'notice',
    file,
    raw: parsed.value,
    lineOf: parsed.lineOf,
    body: { text: lines.slice(end + 1).join('\n'), firstLine: end + 2 },
  };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
