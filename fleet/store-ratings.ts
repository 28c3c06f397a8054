/**
 * The ratings (好差评) of a report being stored, checked one by one as docs/ratings.md says: a duplicate
 * (key, id) is not stored again; an unknown content, service or reason, a time too far ahead, or a flood
 * is refused, with a message for staff; every other rating is stored with its catalogue's names, and a
 * 差评 opens a case due some working days later. One read before the report's own statement, and the
 * writes as parts of that statement (store-report.ts): a report with ratings costs one round trip more.
 */
import { DEFAULT_TIME_ZONE, isTimeZone, wallClock } from '../content/hall-time.ts';
import { isPoorRating } from '../content/ratings.ts';
import type { FleetDb, Queryable } from './db.ts';
import type { Catalogue, Rating, RatingRefusal, RatingsAnswer, ReportPayload } from './protocol.ts';
import { addWorkingDays, PLAIN_CALENDAR, type WorkingCalendar } from './working-days.ts';

/** How a 差评's case is due: `dueWorkingDays` working days after the day the service received it. */
export interface CaseRules {
  dueWorkingDays: number;
  calendar: WorkingCalendar;
}

export const DEFAULT_CASE_RULES: CaseRules = { dueWorkingDays: 15, calendar: PLAIN_CALENDAR };

/** The most ratings one key may have in one hour of their own times; more are refused as a flood. */
export const RATINGS_PER_HOUR = 60;
/** How far ahead of the service's clock a rating's time may be (a terminal's clock a little fast). */
export const FUTURE_MARGIN_MS = 24 * 3_600_000;
const HOUR_MS = 3_600_000;
/** The earliest rating time stored: 1970-01-01 UTC. */
const EARLIEST_MS = 0;

// The rules `npm run fleet` was started with, for the database its app serves: staff approving a key in
// the console store its pending ratings under the same rules as the report endpoint (app.ts sets them).
const rulesByDb = new WeakMap<FleetDb, CaseRules>();
export const setCaseRules = (db: FleetDb, rules: CaseRules): void => void rulesByDb.set(db, rules);
export const caseRulesFor = (db: FleetDb): CaseRules => rulesByDb.get(db) ?? DEFAULT_CASE_RULES;

/** What to write for a report's ratings, decided before its statement runs. */
export interface RatingsPlan {
  /** For the 200 answer; undefined when the report carried no ratings. */
  answer: RatingsAnswer | undefined;
  catalogues: Catalogue[];
  ratings: RatingRow[];
  /** Ids of stored ratings of level 1 or 2: each opens a case due on `dueDate`. */
  cases: string[];
  dueDate: string;
  refusals: RatingRefusal[];
  dropped: number;
}

interface RatingRow {
  public_key: string;
  rating_id: string;
  seq: number;
  received_at: string;
  at: string;
  at_text: string;
  hall: string;
  content_version: number;
  subject: Rating['subject'];
  service: string | null;
  service_name: string | null;
  service_code: string | null;
  department: string | null;
  department_name: string | null;
  level: number;
  reasons: string[];
  wrong: string[] | null;
  locale: string | null;
}

const catalogueKey = (hall: string, version: number) => `${hall} ${version}`;
const hourOf = (at: string) => Math.floor(Date.parse(at) / HOUR_MS);

