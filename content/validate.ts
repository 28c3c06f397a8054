/** Validates a content folder: every error of the folder in one run, each named by file and line. */
import * as v from 'valibot';
import { checkFlows } from './checks/flow.ts';
import { isChineseText, languageFormProblems, writesHan } from './checks/language-forms.ts';
import { checkMedia } from './checks/media.ts';
import { checkRatings } from './checks/ratings.ts';
import { checkReferences } from './checks/references.ts';
import { checkWarnings } from './checks/warnings.ts';
import { describeIssue } from './describe-issue.ts';
import { hallTimeZone, localDate } from './hall-time.ts';
import { type DocKind, type LoadedFolder, loadFolder, type MediaFile, type SourceDoc } from './load.ts';
import { compileMarkdown } from './markdown.ts';
import { ProblemList } from './problems.ts';
import {
  type AttractSource,
  type ChannelSource,
  type DepartmentSource,
  type FeeSource,
  type HallSource,
  type NoticeMetaSource,
  type ServiceSource,
  Source,
} from './schema.ts';
import { walkLocalized } from './schema-walk.ts';

/** A validated entity with the document it came from, for lines in later messages. */
export type Entry<T> = { value: T; doc: SourceDoc };
export type NoticeEntry = Entry<NoticeMetaSource> & {
  bodies: Record<string, { text: string; file: string }>;
};
export type CheckedContent = {
  root: string;
  locales: string[];
  defaultLocale: string;
  /** Undefined while hall.yaml itself has errors: checks that need it wait for the next run. */
  hall: Entry<HallSource> | undefined;
  departments: Entry<DepartmentSource>[];
  services: Entry<ServiceSource>[];
  fees: Entry<FeeSource>[];
  channels: Entry<ChannelSource>[];
  notices: NoticeEntry[];
  attract: Entry<AttractSource> | undefined;
  media: MediaFile[];
};
/** Content that passed every check: the hall is there. */
export type ValidContent = CheckedContent & { hall: Entry<HallSource> };
/** `today` (YYYY-MM-DD) or else `now` read on the hall's clock decides which dates are past (default: now). */
export type ValidateOptions = { today?: string; now?: Date };
export type ValidationResult = { problems: ProblemList; content: ValidContent | undefined };

const SCHEMAS: Record<DocKind, v.GenericSchema> = {
  hall: Source.Hall,
  department: Source.Department,
  service: Source.Service,
  fee: Source.Fee,
  channels: Source.Channels,
  notice: Source.NoticeMeta,
  attract: Source.Attract,
};

export function validateFolder(root: string, options: ValidateOptions = {}): ValidationResult {
  const problems = new ProblemList();
  const folder = loadFolder(root, problems);
  const parsed = new Map<SourceDoc, unknown>();
  // Ids of entities with errors of their own: references to them are not reported again.
  const invalidIds = new Set<string>();
  for (const doc of folder.docs) {
    const result = v.safeParse(SCHEMAS[doc.kind], doc.raw);
    if (result.success) parsed.set(doc, result.output);
    else {
      const id = (doc.raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') invalidIds.add(`${doc.kind}:${id}`);
      for (const issue of result.issues) {
        const { path, message } = describeIssue(issue, doc.file.endsWith('.csv'));
        problems.error(doc.file, doc.lineOf(path), message);
      }
    }
  }
  const hallDoc = folder.docs.find((d) => d.kind === 'hall');
  const hall = hallDoc && (parsed.get(hallDoc) as HallSource | undefined);
  const locales = hall?.locales ?? declaredLocales(hallDoc?.raw) ?? ['zh-CN'];
  const defaultLocale = hall?.defaultLocale ?? locales[0] ?? 'zh-CN';
  if (hall && !locales.includes(defaultLocale)) {
    problems.error(
      'hall.yaml',
      hallDoc!.lineOf(['defaultLocale']),
      `"defaultLocale" ${defaultLocale} is not in "locales"`,
    );
  }

  // Without a readable hall.yaml the declared languages are unknown: check them on the next run.
  const knownLocales = hall ? locales : declaredLocales(hallDoc?.raw);
  for (const doc of parsed.keys()) checkText(doc, SCHEMAS[doc.kind], knownLocales, problems);
  const notices = attachBodies(folder, parsed, knownLocales, defaultLocale, problems);

  const entries = <T>(kind: DocKind) =>
    [...parsed].filter(([d]) => d.kind === kind).map(([doc, value]) => ({ doc, value: value as T }));
  const channelsEntry = entries<ChannelSource[]>('channels')[0];
  const content: CheckedContent = {
    root,
    locales,
    defaultLocale,
    hall: hall && hallDoc ? { value: hall, doc: hallDoc } : undefined,
    departments: entries<DepartmentSource>('department'),
    services: entries<ServiceSource>('service'),
    fees: entries<FeeSource>('fee'),
    channels: (channelsEntry?.value ?? []).map((value, i) => ({
      value,
      doc: { ...channelsEntry!.doc, lineOf: (p) => channelsEntry!.doc.lineOf([i, ...p]) },
    })),
    notices,
    attract: entries<AttractSource>('attract')[0],
    media: folder.media,
  };
  checkReferences(content, problems, invalidIds);
  checkFlows(content, problems);
  checkMedia(content, problems);
  checkRatings(content, problems);
  checkWarnings(
    content,
    problems,
    options.today ?? localDate(options.now ?? new Date(), hallTimeZone(hall)),
    feesOfInvalidServices(folder.docs, parsed),
  );
  const valid = problems.errors.length === 0 && content.hall !== undefined;
  return { problems, content: valid ? (content as ValidContent) : undefined };
}

/** Fee ids named by services that failed the schema: those fees are charged, so no "not charged" warning. */
function feesOfInvalidServices(docs: SourceDoc[], parsed: Map<SourceDoc, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const doc of docs) {
    if (doc.kind !== 'service' || parsed.has(doc)) continue;
    const fees = (doc.raw as { fees?: unknown } | null)?.fees;
    if (Array.isArray(fees)) for (const f of fees) if (typeof f === 'string') ids.add(f);
  }
  return ids;
}

