/**
 * 好差评 for the console (issue 13, docs/ratings.md): the ratings of a period read from the tables of
 * fleet/migrations/004_ratings.sql, counted per service, department or terminal and per day, the 差评
 * cases and their status changes, the 指南有误 counts, the refusals, and the rows of the export.
 *
 * Days are the hall's days: a rating belongs to the date its `at` (the terminal's time of rating) falls
 * on in its terminal's hall zone (hall-zone.ts), and "today" is read on the console's zone (the zone most
 * approved terminals report), so a period is the same calendar days a hall's staff count.
 */
import { DEFAULT_TIME_ZONE, localDate } from '../../content/hall-time.ts';
import {
  GUIDE_WRONG_REASON,
  isPoorRating,
  RATING_LEVEL_NAMES,
  RATING_LEVELS,
  type RatingLevel,
  type RatingSubject,
  WRONG_PART_NAMES,
  WRONG_PARTS,
  type WrongPart,
} from '../../content/ratings.ts';
import type { FleetDb, Queryable } from '../db.ts';
import { RATING_REFUSALS } from '../protocol.ts';
import { knownZone } from './hall-zone.ts';

const DAY_MS = 86_400_000;
/** The longest period a page or an export reads: a year and a day. */
export const MAX_PERIOD_DAYS = 366;
/** Over this many days the chart counts by week (Monday to Sunday) instead of by day. */
export const DAILY_CHART_DAYS = 31;

