/**
 * 好差评 as terminals' reports carry them (docs/ratings.md, "At the service"), on every backend of
 * testBackends(): each rating stored once with its case, or refused with a reason staff can read, and
 * nothing of an unsigned, replayed or malformed report stored. Each test makes its own terminal.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from './app.ts';
import { approveTerminal } from './console-actions.ts';
import type { FleetDb } from './db.ts';
import type { Rating, ReportEnvelope } from './protocol.ts';
import { type TestDatabase, testBackends } from './testing/backends.ts';
import { makeTestTerminal, type TestTerminal, testCatalogue, testRating } from './testing/test-terminal.ts';

/** Monday 2026-03-02, 17:31 in Beijing. */
const NOW = new Date('2026-03-02T09:31:00.000Z');
/** Thursday 2026-03-05 is a holiday in this service's --holidays: 15 working days from Monday is the 24th, not the 23rd. */
const CASES = {
  dueWorkingDays: 15,
  calendar: { holidays: new Set(['2026-03-05']), workdays: new Set<string>() },
};
const DUE = '2026-03-24';

describe.each(testBackends())('ratings in reports on $name', (backend) => {
  let database: TestDatabase;
  let db: FleetDb;
  let app: FastifyInstance;
  let clock = NOW;

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    app = buildFleetApp({ db, now: () => clock, cases: CASES });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = async (body: ReportEnvelope) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: body });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  const approved = async () => {
    const terminal = await makeTestTerminal();
    await post(await terminal.report(1));
    expect(await approveTerminal(db, { fingerprint: terminal.fingerprint, by: 'wang.li', now: NOW })).toEqual(
      {
        ok: true,
        value: { moved: 1 },
      },
    );
    return terminal;
  };
  /** A report of `ratings` and the test hall's catalogue. */
  const withRatings = (
    terminal: TestTerminal,
    seq: number,
    ratings: Rating[],
    catalogues = [testCatalogue()],
  ) => terminal.report(seq, { ratings, catalogues });
  const stored = async (terminal: TestTerminal) =>
    db.query<{ rating_id: string; level: number; seq: string | number }>(
      'SELECT rating_id, level, seq FROM ratings WHERE public_key = $1 ORDER BY at, rating_id',
      [terminal.publicKey],
    );
  const cases = async (terminal: TestTerminal) =>
    db.query<{ rating_id: string; status: string; due_date: string; opened_at: Date | string }>(
      'SELECT rating_id, status, due_date::text AS due_date, opened_at FROM rating_cases WHERE public_key = $1 ORDER BY rating_id',
      [terminal.publicKey],
    );
  const refusals = async (terminal: TestTerminal) =>
    db.query<{ rating_id: string; reason: string; message: string; seq: string | number }>(
      'SELECT rating_id, reason, message, seq FROM rating_refusals WHERE public_key = $1 ORDER BY id',
      [terminal.publicKey],
    );
  const count = async (table: string, terminal: TestTerminal) =>
    (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE public_key = $1`, [
        terminal.publicKey,
      ])
    )[0]?.n;

  it("a 不满意 with two reasons is stored once with the guide's names, and opens a case due 15 working days later", async () => {
    const terminal = await approved();
    const rating = testRating({
      level: 2,
      reasons: ['guide-wrong', 'waiting'],
      wrong: ['materials', 'fee'],
      at: '2026-03-02T17:20:00+08:00',
    });
    const answer = await post(await withRatings(terminal, 2, [rating]));
    expect(answer).toEqual({
      status: 200,
      body: { ack: 2, duplicate: false, commands: [], ratings: { stored: 1, duplicate: 0, refused: [] } },
    });
    const rows = await db.query(
      `SELECT rating_id, seq::int AS seq, at, at_text, hall, content_version::text AS content_version, subject,
         service, service_name, service_code, department, department_name, level, reasons, wrong, locale
       FROM ratings WHERE public_key = $1`,
      [terminal.publicKey],
    );
    expect(rows).toEqual([
      {
        rating_id: rating.id,
        seq: 2,
        at: new Date('2026-03-02T09:20:00.000Z'),
        at_text: '2026-03-02T17:20:00+08:00',
        hall: 'north-hall',
        content_version: '20260301120000',
        subject: 'guide',
        service: 'passport',
        service_name: '普通护照签发',
        service_code: '11100000MB0143028Q4000117002000',
        department: 'police',
        department_name: '出入境管理',
        level: 2,
        reasons: ['guide-wrong', 'waiting'],
        wrong: ['materials', 'fee'],
        locale: 'zh-CN',
      },
    ]);
    const [opened] = await cases(terminal);
    expect(opened).toMatchObject({ rating_id: rating.id, status: 'new', due_date: DUE });
    expect(new Date(opened?.opened_at ?? 0).toISOString()).toBe(NOW.toISOString());
    const [catalogue] = await db.query<{ body: unknown }>(
      "SELECT body FROM catalogues WHERE hall = 'north-hall' AND version = $1",
      [rating.contentVersion],
    );
    expect(catalogue?.body).toEqual(testCatalogue());
  });

  it('only 差评 open cases; a hall rating without a guide is stored without one', async () => {
    const terminal = await approved();
    const ratings = [
      testRating({ level: 5 }),
      testRating({ level: 3 }),
      testRating({ level: 1, reasons: ['attitude'] }),
      testRating({ subject: 'hall', service: undefined, level: 4 }),
    ];
    expect((await post(await withRatings(terminal, 2, ratings))).body.ratings).toEqual({
      stored: 4,
      duplicate: 0,
      refused: [],
    });
    expect((await cases(terminal)).map((c) => c.rating_id)).toEqual([ratings[2]?.id]);
    const [hall] = await db.query(
      'SELECT service, service_name, department_name FROM ratings WHERE rating_id = $1',
      [ratings[3]?.id],
    );
    expect(hall).toEqual({ service: null, service_name: null, department_name: null });
  });

  it('the same report sent again is answered duplicate and stored once; the same rating in a new report is not counted twice', async () => {
    const terminal = await approved();
    const poor = testRating({ level: 1, reasons: ['other'] });
    const unknown = testRating({ service: 'fishing-licence' });
    const report = await withRatings(terminal, 2, [poor, unknown]);
    const first = await post(report);
    expect(first.body.ratings).toMatchObject({ stored: 1, duplicate: 0, refused: [{ id: unknown.id }] });
    // The answer was lost: the resend stores nothing more and says again what was refused.
    expect(await post(report)).toEqual({
      status: 200,
      body: {
        ack: 2,
        duplicate: true,
        commands: [],
        ratings: first.body.ratings && { ...first.body.ratings, stored: 0, duplicate: 1 },
      },
    });
    // A reset outbox, or a rating queued twice: the same id in a later report.
    const again = await post(await withRatings(terminal, 3, [poor, testRating()]));
    expect(again.body.ratings).toEqual({ stored: 1, duplicate: 1, refused: [] });
    // The same id twice in one report.
    const twice = testRating();
    expect((await post(await withRatings(terminal, 4, [twice, twice]))).body.ratings).toEqual({
      stored: 1,
      duplicate: 1,
      refused: [],
    });
    expect(await stored(terminal)).toHaveLength(3);
    expect(await cases(terminal)).toHaveLength(1);
    expect(await refusals(terminal)).toHaveLength(1);
  });

  it('an unsigned or wrongly signed report with ratings is 401 and stores none of them', async () => {
    const terminal = await approved();
    const good = await withRatings(terminal, 2, [testRating({ level: 1, reasons: ['other'] })]);
    const other = await makeTestTerminal();
    for (const body of [
      { ...good, signature: btoa('\0'.repeat(64)) },
      { ...good, signature: (await other.sign(good.payload)).signature },
    ]) {
      expect((await post(body)).status).toBe(401);
    }
    expect(await count('ratings', terminal)).toBe(0);
    expect(await count('rating_cases', terminal)).toBe(0);
    expect(await count('reports', terminal)).toBe(1);
  });

  it('a replayed seq is 409 and stores none of its ratings', async () => {
    const terminal = await approved();
    const kept = testRating();
    await post(await withRatings(terminal, 2, [kept]));
    const rewritten = await post(
      await withRatings(terminal, 2, [testRating({ level: 1, reasons: ['other'] })]),
    );
    expect(rewritten.status).toBe(409);
    const below = await post(await withRatings(terminal, 1, [testRating()]));
    expect(below.status).toBe(409);
    expect((await stored(terminal)).map((r) => r.rating_id)).toEqual([kept.id]);
    expect(await count('rating_cases', terminal)).toBe(0);
  });

  it.each([
    ['level 0', { level: 0 }, 'payload.ratings.0.level: should be 1 to 5'],
    ['level 6', { level: 6 }, 'payload.ratings.0.level: should be 1 to 5'],
    ['reasons on a 满意', { level: 4, reasons: ['waiting'] }, 'only levels 1 and 2 carry reasons'],
  ])('a rating of %s makes the report a 400, and nothing of it is stored', async (_case, changes, words) => {
    const terminal = await approved();
    const answer = await post(
      await terminal.sign(
        JSON.stringify({
          ...terminal.payload(2),
          ratings: [testRating(), { ...testRating(), ...changes }],
          catalogues: [testCatalogue()],
        }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(String(answer.body.error)).toContain(words.replace('ratings.0', 'ratings.1'));
    expect(await count('ratings', terminal)).toBe(0);
    expect(await count('reports', terminal)).toBe(1);
  });

  it('ratings of an unknown content, guide or reason are refused one by one, listed, and kept for staff; the report is stored', async () => {
    const terminal = await approved();
    const good = testRating();
    const noCatalogue = testRating({ contentVersion: 20250101000000 });
    const noService = testRating({ service: 'fishing-licence' });
    const noReason = testRating({ level: 2, reasons: ['waiting', 'rude-guard'] });
    const noHallService = testRating({ subject: 'hall', service: 'fishing-licence' });
    const answer = await post(
      await withRatings(terminal, 2, [good, noCatalogue, noService, noReason, noHallService]),
    );
    expect(answer.status).toBe(200);
    const expected = [
      {
        id: noCatalogue.id,
        reason: 'unknown-content',
        message: expect.stringContaining('大厅 north-hall 第 20250101000000 版'),
      },
      {
        id: noService.id,
        reason: 'unknown-service',
        message: '评价所指的事项 fishing-licence 不在大厅 north-hall 第 20260301120000 版的内容中',
      },
      {
        id: noReason.id,
        reason: 'unknown-reason',
        message: '评价的原因 rude-guard 不在大厅 north-hall 第 20260301120000 版提供的原因中',
      },
      {
        id: noHallService.id,
        reason: 'unknown-service',
        message: expect.stringContaining('fishing-licence'),
      },
    ];
    expect(answer.body.ratings).toEqual({ stored: 1, duplicate: 0, refused: expected });
    expect(await refusals(terminal)).toEqual(
      expected.map(({ id, reason, message }) => ({ rating_id: id, reason, message, seq: expect.anything() })),
    );
    expect((await stored(terminal)).map((r) => r.rating_id)).toEqual([good.id]);
    expect(await count('rating_cases', terminal)).toBe(0);
    expect(await count('reports', terminal)).toBe(2);
  });

  it('a catalogue stored once serves later reports that send none, and the first one stored is the one kept', async () => {
    const terminal = await approved();
    const version = 20260302080000;
    const renamed = testCatalogue({
      version,
      services: [{ id: 'passport', name: '护照（改名后）', department: 'police' }],
    });
    await post(
      await withRatings(terminal, 2, [testRating({ contentVersion: version })], [testCatalogue({ version })]),
    );
    const later = testRating({ contentVersion: version });
    const answer = await post(await withRatings(terminal, 3, [later], [renamed]));
    expect(answer.body.ratings).toEqual({ stored: 1, duplicate: 0, refused: [] });
    const alone = testRating({ contentVersion: version, level: 1, reasons: ['other'] });
    expect((await post(await terminal.report(4, { ratings: [alone] }))).body.ratings).toEqual({
      stored: 1,
      duplicate: 0,
      refused: [],
    });
    const names = await db.query<{ service_name: string }>(
      'SELECT DISTINCT service_name FROM ratings WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(names).toEqual([{ service_name: '普通护照签发' }]);
  });

  it('61 ratings in one hour store 60 and refuse one as a flood; the hour stays full for the next report', async () => {
    const terminal = await approved();
    const hour = Date.parse('2026-03-02T08:00:00.000Z');
    const ratings = Array.from({ length: 61 }, (_, i) =>
      testRating({ at: new Date(hour + i * 55_000).toISOString() }),
    );
    const answer = await post(await withRatings(terminal, 2, ratings));
    expect(answer.body.ratings).toEqual({
      stored: 60,
      duplicate: 0,
      refused: [
        {
          id: ratings[60]?.id,
          reason: 'flood',
          message: '这台终端在 2026-03-02 16:00 起的一小时内已有 60 条评价，再多不像真实的评价，不再存',
        },
      ],
    });
    const sameHour = testRating({ at: '2026-03-02T08:59:59.000Z' });
    const nextHour = testRating({ at: '2026-03-02T09:00:00.000Z' });
    expect((await post(await withRatings(terminal, 3, [sameHour, nextHour]))).body.ratings).toMatchObject({
      stored: 1,
      refused: [{ id: sameHour.id, reason: 'flood' }],
    });
    expect(await count('ratings', terminal)).toBe(61);
    // Another terminal's hour is its own.
    const other = await approved();
    expect(
      (await post(await withRatings(other, 2, [testRating({ at: '2026-03-02T08:30:00.000Z' })]))).body
        .ratings,
    ).toMatchObject({ stored: 1 });
  });

  it('a terminal offline for weeks delivers 200 ratings an hour apart, every one stored', async () => {
    const terminal = await approved();
    const from = Date.parse('2026-02-20T00:10:00.000Z');
    const ratings = Array.from({ length: 200 }, (_, i) =>
      testRating({
        at: new Date(from + i * 3_600_000).toISOString(),
        level: i % 50 === 0 ? 1 : 5,
        reasons: i % 50 === 0 ? ['waiting'] : [],
      }),
    );
    const answer = await post(await withRatings(terminal, 2, ratings));
    expect(answer.body.ratings).toEqual({ stored: 200, duplicate: 0, refused: [] });
    expect(await count('ratings', terminal)).toBe(200);
    // Due from the day the service received them, not the day the visitor rated.
    expect((await cases(terminal)).map((c) => c.due_date)).toEqual([DUE, DUE, DUE, DUE]);
  });

  it('a rating more than 24 hours ahead of the service clock is refused; one 23 hours ahead is stored', async () => {
    const terminal = await approved();
    const ahead = testRating({ at: new Date(NOW.getTime() + 25 * 3_600_000).toISOString() });
    const nearly = testRating({ at: new Date(NOW.getTime() + 23 * 3_600_000).toISOString() });
    const answer = await post(await withRatings(terminal, 2, [ahead, nearly]));
    expect(answer.body.ratings).toEqual({
      stored: 1,
      duplicate: 0,
      refused: [
        {
          id: ahead.id,
          reason: 'future',
          message:
            '评价时间 2026-03-03 18:31 比服务端时间 2026-03-02 17:31 晚 24 小时以上：终端的时钟可能不准',
        },
      ],
    });
  });

  it('a rating in the year 9999 is refused as future, not a failure', async () => {
    const terminal = await approved();
    const last = testRating({ at: '9999-12-31T23:59:59.999Z' });
    const answer = await post(await withRatings(terminal, 2, [last]));
    expect(answer.status).toBe(200);
    expect(answer.body.ratings).toMatchObject({ stored: 0, refused: [{ id: last.id, reason: 'future' }] });
  });

  it('a rating in the year 0000 or 1969 is refused as a wrong clock, not a failed report; one in 1970 is stored', async () => {
    const terminal = await approved();
    const zero = testRating({ at: '0000-06-01T00:00:00.000Z' });
    const before = testRating({ at: '1969-12-31T23:59:59.000Z' });
    const reset = testRating({ at: '1970-01-01T00:00:05.000Z' });
    const answer = await post(await withRatings(terminal, 2, [zero, before, reset]));
    expect(answer.body).toMatchObject({ ack: 2 });
    expect(answer.body.ratings).toMatchObject({
      stored: 1,
      refused: [
        { id: zero.id, reason: 'clock' },
        { id: before.id, reason: 'clock' },
      ],
    });
  });

  it('copies of one report with ratings sent at once store each rating once', async () => {
    const terminal = await approved();
    const report = await withRatings(terminal, 2, [
      testRating({ level: 1, reasons: ['other'] }),
      testRating(),
    ]);
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(report)));
    expect(answers.map((a) => a.body.ratings)).toContainEqual({ stored: 2, duplicate: 0, refused: [] });
    expect(answers.filter((a) => a.body.duplicate === true).map((a) => a.body.ratings)).toEqual([
      { stored: 0, duplicate: 2, refused: [] },
      { stored: 0, duplicate: 2, refused: [] },
      { stored: 0, duplicate: 2, refused: [] },
    ]);
    expect(await count('ratings', terminal)).toBe(2);
    expect(await count('rating_cases', terminal)).toBe(1);
  });

  it("a pending key's ratings are stored at approval with their cases, due from the day each report arrived", async () => {
    const terminal = await makeTestTerminal();
    const early = testRating({ level: 2, reasons: ['waiting'], at: '2026-02-27T02:50:00.000Z' });
    const late = testRating({ level: 1, reasons: ['attitude'], at: '2026-03-01T16:20:00.000Z' });
    const unknown = testRating({ service: 'fishing-licence', at: '2026-02-27T02:55:00.000Z' });
    // Friday 2026-02-27 in Beijing, then Sunday 2026-03-01 16:30 UTC, already Monday 00:30 in Beijing.
    clock = new Date('2026-02-27T03:00:00.000Z');
    expect((await post(await withRatings(terminal, 1, [early, unknown]))).body).toEqual({
      ack: 1,
      pending: true,
      commands: [],
    });
    clock = new Date('2026-03-01T16:30:00.000Z');
    await post(
      await terminal.report(2, { ratings: [late], dropped: { heartbeats: 0, events: 0, ratings: 2 } }),
    );
    clock = NOW;
    expect(await count('ratings', terminal)).toBe(0);
    await approveTerminal(db, { fingerprint: terminal.fingerprint, by: 'wang.li', now: NOW });
    expect((await stored(terminal)).map((r) => r.rating_id).sort()).toEqual([early.id, late.id].sort());
    const byId = new Map((await cases(terminal)).map((c) => [c.rating_id, c.due_date]));
    // Friday 27th + 15 working days, the 5th a holiday: Monday 23rd. Monday 2nd (Beijing) + 15: Tuesday 24th.
    expect(byId).toEqual(
      new Map([
        [early.id, '2026-03-23'],
        [late.id, '2026-03-24'],
      ]),
    );
    expect((await refusals(terminal)).map((r) => [r.rating_id, r.reason])).toEqual([
      [unknown.id, 'unknown-service'],
    ]);
    const [row] = await db.query<{ ratings_dropped: string | number }>(
      'SELECT ratings_dropped FROM terminals WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(Number(row?.ratings_dropped)).toBe(2);
  });

  it("the receipt day is the hall's: its time zone from the report, Beijing when it names none known", async () => {
    // Sunday 2026-03-08 16:30 UTC: Monday in Beijing, still Sunday in UTC.
    clock = new Date('2026-03-08T16:30:00.000Z');
    try {
      const due = async (hallTimeZone: string) => {
        const terminal = await approved();
        const status = terminal.payload(2).status;
        await post(
          await terminal.report(2, {
            status: { ...status, clock: { ...status.clock, hallTimeZone } },
            ratings: [testRating({ level: 1, reasons: ['other'], at: '2026-03-08T16:00:00.000Z' })],
            catalogues: [testCatalogue()],
          }),
        );
        return (await cases(terminal))[0]?.due_date;
      };
      expect(await due('Asia/Shanghai')).toBe('2026-03-30');
      expect(await due('UTC')).toBe('2026-03-27');
      expect(await due('Mars/Olympus_Mons')).toBe('2026-03-30');
    } finally {
      clock = NOW;
    }
  });

  it('dropped.ratings adds up on the terminal, and a resend does not add it again', async () => {
    const terminal = await approved();
    const dropped = (ratings: number) => ({ dropped: { heartbeats: 0, events: 0, ratings } });
    await post(await terminal.report(2, dropped(3)));
    const third = await terminal.report(3, dropped(2));
    await post(third);
    await post(third);
    await post(await terminal.report(4));
    const [row] = await db.query<{ ratings_dropped: string | number }>(
      'SELECT ratings_dropped FROM terminals WHERE public_key = $1',
      [terminal.publicKey],
    );
    expect(Number(row?.ratings_dropped)).toBe(5);
  });

  it('a report without ratings is answered as before, without a ratings field', async () => {
    const terminal = await approved();
    expect(
      (await post(await terminal.report(2, { ratings: [], catalogues: [testCatalogue({ version: 1 })] })))
        .body,
    ).toEqual({
      ack: 2,
      duplicate: false,
      commands: [],
    });
    expect(await db.query("SELECT 1 FROM catalogues WHERE hall = 'north-hall' AND version = 1")).toHaveLength(
      1,
    );
  });
});