/** The languages hall.yaml declares, even when it has other errors; undefined when they cannot be read. */
function declaredLocales(raw: unknown): string[] | undefined {
  const locales = (raw as { locales?: unknown } | undefined)?.locales;
  const ok = Array.isArray(locales) && locales.length > 0 && locales.every((l) => typeof l === 'string');
  return ok ? (locales as string[]) : undefined;
}

/** Localised fields name only declared locales; gaps are warnings; Markdown compiles without HTML. */
function checkText(
  doc: SourceDoc,
  schema: v.GenericSchema,
  locales: string[] | undefined,
  problems: ProblemList,
): void {
  if (!locales) return;
  walkLocalized(schema, doc.raw, (value, path, kind) => {
    const byLocale = typeof value === 'string' ? undefined : (value as Record<string, string>);
    if (byLocale) {
      for (const locale of Object.keys(byLocale)) {
        if (!locales.includes(locale)) {
          problems.error(
            doc.file,
            doc.lineOf([...path, locale]),
            `"${locale}" is not a language this hall declares in hall.yaml "locales" (${locales.join(', ')})`,
          );
        }
      }
      const missing = locales.filter((l) => byLocale[l] === undefined);
      if (missing.length > 0 && Object.keys(byLocale).length > 0) {
        problems.warning(
          doc.file,
          doc.lineOf(path),
          `"${path.join('.')}" has no ${missing.join(', ')} translation`,
        );
      }
      for (const [locale, text] of Object.entries(byLocale)) {
        for (const message of languageFormProblems(`"${[...path, locale].join('.')}"`, locale, text))
          problems.warning(doc.file, doc.lineOf([...path, locale]), message);
      }
    } else if (kind === 'neutral') {
      // A number or an address on the web reads the same in every language; Chinese words do not.
      const others = locales.filter((l) => !writesHan(l));
      if (others.length > 0 && isChineseText(String(value))) {
        problems.warning(
          doc.file,
          doc.lineOf(path),
          `"${path.join('.')}" has no ${others.join(', ')} form: it is Chinese text, so it would show in Chinese on the ${others.join(', ')} screens; write it as { ${[...locales].join(': …, ')}: … }`,
        );
      }
    } else if (locales.length > 1) {
      problems.warning(
        doc.file,
        doc.lineOf(path),
        `"${path.join('.')}" has no ${locales.slice(1).join(', ')} translation`,
      );
    }
    if (kind !== 'markdown') return;
    for (const [locale, text] of byLocale ? Object.entries(byLocale) : [['', value as string]]) {
      const at = byLocale ? [...path, locale!] : path;
      // A block (`|`) starts on the line after its key.
      const first = doc.lineOf(at) + (String(text).includes('\n') ? 1 : 0);
      for (const p of compileMarkdown(String(text)).problems) {
        problems[p.severity](doc.file, first + p.line - 1, p.message);
      }
    }
  });
}

function attachBodies(
  folder: LoadedFolder,
  parsed: Map<SourceDoc, unknown>,
  locales: string[] | undefined,
  defaultLocale: string,
  problems: ProblemList,
): NoticeEntry[] {
  const notices: NoticeEntry[] = [];
  const byFile = new Map<string, NoticeEntry>();
  for (const [doc, value] of parsed) {
    if (doc.kind !== 'notice' || !doc.body) continue;
    const entry = {
      doc,
      value: value as NoticeMetaSource,
      bodies: { [defaultLocale]: { text: doc.body.text, file: doc.file } },
    };
    notices.push(entry);
    byFile.set(doc.file, entry);
    bodyProblems(doc.file, doc.body.text, doc.body.firstLine, problems);
  }
  const noticeFiles = new Set(folder.docs.filter((d) => d.kind === 'notice').map((d) => d.file));
  for (const t of folder.translations) {
    if (!locales) continue;
    if (!locales.includes(t.locale)) {
      problems.error(
        t.file,
        1,
        `"${t.locale}" is not a language this hall declares in hall.yaml "locales" (${locales.join(', ')})`,
      );
    } else if (!noticeFiles.has(t.noticeFile)) {
      problems.error(t.file, 1, `this translation has no notice: ${t.noticeFile} does not exist`);
    } else {
      bodyProblems(t.file, t.text, 1, problems);
      translationProblems(t.file, t.locale, t.text, problems);
      const entry = byFile.get(t.noticeFile);
      if (entry) entry.bodies[t.locale] = { text: t.text, file: t.file };
    }
  }
  for (const entry of notices) {
    for (const locale of (locales ?? []).filter((l) => !entry.bodies[l])) {
      const name = entry.doc.file.replace(/\.md$/, `.${locale}.md`);
      problems.warning(entry.doc.file, 1, `the notice has no ${locale} body: add ${name}`);
    }
  }
  return notices;
}

function bodyProblems(file: string, text: string, firstLine: number, problems: ProblemList): void {
  for (const p of compileMarkdown(text).problems)
    problems[p.severity](file, firstLine + p.line - 1, p.message);
}

/** A notice body in another language: each of its lines checked for stray Chinese and the money style. */
function translationProblems(file: string, locale: string, text: string, problems: ProblemList): void {
  text.split('\n').forEach((line, i) => {
    for (const message of languageFormProblems('this line', locale, line))
      problems.warning(file, i + 1, message);
  });
}