export const PERIOD_KINDS = ['today', '7d', '30d', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const GROUPINGS = ['service', 'department', 'terminal'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const CASE_STATUSES = ['new', 'rectifying', 'rectified'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_FILTERS = ['open', 'overdue', 'all'] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

/** A period of whole days, both ends included, `YYYY-MM-DD` on the console's zone. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  zone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => dateOf(dayNumber(date) + n);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const isDate = (text: string | undefined): text is string =>
  text !== undefined && DATE.test(text) && !Number.isNaN(dayNumber(text)) && dateOf(dayNumber(text)) === text;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The period a query names (`period`, and `from`/`to` for custom); `fallback` when it names none. The
 * form sends the dates with every choice: dates that differ from the chosen preset's (staff changed them
 * and left the select) are read as a custom period, the preset's dates filling a side left empty.
 */
export function parsePeriod(
  query: { period?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: Date,
  zone: string,
  fallback: PeriodKind = '7d',
): Parsed<Period> {
  const today = localDate(now, zone);
  const presets: Record<Exclude<PeriodKind, 'custom'>, [string, string]> = {
    today: [today, today],
    '7d': [addDays(today, -6), today],
    '30d': [addDays(today, -29), today],
    month: [`${today.slice(0, 8)}01`, today],
  };
  const asked = query.period ?? (query.from || query.to ? 'custom' : fallback);
  let { from, to } = query;
  if (asked !== 'custom') {
    if (!Object.hasOwn(presets, asked))
      return { ok: false, reason: `period is one of ${PERIOD_KINDS.join(', ')}` };
    const [presetFrom, presetTo] = presets[asked as keyof typeof presets];
    from ||= presetFrom;
    to ||= presetTo;
    if (from === presetFrom && to === presetTo)
      return { ok: true, value: { kind: asked as PeriodKind, from, to, zone } };
  }
  if (!isDate(from) || !isDate(to))
    return { ok: false, reason: 'from and to must both be dates, YYYY-MM-DD' };
  if (from > to) return { ok: false, reason: `from (${from}) is after to (${to})` };
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS)
    return { ok: false, reason: `a period is at most ${MAX_PERIOD_DAYS} days` };
  return { ok: true, value: { kind: 'custom', from, to, zone } };
}

/** The zone most approved terminals report for their hall, or the default: the console's "today". */
export async function consoleZone(db: Queryable): Promise<string> {
  const rows = await db.query<{ zone: string | null; n: number }>(
    `SELECT latest_status #>> '{clock,hallTimeZone}' AS zone, count(*)::int AS n FROM terminals
     WHERE status = 'approved' GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  for (const row of rows) {
    const zone = knownZone(row.zone ?? undefined);
    if (zone) return zone;
  }
  return DEFAULT_TIME_ZONE;
}

export interface RatingCase {
  status: CaseStatus;
  dueDate: string;
  note: string;
  openedAt: Date;
  changedAt: Date | null;
  changedBy: string | null;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface RatingRecord {
  publicKey: string;
  ratingId: string;
  fingerprint: string;
  deviceId: string;
  place: string | null;
  /** The zone the terminal reads its hall's clock in. */
  zone: string;
  receivedAt: Date;
  at: Date;
  atText: string;
  /** The rating's date in its hall's zone. */
  date: string;
  hall: string;
  hallName: string;
  contentVersion: number;
  subject: RatingSubject;
  service: string | null;
  serviceName: string | null;
  serviceCode: string | null;
  department: string | null;
  departmentName: string | null;
  level: RatingLevel;
  /** Ids with the labels of the catalogue of the rating's hall and content version (the id when it has none). */
  reasons: { id: string; label: string }[];
  wrong: WrongPart[];
  locale: string | null;
  case: RatingCase | undefined;
}

type Json = unknown;
const json = (value: Json): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const time = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

interface RatingRow extends Record<string, unknown> {
  public_key: string;
  rating_id: string;
  received_at: Date | string;
  at: Date | string;
  at_text: string;
  hall: string;
  content_version: number | string;
  subject: RatingSubject;
  service: string | null;
  service_name: string | null;
  service_code: string | null;
  department: string | null;
  department_name: string | null;
  level: number;
  reasons: Json;
  wrong: Json;
  locale: string | null;
  fingerprint: string;
  device_id: string;
  place: string | null;
  zone: string | null;
  catalogue_reasons: Json;
  hall_name: string | null;
  case_status: CaseStatus | null;
  due_date: string | null;
  note: string | null;
  opened_at: Date | string | null;
  changed_at: Date | string | null;
  changed_by: string | null;
  closed_at: Date | string | null;
  closed_by: string | null;
}

const RATING_SELECT = `SELECT r.public_key, r.rating_id, r.received_at, r.at, r.at_text, r.hall, r.content_version,
  r.subject, r.service, r.service_name, r.service_code, r.department, r.department_name, r.level, r.reasons,
  r.wrong, r.locale, t.fingerprint, t.device_id, t.place, t.latest_status #>> '{clock,hallTimeZone}' AS zone,
  c.body -> 'reasons' AS catalogue_reasons, c.body ->> 'hallName' AS hall_name,
  k.status AS case_status, to_char(k.due_date, 'YYYY-MM-DD') AS due_date, k.note, k.opened_at, k.changed_at,
  k.changed_by, k.closed_at, k.closed_by
FROM ratings r
JOIN terminals t ON t.public_key = r.public_key
LEFT JOIN catalogues c ON c.hall = r.hall AND c.version = r.content_version
LEFT JOIN rating_cases k ON k.public_key = r.public_key AND k.rating_id = r.rating_id`;

function toRecord(row: RatingRow): RatingRecord {
  const zone = knownZone(row.zone ?? undefined) ?? DEFAULT_TIME_ZONE;
  const at = new Date(row.at);
  const labels = new Map<string, string>();
  const catalogue = json(row.catalogue_reasons);
  if (Array.isArray(catalogue)) {
    for (const reason of catalogue as { id?: unknown; label?: unknown }[]) {
      if (typeof reason?.id === 'string' && typeof reason.label === 'string')
        labels.set(reason.id, reason.label);
    }
  }
  const reasonIds = json(row.reasons);
  const wrong = json(row.wrong);
  return {
    publicKey: row.public_key,
    ratingId: row.rating_id,
    fingerprint: row.fingerprint,
    deviceId: row.device_id,
    place: row.place,
    zone,
    receivedAt: new Date(row.received_at),
    at,
    atText: row.at_text,
    date: localDate(at, zone),
    hall: row.hall,
    hallName: row.hall_name ?? row.hall,
    contentVersion: Number(row.content_version),
    subject: row.subject,
    service: row.service,
    serviceName: row.service_name,
    serviceCode: row.service_code,
    department: row.department,
    departmentName: row.department_name,
    level: row.level as RatingLevel,
    reasons: (Array.isArray(reasonIds) ? (reasonIds as string[]) : []).map((id) => ({
      id,
      label: labels.get(id) ?? id,
    })),
    wrong: (Array.isArray(wrong) ? (wrong as string[]) : []).filter((part): part is WrongPart =>
      (WRONG_PARTS as readonly string[]).includes(part),
    ),
    locale: row.locale,
    case:
      row.case_status === null
        ? undefined
        : {
            status: row.case_status,
            dueDate: row.due_date ?? '',
            note: row.note ?? '',
            openedAt: new Date(row.opened_at as string),
            changedAt: time(row.changed_at),
            changedBy: row.changed_by,
            closedAt: time(row.closed_at),
            closedBy: row.closed_by,
          },
  };
}

/**
 * The ratings of a period (and of one subject, when named), oldest first. The SQL reads the period
 * widened by the zones' offsets (at most 14 hours either way); each rating is then kept by its date in
 * its own hall's zone.
 */
export async function loadRatings(
  db: Queryable,
  period: Period,
  options: { subject?: RatingSubject | undefined; guideWrongOnly?: boolean } = {},
): Promise<RatingRecord[]> {
  const start = new Date(Date.parse(`${period.from}T00:00:00Z`) - 15 * 3_600_000).toISOString();
  const end = new Date(Date.parse(`${addDays(period.to, 1)}T00:00:00Z`) + 15 * 3_600_000).toISOString();
  const params: unknown[] = [start, end];
  let where = 'WHERE r.at >= $1 AND r.at < $2';
  if (options.subject) {
    params.push(options.subject);
    where += ` AND r.subject = $${params.length}`;
  }
  if (options.guideWrongOnly) {
    params.push(JSON.stringify([GUIDE_WRONG_REASON]));
    where += ` AND r.reasons @> $${params.length}::jsonb`;
  }
  const rows = await db.query<RatingRow>(
    `${RATING_SELECT} ${where} ORDER BY r.at, r.public_key, r.rating_id`,
    params,
  );
  return rows.map(toRecord).filter((r) => r.date >= period.from && r.date <= period.to);
}

export type LevelCounts = Record<RatingLevel, number>;
const noCounts = (): LevelCounts => ({ 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 });

export interface RatingGroup {
  key: string;
  name: string;
  /** 事项编码, hall, place: what tells two groups of one name apart. */
  detail: string;
  counts: LevelCounts;
  total: number;
}

export const satisfiedOf = (counts: LevelCounts) => counts[5] + counts[4] + counts[3];
export const poorOf = (counts: LevelCounts) => counts[2] + counts[1];

export interface GroupNames {
  noService: string;
  noDepartment: string;
}

/** Counts per group, the largest first (then by name). */
export function groupRatings(
  records: readonly RatingRecord[],
  by: Grouping,
  names: GroupNames,
): RatingGroup[] {
  const groups = new Map<string, RatingGroup>();
  for (const r of records) {
    let key: string;
    let name: string;
    let detail: string;
    if (by === 'service') {
      key = `${r.hall}\u0000${r.service ?? ''}`;
      name = r.serviceName ?? r.service ?? names.noService;
      detail = [r.serviceCode, r.hallName].filter(Boolean).join(' · ');
    } else if (by === 'department') {
      key = `${r.hall}\u0000${r.department ?? ''}`;
      name = r.departmentName ?? r.department ?? names.noDepartment;
      detail = r.hallName;
    } else {
      key = r.publicKey;
      name = r.deviceId;
      detail = [r.place, r.fingerprint.slice(0, 8)].filter(Boolean).join(' · ');
    }
    let group = groups.get(key);
    if (!group) {
      group = { key, name, detail, counts: noCounts(), total: 0 };
      groups.set(key, group);
    }
    group.counts[r.level] += 1;
    group.total += 1;
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
}

export function countLevels(records: readonly RatingRecord[]): LevelCounts {
  const counts = noCounts();
  for (const r of records) counts[r.level] += 1;
  return counts;
}

export interface TimeBucket {
  /** The first day of the bucket. */
  from: string;
  /** Its last day (the same as `from` for a day). */
  to: string;
  counts: LevelCounts;
}

/** Ratings per day of the period, or per week (Monday to Sunday, cut to the period) over 31 days. */
export function ratingsOverTime(records: readonly RatingRecord[], period: Period): TimeBucket[] {
  const days = daysBetween(period.from, period.to) + 1;
  const weekly = days > DAILY_CHART_DAYS;
  const buckets: TimeBucket[] = [];
  let from = period.from;
  while (from <= period.to) {
    // 1970-01-01 was a Thursday: day numbers + 3 count from a Monday.
    const to = weekly ? [addDays(from, 6 - ((dayNumber(from) + 3) % 7)), period.to].sort()[0]! : from;
    buckets.push({ from, to, counts: noCounts() });
    from = addDays(to, 1);
  }
  for (const r of records) {
    const bucket = buckets.find((b) => r.date >= b.from && r.date <= b.to);
    if (bucket) bucket.counts[r.level] += 1;
  }
  return buckets;
}

/** The refusals received in the period, per terminal and reason, and every terminal's dropped count. */
export interface RefusalSummary {
  total: number;
  byReason: { reason: string; count: number }[];
  terminals: { fingerprint: string; deviceId: string; place: string | null; count: number }[];
  dropped: { fingerprint: string; deviceId: string; place: string | null; count: number }[];
  droppedTotal: number;
}

export async function refusalSummary(db: Queryable, period: Period): Promise<RefusalSummary> {
  const start = new Date(Date.parse(`${period.from}T00:00:00Z`) - 15 * 3_600_000).toISOString();
  const end = new Date(Date.parse(`${addDays(period.to, 1)}T00:00:00Z`) + 15 * 3_600_000).toISOString();
  const rows = await db.query<{
    fingerprint: string;
    device_id: string;
    place: string | null;
    zone: string | null;
    reason: string;
    received_at: Date | string;
  }>(
    `SELECT t.fingerprint, t.device_id, t.place, t.latest_status #>> '{clock,hallTimeZone}' AS zone,
            f.reason, f.received_at
     FROM rating_refusals f JOIN terminals t ON t.public_key = f.public_key
     WHERE f.received_at >= $1 AND f.received_at < $2`,
    [start, end],
  );
  const byReason = new Map<string, number>();
  const terminals = new Map<string, RefusalSummary['terminals'][number]>();
  let total = 0;
  for (const row of rows) {
    const date = localDate(new Date(row.received_at), knownZone(row.zone ?? undefined) ?? DEFAULT_TIME_ZONE);
    if (date < period.from || date > period.to) continue;
    total += 1;
    byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + 1);
    const t = terminals.get(row.fingerprint) ?? {
      fingerprint: row.fingerprint,
      deviceId: row.device_id,
      place: row.place,
      count: 0,
    };
    t.count += 1;
    terminals.set(row.fingerprint, t);
  }
  const dropped = await db.query<{
    fingerprint: string;
    device_id: string;
    place: string | null;
    ratings_dropped: number | string;
  }>(
    `SELECT fingerprint, device_id, place, ratings_dropped FROM terminals WHERE ratings_dropped > 0
     ORDER BY ratings_dropped DESC, device_id`,
  );
  const order = (r: string) => {
    const i = (RATING_REFUSALS as readonly string[]).indexOf(r);
    return i < 0 ? RATING_REFUSALS.length : i;
  };
  return {
    total,
    byReason: [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => order(a.reason) - order(b.reason)),
    terminals: [...terminals.values()].sort((a, b) => b.count - a.count),
    dropped: dropped.map((d) => ({
      fingerprint: d.fingerprint,
      deviceId: d.device_id,
      place: d.place,
      count: Number(d.ratings_dropped),
    })),
    droppedTotal: dropped.reduce((n, d) => n + Number(d.ratings_dropped), 0),
  };
}

/** One terminal's latest ratings, its refusals (the latest 50) and its dropped count, for its page. */
export interface TerminalRatingTrouble {
  refused: number;
  dropped: number;
  /** Its latest 20 stored ratings, the newest first. */
  recent: RatingRecord[];
  latest: { ratingId: string; receivedAt: Date; reason: string; message: string }[];
}

export async function terminalRatingTrouble(
  db: Queryable,
  publicKey: string,
): Promise<TerminalRatingTrouble> {
  const [head] = await db.query<{ refused: number; dropped: number | string }>(
    `SELECT (SELECT count(*)::int FROM rating_refusals WHERE public_key = $1) AS refused,
            ratings_dropped AS dropped FROM terminals WHERE public_key = $1`,
    [publicKey],
  );
  const latest = await db.query<{
    rating_id: string;
    received_at: Date | string;
    reason: string;
    message: string;
  }>(
    `SELECT rating_id, received_at, reason, message FROM rating_refusals WHERE public_key = $1
     ORDER BY received_at DESC, id DESC LIMIT 50`,
    [publicKey],
  );
  const recent = await db.query<RatingRow>(
    `${RATING_SELECT} WHERE r.public_key = $1 ORDER BY r.at DESC, r.rating_id LIMIT 20`,
    [publicKey],
  );
  return {
    recent: recent.map(toRecord),
    refused: head?.refused ?? 0,
    dropped: Number(head?.dropped ?? 0),
    latest: latest.map((l) => ({
      ratingId: l.rating_id,
      receivedAt: new Date(l.received_at),
      reason: l.reason,
      message: l.message,
    })),
  };
}

/** A case as listed: its rating, and how late it is on its hall's today (0 when it is not). */
export interface CaseLine {
  rating: RatingRecord;
  case: RatingCase;
  /** Calendar days past the due date, on the hall's today; 0 when not overdue (or rectified). */
  overdueDays: number;
}

export const CASE_LIST_LIMIT = 1000;

function caseLine(rating: RatingRecord, now: Date): CaseLine {
  const c = rating.case!;
  const today = localDate(now, rating.zone);
  const late = c.status !== 'rectified' && c.dueDate < today ? daysBetween(c.dueDate, today) : 0;
  return { rating, case: c, overdueDays: late };
}

/**
 * The cases a filter shows (at most CASE_LIST_LIMIT) and how many match in all: open and overdue ones the
 * earliest due first, all of them the latest opened first. Overdue is read on each hall's today; the SQL
 * keeps only due dates before the latest today anywhere on Earth (UTC+14), then each is checked.
 */
export async function listCases(
  db: Queryable,
  filter: CaseFilter,
  now: Date,
): Promise<{ lines: CaseLine[]; total: number }> {
  const caseSelect = RATING_SELECT.replace('LEFT JOIN rating_cases k', 'JOIN rating_cases k');
  if (filter === 'overdue') {
    const latestToday = localDate(now, 'Etc/GMT-14');
    const rows = await db.query<RatingRow>(
      `${caseSelect} WHERE k.status <> 'rectified' AND k.due_date < $1::date
       ORDER BY k.due_date, r.at, r.public_key, r.rating_id`,
      [latestToday],
    );
    const lines = rows.map((row) => caseLine(toRecord(row), now)).filter((line) => line.overdueDays > 0);
    return { lines: lines.slice(0, CASE_LIST_LIMIT), total: lines.length };
  }
  const where = filter === 'open' ? `WHERE k.status <> 'rectified'` : '';
  const order =
    filter === 'open'
      ? 'k.due_date, r.at, r.public_key, r.rating_id'
      : 'k.opened_at DESC, r.public_key, r.rating_id';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rating_cases k ${where}`);
  const rows = await db.query<RatingRow>(`${caseSelect} ${where} ORDER BY ${order} LIMIT ${CASE_LIST_LIMIT}`);
  return { lines: rows.map((row) => caseLine(toRecord(row), now)), total: count?.n ?? rows.length };
}

export async function findCase(
  db: Queryable,
  fingerprint: string,
  ratingId: string,
  now: Date,
): Promise<CaseLine | undefined> {
  const [row] = await db.query<RatingRow>(
    `${RATING_SELECT.replace('LEFT JOIN rating_cases k', 'JOIN rating_cases k')}
     WHERE t.fingerprint = $1 AND r.rating_id = $2`,
    [fingerprint, ratingId],
  );
  return row ? caseLine(toRecord(row), now) : undefined;
}

export const MAX_NOTE = 2000;

export type CaseChange =
  | { ok: true }
  | {
      ok: false;
      code: 400 | 404 | 409;
      reason: 'not-found' | 'bad-status' | 'note-needed' | 'changed' | 'same';
    };

/**
 * Moves a case: to `rectifying` (from new, or back from rectified when it is reopened) or to
 * `rectified` (a note is required). `from` is the status the form showed: a case someone else changed
 * meanwhile is not overwritten (409). The note replaces the last one when given.
 */
export async function changeCase(
  db: FleetDb,
  change: {
    fingerprint: string;
    ratingId: string;
    from: string;
    to: string;
    note: string;
    by: string;
    now: Date;
  },
): Promise<CaseChange> {
  const to = CASE_STATUSES.find((s) => s === change.to && s !== 'new');
  const from = CASE_STATUSES.find((s) => s === change.from);
  if (!to || !from) return { ok: false, code: 400, reason: 'bad-status' };
  const note = change.note.trim();
  if (to === 'rectified' && note === '') return { ok: false, code: 400, reason: 'note-needed' };
  if (to === from && to === 'rectified') return { ok: false, code: 400, reason: 'same' };
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ public_key: string; status: CaseStatus }>(
      `SELECT k.public_key, k.status FROM rating_cases k JOIN terminals t ON t.public_key = k.public_key
       WHERE t.fingerprint = $1 AND k.rating_id = $2 FOR UPDATE OF k`,
      [change.fingerprint, change.ratingId],
    );
    if (!found) return { ok: false, code: 404, reason: 'not-found' } as const;
    if (found.status !== from) return { ok: false, code: 409, reason: 'changed' } as const;
    const at = change.now.toISOString();
    await tx.query(
      `UPDATE rating_cases SET status = $3, note = CASE WHEN $4 = '' THEN note ELSE $4 END,
         changed_at = $5, changed_by = $6,
         closed_at = CASE WHEN $3 = 'rectified' THEN $5::timestamptz ELSE NULL END,
         closed_by = CASE WHEN $3 = 'rectified' THEN $6 ELSE NULL END
       WHERE public_key = $1 AND rating_id = $2`,
      [found.public_key, change.ratingId, to, note, at, change.by],
    );
    return { ok: true } as const;
  });
}

