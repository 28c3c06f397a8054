/**
 * The console's 好差评 pages as staff use them (issue 13), through the whole Fastify stack, on every
 * backend: the ratings' counts and shares over a fixed period in the hall's zone, the groupings, the
 * chart's table, the 差评 cases (overdue on a fixed day, status changes recorded with who and when, a
 * note to close, CSRF), 指南有误, the refusals, and the export (CSV read back, JSON the same rows).
 * The service clock is fixed: 2026-12-04 10:00 in Shanghai (a Friday), e2e/fixtures/test-day.ts's day.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATING_REASONS } from '../../content/ratings.ts';
import { buildFleetApp } from '../app.ts';
import type { FleetDb } from '../db.ts';
import type { Catalogue } from '../protocol.ts';
import { type TestDatabase, testBackends } from '../testing/backends.ts';
import { EXPORT_COLUMNS } from './ratings-data.ts';
import { addStaff } from './staff.ts';
import {
  type InsertedTerminal,
  insertCatalogue,
  insertRating,
  insertRefusal,
  insertTerminal,
  type TestRating,
} from './testing-ratings.ts';

const NOW = new Date('2026-12-04T10:00:00+08:00');
const HOST = 'fleet.example';
const ORIGIN = `http://${HOST}`;
const PASSWORD = 'a quiet morning in the north hall';
const ZONE = 'Asia/Shanghai';
const VERSION = 20261201000000;
const shanghai = (text: string) => new Date(`${text}+08:00`);

const CATALOGUE: Catalogue = {
  hall: 'city-hall',
  version: VERSION,
  hallName: '市民中心',
  services: [
    { id: 'passport', name: '护照办理', code: '11440100MB2C0001', department: 'exit-entry' },
    { id: 'id-card', name: '身份证换领', department: 'police' },
    { id: 'evil', name: '=HYPERLINK("http://evil.example","点我")', department: 'evil-dept' },
  ],
  departments: [
    { id: 'exit-entry', name: '出入境' },
    { id: 'police', name: '户政' },
    { id: 'evil-dept', name: '@SUM(1+1)<script>alert(1)</script>' },
  ],
  reasons: DEFAULT_RATING_REASONS.map((r) => ({
    id: r.id,
    label: (r.label as { 'zh-CN': string })['zh-CN'],
  })),
};

/** A row's text without tags, spaces collapsed. */
const text = (markup: string) =>
  markup
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
/** The text of the first table row that names `name`. */
const rowOf = (body: string, name: string) => {
  const rows = body.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((r) => r.includes(name));
  return row === undefined ? undefined : text(row);
};

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (c === '\n') throw new Error(`a bare LF outside quotes at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

describe.each(testBackends())('the console’s ratings pages on $name', (backend) => {
  let database: TestDatabase;
  let db: FleetDb;
  let app: FastifyInstance;
  let a: InsertedTerminal;
  let b: InsertedTerminal;
  let staff: { cookie: string; csrf: string };

  const ratings: Record<string, [() => InsertedTerminal, TestRating]> = {
    r1: [
      () => a,
      {
        id: 'r1-aaaaaaaa',
        at: shanghai('2026-12-04T09:10:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'passport',
        level: 5,
        locale: 'zh-CN',
      },
    ],
    r2: [
      () => a,
      {
        id: 'r2-aaaaaaaa',
        at: shanghai('2026-12-04T09:20:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'passport',
        level: 4,
      },
    ],
    r3: [
      () => b,
      {
        id: 'r3-bbbbbbbb',
        at: shanghai('2026-12-04T09:30:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'passport',
        level: 1,
        reasons: ['guide-wrong', 'waiting'],
        wrong: ['materials', 'fee'],
        locale: 'en',
        case: { dueDate: '2026-12-25' },
      },
    ],
    r4: [
      () => b,
      {
        id: 'r4-bbbbbbbb',
        at: shanghai('2026-12-04T09:40:00'),
        subject: 'hall',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'id-card',
        level: 3,
      },
    ],
    // 00:30 in Shanghai is still the day before in UTC: it counts on the hall's 4 December.
    r7: [
      () => a,
      {
        id: 'r7-aaaaaaaa',
        at: new Date('2026-12-03T16:30:00Z'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'passport',
        level: 5,
      },
    ],
    r5: [
      () => a,
      {
        id: 'r5-aaaaaaaa',
        at: shanghai('2026-12-02T15:00:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'id-card',
        level: 2,
        reasons: ['attitude'],
        case: { dueDate: '2026-12-01' },
      },
    ],
    r6: [
      () => a,
      {
        id: 'r6-aaaaaaaa',
        at: shanghai('2026-12-02T16:00:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'passport',
        level: 5,
      },
    ],
    // 23:59 on 27 November in Shanghai: outside the last 7 days (28 November to 4 December).
    r8: [
      () => b,
      {
        id: 'r8-bbbbbbbb',
        at: new Date('2026-11-27T15:59:00Z'),
        subject: 'hall',
        hall: 'city-hall',
        contentVersion: VERSION,
        level: 4,
      },
    ],
    // Of a content version whose catalogue the service never got: its reasons show as ids.
    r9: [
      () => a,
      {
        id: 'r9-aaaaaaaa',
        at: shanghai('2026-11-10T11:00:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: 20261101000000,
        service: 'passport',
        level: 1,
        reasons: ['guide-wrong'],
        wrong: ['window'],
        case: { dueDate: '2026-12-01', status: 'rectified', note: '已更正窗口号' },
      },
    ],
  };

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    app = buildFleetApp({ db, now: () => NOW });
    await app.ready();
    await addStaff(db, 'wang.li', PASSWORD, NOW);
    await addStaff(db, 'zhao.min', PASSWORD, NOW);
    a = await insertTerminal(db, {
      deviceId: 'hall-a-1',
      hall: 'City hall',
      place: '一楼大厅',
      zone: ZONE,
      seen: NOW,
      ratingsDropped: 3,
    });
    b = await insertTerminal(db, {
      deviceId: 'hall-a-2',
      hall: 'City hall',
      place: '二楼',
      zone: ZONE,
      seen: NOW,
    });
    await insertCatalogue(db, CATALOGUE, shanghai('2026-12-01T08:00:00'));
    for (const [terminal, rating] of Object.values(ratings))
      await insertRating(db, terminal(), rating, CATALOGUE);
    await insertRefusal(db, b, {
      ratingId: 'x1-bbbbbbbb',
      receivedAt: shanghai('2026-12-04T09:31:00'),
      reason: 'unknown-service',
      message: 'no service "visa" in city-hall 20261201000000',
    });
    await insertRefusal(db, b, {
      ratingId: 'x2-bbbbbbbb',
      receivedAt: shanghai('2026-12-04T09:32:00'),
      reason: 'flood',
      message: 'more than 60 ratings in the hour of 09:00',
    });
    staff = await signInAs('wang.li');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = async (url: string, cookie?: string) =>
    app.inject({ method: 'GET', url, headers: { host: HOST, ...(cookie ? { cookie } : {}) } });
  const post = async (
    url: string,
    fields: Record<string, string>,
    options: { cookie?: string; origin?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url,
      headers: {
        host: HOST,
        origin: options.origin ?? ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      payload: new URLSearchParams(fields).toString(),
    });
  async function signInAs(name: string) {
    const signedIn = await post('/console/login', { name, password: PASSWORD });
    expect(signedIn.statusCode).toBe(303);
    const raw = signedIn.headers['set-cookie'];
    const cookie = String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]!;
    const csrf = (await get('/console/', cookie)).body.match(/name="_csrf" value="([^"]+)"/)?.[1];
    expect(csrf).toBeTruthy();
    return { cookie, csrf: csrf! };
  }
  const page = async (url: string) => {
    const answer = await get(url, staff.cookie);
    expect(answer.statusCode, url).toBe(200);
    return answer.body;
  };
  const caseOf = async (id: string) =>
    (
      await db.query<{
        status: string;
        note: string;
        changed_by: string | null;
        changed_at: Date | string | null;
        closed_by: string | null;
        closed_at: Date | string | null;
      }>(
        'SELECT status, note, changed_by, changed_at, closed_by, closed_at FROM rating_cases WHERE rating_id = $1',
        [id],
      )
    )[0]!;

  it('links the new pages from the header', async () => {
    const body = await page('/console/');
    for (const [href, name] of [
      ['/console/ratings', '评价'],
      ['/console/cases', '差评整改'],
      ['/console/guide-errors', '指南有误'],
    ]) {
      expect(body).toContain(`<a href="${href}">${name}</a>`);
    }
  });

  it("counts today's ratings by the hall's day, with each level's share and 满意率, per service", async () => {
    const body = await page('/console/ratings?period=today');
    expect(text(body)).toContain(
      '2026-12-04 至 2026-12-04（按大厅时间，Asia/Shanghai）：共 5 条评价 · 满意率 80.0% · 差评 1',
    );
    expect(body).toContain('满意率 =（非常满意 + 满意 + 基本满意）条数 ÷ 评价总数');
    expect(rowOf(body, '护照办理')).toBe(
      '护照办理 11440100MB2C0001 · 市民中心 4 非常满意 2（50%） · 满意 1（25%） · 基本满意 0（0%） · 不满意 0（0%） · 非常不满意 1（25%） 75.0% 1',
    );
    expect(rowOf(body, '身份证换领')).toBe(
      '身份证换领 市民中心 1 非常满意 0（0%） · 满意 0（0%） · 基本满意 1（100%） · 不满意 0（0%） · 非常不满意 0（0%） 100.0% 0',
    );
    // The stacked bar says its numbers to a screen reader too.
    expect(body).toMatch(
      /<svg role="img" aria-label="非常满意 2（50%） · 满意 1（25%）[^"]*" [^>]*class="bar">/,
    );
  });

  it('groups by terminal and by department, and shows the hall ratings apart', async () => {
    const byTerminal = await page('/console/ratings?period=today&group=terminal');
    expect(rowOf(byTerminal, 'hall-a-1')).toMatch(/^hall-a-1 一楼大厅 · [0-9a-f]{8} 3 非常满意 2（67%）/);
    expect(rowOf(byTerminal, 'hall-a-2')).toMatch(
      /^hall-a-2 二楼 · [0-9a-f]{8} 2 非常满意 0（0%）.* 50\.0% 1$/,
    );
    const byDepartment = await page('/console/ratings?period=today&group=department');
    expect(rowOf(byDepartment, '出入境')).toMatch(/^出入境 市民中心 4 /);
    expect(rowOf(byDepartment, '户政')).toMatch(/^户政 市民中心 1 /);
    const hallOnly = await page('/console/ratings?period=today&subject=hall');
    expect(text(hallOnly)).toContain('共 1 条评价 · 满意率 100.0% · 差评 0');
    expect(rowOf(hallOnly, '护照办理')).toBeUndefined();
    const guideOnly = await page('/console/ratings?period=today&subject=guide');
    expect(text(guideOnly)).toContain('共 4 条评价 · 满意率 75.0% · 差评 1');
  });

  it("the chart over the last 7 days has a table of each day's levels; 23:59 of the day before is outside", async () => {
    const body = await page('/console/ratings?period=7d');
    expect(text(body)).toContain('2026-11-28 至 2026-12-04（按大厅时间，Asia/Shanghai）：共 7 条评价');
    expect(body).toContain('<h2>每天的评价</h2>');
    const table = body.match(/<table class="chart-table">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(text(table.match(/<thead>[\s\S]*?<\/thead>/)?.[0] ?? '')).toBe(
      '天 非常满意 满意 基本满意 不满意 非常不满意 评价数',
    );
    expect(rowOf(table, '2026-11-28')).toBe('2026-11-28 0 0 0 0 0 0');
    expect(rowOf(table, '2026-12-02')).toBe('2026-12-02 1 0 0 1 0 2');
    expect(rowOf(table, '2026-12-04')).toBe('2026-12-04 2 1 1 0 1 5');
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(7);
    expect(body).toContain('7 天内共 7 条评价，按等级分色叠放');
    expect(text(await page('/console/ratings?period=30d'))).toContain(
      '2026-11-05 至 2026-12-04（按大厅时间，Asia/Shanghai）：共 9 条评价',
    );
    expect(text(await page('/console/ratings?period=month'))).toContain('2026-12-01 至 2026-12-04');
    // Dates changed in the form with a preset still chosen are a custom period.
    const changed = await page('/console/ratings?period=7d&from=2026-12-02&to=2026-12-02');
    expect(text(changed)).toContain('2026-12-02 至 2026-12-02（按大厅时间，Asia/Shanghai）：共 2 条评价');
    expect(changed).toContain('<option value="custom" selected>自定义</option>');
  });

  it('a long custom period is charted by week; a period that is not right is a 400 page that says why', async () => {
    const long = await page('/console/ratings?period=custom&from=2026-11-01&to=2026-12-04');
    expect(long).toContain('<h2>每周的评价（周一至周日）</h2>');
    // 1 November 2026 is a Sunday: the first week is that one day, then Monday to Sunday.
    expect(long).toContain('<th scope="row">2026-11-01</th>');
    expect(long).toContain('<th scope="row">2026-11-02 – 2026-11-08</th>');
    expect(long).toContain('<th scope="row">2026-11-30 – 2026-12-04</th>');
    for (const [url, why] of [
      ['/console/ratings?period=custom&from=2026-13-01&to=2026-12-04', 'from and to must both be dates'],
      ['/console/ratings?period=custom&from=2026-12-04&to=2026-12-01', 'is after to'],
      ['/console/ratings?period=yesterday', 'period is one of'],
      ['/console/ratings?group=window', 'group is one of'],
      ['/console/ratings/export.csv?period=custom&from=2020-01-01&to=2026-12-04', 'at most 366 days'],
    ] as const) {
      const answer = await get(url, staff.cookie);
      expect(answer.statusCode, url).toBe(400);
      expect(answer.body, url).toContain('查询条件不对：');
      expect(answer.body, url).toContain(why);
    }
  });

  it('says loudly how many ratings were refused and dropped, on the ratings page and the terminal page', async () => {
    const body = await page('/console/ratings?period=today');
    const refused = text(body.match(/<p class="error" role="alert">[\s\S]*?<\/p>/g)?.join(' ') ?? '');
    expect(refused).toContain(
      '2 条评价被拒收 ：事项不在该版本中 1，一小时内过多 1。拒收的终端： hall-a-2 二楼（2）',
    );
    expect(refused).toContain('3 条评价在终端上因队列已满被丢弃（累计） ： hall-a-1 一楼大厅（3）');
    // Yesterday had no refusals; the dropped count is the terminals' own total.
    const before = await page('/console/ratings?period=custom&from=2026-12-03&to=2026-12-03');
    expect(before).not.toContain('条评价被拒收');
    const terminal = await page(`/console/terminals/${b.fingerprint}`);
    expect(terminal).toContain('<h2>评价的拒收和丢弃</h2>');
    expect(terminal).toContain('<strong>2 条评价被拒收</strong>');
    expect(terminal).toContain('no service &quot;visa&quot; in city-hall 20261201000000');
    expect(rowOf(terminal, 'flood')).toContain('一小时内过多 flood more than 60 ratings');
    // Its latest ratings, the newest first, a 差评 linking to its case.
    const recent = terminal.match(/<table class="recent-ratings">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect((recent.match(/<tr><td>/g) ?? []).length).toBe(3);
    expect(rowOf(recent, '09:40')).toBe('2026-12-04 09:40 3 基本满意 本次服务 身份证换领 —');
    expect(recent).toContain(`<a href="/console/cases/${b.fingerprint}/r3-bbbbbbbb">1 非常不满意</a>`);
    expect(await page(`/console/terminals/${a.fingerprint}`)).toContain(
      '<strong>3 条评价在终端上因队列已满被丢弃</strong>',
    );
  });

  it('lists open 差评 with reasons and parts, the overdue one flagged in words on the fixed day', async () => {
    const body = await page('/console/cases');
    expect(body).toContain('<strong aria-current="page">未办结</strong>');
    expect(text(body)).toContain('共 2 个');
    const r5 = rowOf(body, 'r5-aaaaaaaa')!;
    expect(r5).toBe(
      '2 不满意 办事指南 身份证换领 户政 hall-a-1 一楼大厅 工作人员态度不好 2026-12-02 15:01 2026-12-01 已超期 3 天 待处理',
    );
    expect(body).toMatch(/<tr class="late">\s*<td><a href="\/console\/cases\/[0-9a-f-]+\/r5-aaaaaaaa">/);
    const r3 = rowOf(body, 'r3-bbbbbbbb')!;
    expect(r3).toBe(
      '1 非常不满意 办事指南 护照办理 11440100MB2C0001 出入境 hall-a-2 二楼 指南有误或看不懂；等候时间太长 指南有误部分：要带的材料、收费 2026-12-04 09:31 2026-12-25 待处理',
    );
    expect(rowOf(body, 'r9-aaaaaaaa')).toBeUndefined();
    const overdue = await page('/console/cases?show=overdue');
    expect(rowOf(overdue, 'r5-aaaaaaaa')).toContain('已超期 3 天');
    expect(rowOf(overdue, 'r3-bbbbbbbb')).toBeUndefined();
    const all = await page('/console/cases?show=all');
    expect(text(all)).toContain('共 3 个');
    // Rectified, though its due date has passed: not overdue. Its catalogue is unknown: the reason's id.
    expect(rowOf(all, 'r9-aaaaaaaa')).toBe(
      '1 非常不满意 办事指南 护照办理 11440100MB2C0001 出入境 hall-a-1 一楼大厅 guide-wrong 指南有误部分：办理窗口 2026-11-10 11:01 2026-12-01 已整改',
    );
    expect((await get('/console/cases?show=late', staff.cookie)).statusCode).toBe(400);
  });

  it('staff move a case to 整改中 and then 已整改 with a note; who and when are recorded, and it can be reopened', async () => {
    const url = `/console/cases/${b.fingerprint}/r3-bbbbbbbb`;
    let body = await page(url);
    expect(body).toContain(`<h1>差评 ${b.fingerprint.slice(0, 8)}-r3-bbbbbbbb</h1>`);
    expect(body).toContain('<label for="note">整改说明</label>');
    expect(text(body)).toContain('等级 1 非常不满意');
    expect(text(body)).toContain('评价时间（终端时钟） 2026-12-04 09:30 (2026-12-04T01:30:00.000Z)');

    const started = await post(url, { _csrf: staff.csrf, from: 'new', to: 'rectifying', note: '' }, staff);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${url}?done=case`);
    expect(await caseOf('r3-bbbbbbbb')).toMatchObject({
      status: 'rectifying',
      changed_by: 'wang.li',
      closed_by: null,
      note: '',
    });
    expect(new Date((await caseOf('r3-bbbbbbbb')).changed_at!).toISOString()).toBe(NOW.toISOString());

    const noNote = await post(
      url,
      { _csrf: staff.csrf, from: 'rectifying', to: 'rectified', note: '   ' },
      staff,
    );
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('标记为已整改时必须填写整改说明。');
    expect((await caseOf('r3-bbbbbbbb')).status).toBe('rectifying');

    const other = await signInAs('zhao.min');
    const closed = await post(
      url,
      { _csrf: other.csrf, from: 'rectifying', to: 'rectified', note: '指南的材料清单已按窗口核对更正' },
      other,
    );
    expect(closed.statusCode).toBe(303);
    const row = await caseOf('r3-bbbbbbbb');
    expect(row).toMatchObject({
      status: 'rectified',
      note: '指南的材料清单已按窗口核对更正',
      changed_by: 'zhao.min',
      closed_by: 'zhao.min',
    });
    expect(new Date(row.closed_at!).toISOString()).toBe(NOW.toISOString());
    body = await page(`${url}?done=case`);
    expect(body).toContain('<p class="notice" role="status">已保存。</p>');
    expect(text(body)).toContain('办结 2026-12-04 10:00 由 zhao.min');
    expect(text(body)).toContain('整改说明 指南的材料清单已按窗口核对更正');
    expect(rowOf(await page('/console/cases'), 'r3-bbbbbbbb')).toBeUndefined();

    // A form showing an old status does not overwrite what someone else did meanwhile.
    const stale = await post(
      url,
      { _csrf: staff.csrf, from: 'rectifying', to: 'rectified', note: 'again' },
      staff,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('这个差评刚被别人改过');
    expect(stale.body).toContain(`<a href="${url}">差评 ${b.fingerprint.slice(0, 8)}-r3-bbbbbbbb</a>`);

    const reopened = await post(
      url,
      { _csrf: staff.csrf, from: 'rectified', to: 'rectifying', note: '' },
      staff,
    );
    expect(reopened.statusCode).toBe(303);
    expect(await caseOf('r3-bbbbbbbb')).toMatchObject({
      status: 'rectifying',
      changed_by: 'wang.li',
      closed_by: null,
      closed_at: null,
    });
    expect(text(await page('/console/cases'))).toContain('整改中');
  });

  it('a case form without the token or from another site changes nothing; an unknown case or status is a 4xx page', async () => {
    const url = `/console/cases/${a.fingerprint}/r5-aaaaaaaa`;
    const fields = { from: 'new', to: 'rectified', note: '已处理' };
    const noToken = await post(url, fields, staff);
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('这个表单已过期');
    expect(
      (await post(url, { ...fields, _csrf: staff.csrf }, { ...staff, origin: 'http://evil.example' }))
        .statusCode,
    ).toBe(403);
    expect((await caseOf('r5-aaaaaaaa')).status).toBe('new');

    for (const to of ['new', 'closed', '']) {
      const bad = await post(url, { ...fields, to, _csrf: staff.csrf }, staff);
      expect(bad.statusCode, to).toBe(400);
      expect(bad.body).toContain('状态只能改为');
    }
    expect((await caseOf('r5-aaaaaaaa')).status).toBe('new');
    const unknown = await post(
      `/console/cases/${a.fingerprint}/no-such-rating`,
      { ...fields, _csrf: staff.csrf },
      staff,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('没有这个差评。');
    expect(unknown.body).toContain('<a href="/console/cases">返回差评列表</a>');
    expect((await get(`/console/cases/${a.fingerprint}/r1-aaaaaaaa`, staff.cookie)).statusCode).toBe(404);
    expect((await get('/console/cases/0000/r5-aaaaaaaa', staff.cookie)).statusCode).toBe(404);
    const tooLong = await post(url, { ...fields, note: 'x'.repeat(2001), _csrf: staff.csrf }, staff);
    expect(tooLong.statusCode).toBe(400);
  });

  it('指南有误 counts per service which parts visitors named, and when last', async () => {
    const body = await page('/console/guide-errors');
    expect(text(body)).toContain('2026-11-05 至 2026-12-04');
    expect(text(body.match(/<thead>[\s\S]*?<\/thead>/)?.[0] ?? '')).toBe(
      '事项 次数 要带的材料 办理窗口 办理时限 收费 办事步骤 未指明部分 最近一次',
    );
    expect(rowOf(body, '护照办理')).toBe(
      '护照办理 11440100MB2C0001 · 出入境 · 市民中心 2 1 1 0 1 0 0 2026-12-04 内容版本 20261201000000',
    );
    expect(rowOf(body, '身份证换领')).toBeUndefined();
    expect(await page('/console/guide-errors?period=custom&from=2026-12-01&to=2026-12-03')).toContain(
      '这段时间没有“指南有误”的评价。',
    );
  });

  it('exports CSV (BOM, CRLF, quoting, formula guard, Chinese header) and JSON with the same rows', async () => {
    await insertRating(
      db,
      a,
      {
        id: 'r10-aaaaaaa',
        at: shanghai('2026-12-03T10:00:00'),
        subject: 'guide',
        hall: 'city-hall',
        contentVersion: VERSION,
        service: 'evil',
        level: 2,
        reasons: ['other'],
        locale: '+zh',
        case: { dueDate: '2026-12-24' },
      },
      CATALOGUE,
    );
    await db.query(`UPDATE rating_cases SET note = $1 WHERE rating_id = 'r10-aaaaaaa'`, [
      '他说"不行", 然后\n走了',
    ]);
    const csv = await get('/console/ratings/export.csv?period=7d', staff.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="ratings-2026-11-28-2026-12-04.csv"',
    );
    const raw = csv.rawPayload.toString('utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw).toContain('"他说""不行"", 然后\n走了"');
    const [header, ...rows] = parseCsv(raw.slice(1));
    expect(header).toEqual(EXPORT_COLUMNS.map(([, name]) => name));
    expect(header!.slice(0, 4)).toEqual(['评价编号', '评价时间', '接收时间', '大厅']);
    expect(rows).toHaveLength(8);
    const cell = (row: string[] | undefined, name: string) => row?.[header!.indexOf(name)];
    const r3 = rows.find((r) => r[0] === `${b.fingerprint.slice(0, 8)}-r3-bbbbbbbb`);
    expect(cell(r3, '评价时间')).toBe('2026-12-04T01:30:00.000Z');
    expect(cell(r3, '接收时间')).toBe('2026-12-04T01:31:00.000Z');
    expect(cell(r3, '事项编码')).toBe('11440100MB2C0001');
    expect(cell(r3, '评价对象')).toBe('办事指南');
    expect(cell(r3, '等级名称')).toBe('非常不满意');
    expect(cell(r3, '差评原因')).toBe('指南有误或看不懂；等候时间太长');
    expect(cell(r3, '指南有误部分')).toBe('要带的材料；收费');
    expect(cell(r3, '终端')).toBe('hall-a-2');
    expect(cell(r3, '整改状态')).toBe('整改中');
    expect(cell(r3, '整改说明')).toBe('指南的材料清单已按窗口核对更正');
    const r4 = rows.find((r) => r[0]!.endsWith('-r4-bbbbbbbb'));
    expect([cell(r4, '事项编码'), cell(r4, '评价对象'), cell(r4, '整改状态'), cell(r4, '差评原因')]).toEqual([
      '',
      '本次服务',
      '',
      '',
    ]);
    const evil = rows.find((r) => r[0]!.endsWith('-r10-aaaaaaa'));
    expect(cell(evil, '事项名称')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(cell(evil, '部门')).toBe("'@SUM(1+1)<script>alert(1)</script>");
    expect(cell(evil, '语言')).toBe("'+zh");
    expect(cell(evil, '整改说明')).toBe('他说"不行", 然后\n走了');

    const json = await get('/console/ratings/export.json?period=7d', staff.cookie);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = json.json() as {
      from: string;
      to: string;
      timeZone: string;
      rows: Record<string, string | number>[];
    };
    expect([data.from, data.to, data.timeZone]).toEqual(['2026-11-28', '2026-12-04', ZONE]);
    const guard = (v: string | number) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v));
    expect(data.rows.map((row) => EXPORT_COLUMNS.map(([key]) => guard(row[key]!)))).toEqual(rows);
    const evilJson = data.rows.find((r) => String(r.id).endsWith('-r10-aaaaaaa'))!;
    expect(evilJson).toMatchObject({
      serviceName: '=HYPERLINK("http://evil.example","点我")',
      level: 2,
      contentVersion: VERSION,
      levelName: '不满意',
    });

    // What a terminal's catalogue named is text on every page, never markup.
    for (const url of [
      '/console/ratings?period=7d&group=department',
      '/console/cases',
      `/console/cases/${a.fingerprint}/r10-aaaaaaa`,
    ]) {
      const body = await page(url);
      expect(body, url).toContain('@SUM(1+1)&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body, url).not.toContain('<script');
    }
    const hallOnly = (
      await get('/console/ratings/export.json?period=7d&subject=hall', staff.cookie)
    ).json() as { rows: unknown[] };
    expect(hallOnly.rows).toHaveLength(1);
  });

  it('refuses the export, and every ratings page, without a session', async () => {
    for (const url of [
      '/console/ratings/export.csv?period=7d',
      '/console/ratings/export.json',
      '/console/ratings',
      '/console/cases',
      '/console/guide-errors',
    ]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(303);
      expect(answer.headers.location, url).toBe('/console/login');
      expect(answer.body, url).not.toContain('评价编号');
      expect(answer.body, url).not.toContain('r1-aaaaaaaa');
    }
  });

  it('reads in English too', async () => {
    const lang = (await get('/console/lang?to=en&back=/console/ratings', staff.cookie)).headers['set-cookie'];
    const cookie = `${staff.cookie}; ${String(Array.isArray(lang) ? lang[0] : lang).split(';')[0]}`;
    const body = (await get('/console/ratings?period=today', cookie)).body;
    expect(text(body)).toContain(
      '2026-12-04 to 2026-12-04 (hall time, Asia/Shanghai): 5 ratings · Satisfied 80.0% · Poor 1',
    );
    expect((await get('/console/cases', cookie)).body).toContain('Overdue by 3 days');
  });
});