/** The hall's zone the report names, or the default (Beijing time) when it names none this engine knows. */
function zoneOf(payload: ReportPayload): string {
  const zone = payload.status.clock.hallTimeZone;
  return isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** `2026-12-04 10:00` in `zone`, for a message staff read. */
function wallText(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.date} ${two(w.hour)}:${two(w.minute)}`;
}

interface Seen extends Record<string, unknown> {
  seen: string[];
  catalogues: Catalogue[];
  hours: Record<string, number>;
}

/**
 * Decides what becomes of each rating of `payload` (a report newly stored from `publicKey` at `now`),
 * reading what is stored already in one query.
 */
export async function planRatings(
  tx: Queryable,
  publicKey: string,
  payload: ReportPayload,
  now: Date,
  rules: CaseRules,
): Promise<RatingsPlan> {
  const zone = zoneOf(payload);
  const receivedAt = now.toISOString();
  // The first copy of a (hall, version) in the report is the one kept, as the first stored is.
  const sent = new Map<string, Catalogue>();
  for (const c of payload.catalogues ?? []) {
    const key = catalogueKey(c.hall, c.version);
    if (!sent.has(key)) sent.set(key, c);
  }
  const plan: RatingsPlan = {
    answer: undefined,
    catalogues: [...sent.values()],
    ratings: [],
    cases: [],
    dueDate: addWorkingDays(wallClock(now, zone).date, rules.dueWorkingDays, rules.calendar),
    refusals: [],
    dropped: payload.dropped.ratings ?? 0,
  };
  const ratings = payload.ratings ?? [];
  if (ratings.length === 0) return plan;

  const named = [...new Map(ratings.map((r) => [catalogueKey(r.hall, r.contentVersion), r])).values()];
  // The hours whose counts matter: those of ratings not refused as future or clock (whose hours may be
  // past what a date can be), or the present hour when there are none.
  const latest = now.getTime() + FUTURE_MARGIN_MS;
  const countable = ratings
    .filter((r) => Date.parse(r.at) <= latest && Date.parse(r.at) >= EARLIEST_MS)
    .map((r) => hourOf(r.at));
  const hours = [...new Set(countable.length > 0 ? countable : [hourOf(receivedAt)])];
  const [seen] = await tx.query<Seen>(
    `SELECT
       (SELECT coalesce(jsonb_agg(rating_id), '[]'::jsonb) FROM ratings
         WHERE public_key = $1 AND rating_id IN (SELECT jsonb_array_elements_text($2::jsonb))) AS seen,
       (SELECT coalesce(jsonb_agg(c.body), '[]'::jsonb) FROM catalogues c
         JOIN jsonb_to_recordset($3::jsonb) AS w(hall text, version bigint)
           ON c.hall = w.hall AND c.version = w.version) AS catalogues,
       (SELECT coalesce(jsonb_object_agg(hour, n), '{}'::jsonb) FROM (
          SELECT floor(extract(epoch FROM at) / 3600)::bigint AS hour, count(*)::int AS n FROM ratings
          WHERE public_key = $1 AND at >= $5 AND at < $6
            AND floor(extract(epoch FROM at) / 3600)::bigint IN (SELECT jsonb_array_elements_text($4::jsonb)::bigint)
          GROUP BY 1) AS h) AS hours`,
    [
      publicKey,
      JSON.stringify(ratings.map((r) => r.id)),
      JSON.stringify(named.map((r) => ({ hall: r.hall, version: r.contentVersion }))),
      JSON.stringify(hours),
      new Date(Math.min(...hours) * HOUR_MS).toISOString(),
      new Date((Math.max(...hours) + 1) * HOUR_MS).toISOString(),
    ],
  );
  const taken = new Set(seen?.seen ?? []);
  // A stored catalogue comes before the report's: ratings of one version are filed under one naming.
  const catalogues = new Map(sent);
  for (const c of seen?.catalogues ?? []) catalogues.set(catalogueKey(c.hall, c.version), c);
  const perHour = new Map(Object.entries(seen?.hours ?? {}).map(([hour, n]) => [Number(hour), Number(n)]));

  let duplicate = 0;
  for (const rating of ratings) {
    if (taken.has(rating.id)) {
      duplicate += 1;
      continue;
    }
    const refuse = (reason: RatingRefusal['reason'], message: string) => {
      plan.refusals.push({ id: rating.id, reason, message });
    };
    const where = `大厅 ${rating.hall} 第 ${rating.contentVersion} 版`;
    const catalogue = catalogues.get(catalogueKey(rating.hall, rating.contentVersion));
    if (!catalogue) {
      refuse(
        'unknown-content',
        `评价所指的内容（${where}）没有目录：报告没有带上该版本的目录，服务端也没有存过，无法知道评的是什么`,
      );
      continue;
    }
    const service = rating.service ? catalogue.services.find((s) => s.id === rating.service) : undefined;
    if (rating.service && !service) {
      refuse('unknown-service', `评价所指的事项 ${rating.service} 不在${where}的内容中`);
      continue;
    }
    const unknownReasons = rating.reasons.filter((id) => !catalogue.reasons.some((r) => r.id === id));
    if (unknownReasons.length > 0) {
      refuse('unknown-reason', `评价的原因 ${unknownReasons.join('、')} 不在${where}提供的原因中`);
      continue;
    }
    const at = Date.parse(rating.at);
    if (at > latest) {
      refuse(
        'future',
        `评价时间 ${wallText(at, zone)} 比服务端时间 ${wallText(now.getTime(), zone)} 晚 24 小时以上：终端的时钟可能不准`,
      );
      continue;
    }
    if (at < EARLIEST_MS) {
      // A clock that lost its battery says 1970 or 2000 (stored); before 1970 no clock is right, and
      // PostgreSQL cannot store the year 0000 JavaScript reads: refused, never a failed report.
      refuse('clock', `评价时间 ${rating.at} 早于 1970 年：终端的时钟不可信，这条评价无法按时间归档`);
      continue;
    }
    const hour = hourOf(rating.at);
    const inHour = perHour.get(hour) ?? 0;
    if (inHour >= RATINGS_PER_HOUR) {
      refuse(
        'flood',
        `这台终端在 ${wallText(hour * HOUR_MS, zone)} 起的一小时内已有 ${RATINGS_PER_HOUR} 条评价，再多不像真实的评价，不再存`,
      );
      continue;
    }
    perHour.set(hour, inHour + 1);
    // Taken now: the same id twice in one report is stored once.
    taken.add(rating.id);
    const department = service ? catalogue.departments.find((d) => d.id === service.department) : undefined;
    plan.ratings.push({
      public_key: publicKey,
      rating_id: rating.id,
      seq: payload.seq,
      received_at: receivedAt,
      // Normalised: any spelling Date reads is stored as the same instant; the terminal's text is kept.
      at: new Date(at).toISOString(),
      at_text: rating.at,
      hall: rating.hall,
      content_version: rating.contentVersion,
      subject: rating.subject,
      service: rating.service ?? null,
      service_name: service?.name ?? null,
      service_code: service?.code ?? null,
      department: service?.department ?? null,
      department_name: department?.name ?? null,
      level: rating.level,
      reasons: rating.reasons,
      wrong: rating.wrong ?? null,
      locale: rating.locale ?? null,
    });
    if (isPoorRating(rating.level)) plan.cases.push(rating.id);
  }
  plan.answer = { stored: plan.ratings.length, duplicate, refused: plan.refusals };
  return plan;
}

/**
 * The plan's writes as parts (`WITH` items) of the report's statement, whose `$1` is the key, `$2`
 * the seq and `$3` the time received; their parameters are appended to `params`.
 */
export function ratingsWrites(plan: RatingsPlan, params: unknown[]): string[] {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const writes: string[] = [];
  if (plan.catalogues.length > 0) {
    writes.push(`catalogue AS (
       INSERT INTO catalogues (hall, version, received_at, body)
       SELECT c->>'hall', (c->>'version')::bigint, $3, c FROM jsonb_array_elements(${param(JSON.stringify(plan.catalogues))}::jsonb) AS c
       ON CONFLICT (hall, version) DO NOTHING
     )`);
  }
  if (plan.ratings.length > 0) {
    writes.push(`rating AS (
       INSERT INTO ratings SELECT * FROM jsonb_populate_recordset(NULL::ratings, ${param(JSON.stringify(plan.ratings))}::jsonb)
     )`);
  }
  if (plan.cases.length > 0) {
    // The case's rating is inserted by the item above in this same statement: the foreign key is
    // checked at the statement's end, when it is there.
    writes.push(`rating_case AS (
       INSERT INTO rating_cases (public_key, rating_id, opened_at, due_date)
       SELECT $1, id, $3, ${param(plan.dueDate)}::date FROM jsonb_array_elements_text(${param(JSON.stringify(plan.cases))}::jsonb) AS id
     )`);
  }
  if (plan.refusals.length > 0) {
    writes.push(`rating_refusal AS (
       INSERT INTO rating_refusals (public_key, rating_id, seq, received_at, reason, message)
       SELECT $1, r.id, $2, $3, r.reason, r.message
       FROM jsonb_to_recordset(${param(JSON.stringify(plan.refusals))}::jsonb) AS r(id text, reason text, message text)
     )`);
  }
  return writes;
}

/**
 * The answer to a resend of a stored report that carried ratings: none stored now, the refusals recorded
 * when it was first stored (its answer may be the one that was lost), the rest duplicates.
 */
export async function resentRatings(
  tx: Queryable,
  publicKey: string,
  payload: ReportPayload,
): Promise<RatingsAnswer | undefined> {
  const ratings = payload.ratings ?? [];
  if (ratings.length === 0) return undefined;
  const refused = await tx.query<{ id: string; reason: RatingRefusal['reason']; message: string }>(
    'SELECT rating_id AS id, reason, message FROM rating_refusals WHERE public_key = $1 AND seq = $2 ORDER BY rating_refusals.id',
    [publicKey, payload.seq],
  );
  return { stored: 0, duplicate: ratings.length - refused.length, refused };
}