/** Per service (of a hall), the ratings that named 指南有误, what part they named, and when last. */
export interface GuideErrorLine {
  hall: string;
  hallName: string;
  service: string | null;
  serviceName: string | null;
  serviceCode: string | null;
  departmentName: string | null;
  total: number;
  parts: Record<WrongPart, number>;
  /** Named 指南有误 without saying which part. */
  unnamed: number;
  latest: string;
  latestContentVersion: number;
}

export function guideErrors(records: readonly RatingRecord[]): GuideErrorLine[] {
  const lines = new Map<string, GuideErrorLine>();
  for (const r of records) {
    if (!r.reasons.some((reason) => reason.id === GUIDE_WRONG_REASON)) continue;
    const key = `${r.hall}\u0000${r.service ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        hall: r.hall,
        hallName: r.hallName,
        service: r.service,
        serviceName: r.serviceName,
        serviceCode: r.serviceCode,
        departmentName: r.departmentName,
        total: 0,
        parts: { materials: 0, window: 0, time: 0, fee: 0, steps: 0 },
        unnamed: 0,
        latest: r.date,
        latestContentVersion: r.contentVersion,
      };
      lines.set(key, line);
    }
    line.total += 1;
    for (const part of new Set(r.wrong)) line.parts[part] += 1;
    if (r.wrong.length === 0) line.unnamed += 1;
    if (r.date >= line.latest) {
      // The names as the latest rating's content has them (its catalogue may be the only one stored).
      line.latest = r.date;
      line.latestContentVersion = r.contentVersion;
      line.hallName = r.hallName;
      line.serviceName = r.serviceName ?? line.serviceName;
      line.serviceCode = r.serviceCode ?? line.serviceCode;
      line.departmentName = r.departmentName ?? line.departmentName;
    }
  }
  return [...lines.values()].sort((a, b) => b.total - a.total || (a.latest > b.latest ? -1 : 1));
}

/** The export's columns, in order: the JSON key and the CSV header (docs/ratings-export.md). */
export const EXPORT_COLUMNS = [
  ['id', '评价编号'],
  ['ratedAt', '评价时间'],
  ['receivedAt', '接收时间'],
  ['hall', '大厅'],
  ['serviceCode', '事项编码'],
  ['serviceName', '事项名称'],
  ['department', '部门'],
  ['subject', '评价对象'],
  ['level', '评价等级'],
  ['levelName', '等级名称'],
  ['reasons', '差评原因'],
  ['wrongParts', '指南有误部分'],
  ['terminal', '终端'],
  ['contentVersion', '内容版本'],
  ['locale', '语言'],
  ['caseStatus', '整改状态'],
  ['caseDue', '整改期限'],
  ['caseNote', '整改说明'],
] as const;
export type ExportKey = (typeof EXPORT_COLUMNS)[number][0];
export type ExportRow = Record<ExportKey, string | number>;

export const SUBJECT_NAMES: Record<RatingSubject, string> = { guide: '办事指南', hall: '本次服务' };
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  new: '待处理',
  rectifying: '整改中',
  rectified: '已整改',
};

/** A rating's number in the export and on its case page: the terminal's fingerprint (8 hex) and its id. */
export const ratingNumber = (r: { fingerprint: string; ratingId: string }) =>
  `${r.fingerprint.slice(0, 8)}-${r.ratingId}`;

export function exportRow(r: RatingRecord): ExportRow {
  return {
    id: ratingNumber(r),
    ratedAt: r.atText,
    receivedAt: r.receivedAt.toISOString(),
    hall: r.hallName,
    serviceCode: r.serviceCode ?? '',
    serviceName: r.serviceName ?? '',
    department: r.departmentName ?? r.department ?? '',
    subject: SUBJECT_NAMES[r.subject],
    level: r.level,
    levelName: RATING_LEVEL_NAMES[r.level]['zh-CN'],
    reasons: r.reasons.map((reason) => reason.label).join('；'),
    wrongParts: r.wrong.map((part) => WRONG_PART_NAMES[part]['zh-CN']).join('；'),
    terminal: r.deviceId,
    contentVersion: r.contentVersion,
    locale: r.locale ?? '',
    caseStatus: r.case ? CASE_STATUS_NAMES[r.case.status] : '',
    caseDue: r.case?.dueDate ?? '',
    caseNote: r.case?.note ?? '',
  };
}

/** One CSV cell (RFC 4180), with a leading = + - @ (or tab, CR) made text with ' against formula injection. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export as CSV: UTF-8 with a BOM (so spreadsheets read the Chinese), CRLF, a Chinese header row. */
export function exportCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map(([, name]) => csvCell(name)).join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map(([key]) => csvCell(row[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export { isPoorRating, RATING_LEVELS };
