/**
 * The staff console as staff use it, through the whole Fastify stack (app.inject), on every backend
 * of testBackends(): signing in and out, being slowed down, forms that must carry the session's token
 * and come from this site, the pages' words, and approving, revoking and commanding terminals.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from '../app.ts';
import type { FleetDb } from '../db.ts';
import type { ReportEnvelope } from '../protocol.ts';
import { type TestDatabase, testBackends } from '../testing/backends.ts';
import { makeTestTerminal, type TestTerminal } from '../testing/test-terminal.ts';
import { addStaff } from './staff.ts';

const START = new Date('2026-03-02T09:31:00.000Z');
const HOST = 'fleet.example';
const ORIGIN = `http://${HOST}`;
const PASSWORD = 'a quiet morning in the north hall';
const minutes = (n: number) => n * 60_000;
/** `YYYY-MM-DD HH:MM` as a clock in `timeZone` shows `date` (Swedish writes dates that way). */
const wallTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(date);

interface Answer {
  status: number;
  body: string;
  location: string | undefined;
  setCookie: string[];
}

describe.each(testBackends())('the staff console on $name', (backend) => {
  let database: TestDatabase;
  let db: FleetDb;
  let app: FastifyInstance;
  let clock = START;
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    app = buildFleetApp({ db, now: () => clock });
    await app.ready();
    for (const name of ['wang.li', 'zhao.min', 'chen.jie', 'liu.yang']) {
      expect(await addStaff(db, name, PASSWORD, START)).toEqual({ ok: true, value: name });
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const answer = (response: Awaited<ReturnType<FastifyInstance['inject']>>): Answer => {
    const raw = response.headers['set-cookie'];
    return {
      status: response.statusCode,
      body: response.body,
      location: response.headers.location as string | undefined,
      setCookie: raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)],
    };
  };
  const get = async (url: string, cookie?: string) =>
    answer(await app.inject({ method: 'GET', url, headers: { host: HOST, ...(cookie ? { cookie } : {}) } }));
  const post = async (
    url: string,
    fields: Record<string, string>,
    options: { cookie?: string; origin?: string | null; ip?: string } = {},
  ) =>
    answer(
      await app.inject({
        method: 'POST',
        url,
        remoteAddress: options.ip ?? '10.0.0.1',
        headers: {
          host: HOST,
          'content-type': 'application/x-www-form-urlencoded',
          ...(options.origin === null ? {} : { origin: options.origin ?? ORIGIN }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  const signInAs = async (name: string) => {
    const signedIn = await post('/console/login', { name, password: PASSWORD });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.setCookie[0]!.split(';')[0]!;
    const page = await get('/console/', cookie);
    const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
    expect(csrf).toBeTruthy();
    return { cookie, csrf: csrf! };
  };
  const report = async (body: ReportEnvelope) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { host: HOST, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const pendingTerminal = async (deviceId: string): Promise<TestTerminal> => {
    const terminal = await makeTestTerminal(deviceId);
    expect((await report(await terminal.report(1))).statusCode).toBe(202);
    return terminal;
  };
  const statusOf = async (terminal: TestTerminal) =>
    (
      await db.query<{ status: string; hall: string | null }>(
        'SELECT status, hall FROM terminals WHERE public_key = $1',
        [terminal.publicKey],
      )
    )[0];

  it('signs in with the right password: an HttpOnly, SameSite=Strict cookie for /console only', async () => {
    const signedIn = await post('/console/login', { name: 'Wang.Li', password: PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/console/');
    const cookie = signedIn.setCookie[0]!;
    expect(cookie).toMatch(/^sunlight_console=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/console');
    const page = await get('/console/', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>所有终端</h1>');
    expect(page.body).toContain('已登录：wang.li');
    // The database holds a hash of the token, never the token.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(await db.query('SELECT 1 FROM staff_sessions WHERE token_hash = $1', [token])).toEqual([]);
  });

  it('without a session every page leads to sign-in; / leads to the console', async () => {
    expect(await get('/')).toMatchObject({ status: 303, location: '/console/' });
    expect(await get('/console/')).toMatchObject({ status: 303, location: '/console/login' });
    const signIn = await get('/console/login');
    expect(signIn.body).toContain('<label for="name">用户名</label>');
    expect(signIn.body).toContain('<label for="password">密码</label>');
  });

  it('a wrong password and an unknown name get the same answer, and no cookie', async () => {
    const wrong = await post(
      '/console/login',
      { name: 'zhao.min', password: 'not the password at all' },
      { ip: '10.0.1.1' },
    );
    const unknown = await post(
      '/console/login',
      { name: 'nobody.here', password: 'not the password at all' },
      { ip: '10.0.1.1' },
    );
    for (const refused of [wrong, unknown]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toContain('用户名或密码不对。');
      expect(refused.setCookie).toEqual([]);
    }
    expect(wrong.body.replace('zhao.min', 'NAME')).toBe(unknown.body.replace('nobody.here', 'NAME'));
  });

  it('after 4 wrong passwords a name waits 1, then 2 minutes, even with the right one; an unknown name alike', async () => {
    const ip = '10.0.2.1';
    for (const name of ['chen.jie', 'no.such.person']) {
      for (let i = 0; i < 5; i += 1) {
        expect(
          (await post('/console/login', { name, password: `wrong guess ${i} ....` }, { ip })).status,
        ).toBe(401);
      }
      const locked = await post('/console/login', { name, password: PASSWORD }, { ip });
      expect(locked.status).toBe(429);
      expect(locked.body).toContain('错误次数太多');
      expect(locked.setCookie).toEqual([]);
    }
    tick(minutes(1) + 1000);
    // One more wrong try: the wait doubles.
    expect(
      (await post('/console/login', { name: 'chen.jie', password: 'wrong again ....' }, { ip })).status,
    ).toBe(401);
    tick(minutes(1) + 1000);
    expect((await post('/console/login', { name: 'chen.jie', password: PASSWORD }, { ip })).status).toBe(429);
    tick(minutes(1));
    expect((await post('/console/login', { name: 'chen.jie', password: PASSWORD }, { ip })).status).toBe(303);
  });

  it('ten wrong passwords at once: only the free tries are checked, the rest wait', async () => {
    const ip = '10.0.4.1';
    const name = 'parallel.guess';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post('/console/login', { name, password: `parallel guess ${i} ....` }, { ip }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    // Five checked (as one after another: the fifth wrong one starts the wait), five told to wait.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const [checked] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM login_attempts WHERE name = $1',
      [name],
    );
    expect(checked?.n).toBe(5);
  });

  it('one address guessing many names waits after 19 wrong tries; another address does not', async () => {
    const ip = '10.0.3.1';
    for (let i = 0; i < 20; i += 1) {
      await post('/console/login', { name: `guess.${i}`, password: 'wrong wrong wrong' }, { ip });
    }
    expect((await post('/console/login', { name: 'liu.yang', password: PASSWORD }, { ip })).status).toBe(429);
    expect(
      (await post('/console/login', { name: 'liu.yang', password: PASSWORD }, { ip: '10.0.3.2' })).status,
    ).toBe(303);
  });

  it('a form without the session token, with a wrong one, or from another site changes nothing', async () => {
    const staff = await signInAs('wang.li');
    const terminal = await pendingTerminal('lobby-csrf');
    const url = `/console/terminals/${terminal.fingerprint}/approve`;
    const fields = { hall: 'North hall', place: 'Lobby' };
    const noToken = await post(url, fields, { cookie: staff.cookie });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toContain('这个表单已过期');
    expect(
      (await post(url, { ...fields, _csrf: `${staff.csrf.slice(1)}x` }, { cookie: staff.cookie })).status,
    ).toBe(403);
    const otherSite = await post(
      url,
      { ...fields, _csrf: staff.csrf },
      { cookie: staff.cookie, origin: 'http://evil.example' },
    );
    expect(otherSite.status).toBe(403);
    expect(otherSite.body).toContain('这个请求来自别的网站');
    expect(
      (await post(url, { ...fields, _csrf: staff.csrf }, { cookie: staff.cookie, origin: null })).status,
    ).toBe(403);
    // Another session's token is no good either.
    const other = await signInAs('zhao.min');
    expect((await post(url, { ...fields, _csrf: other.csrf }, { cookie: staff.cookie })).status).toBe(403);
    expect(await statusOf(terminal)).toEqual({ status: 'pending', hall: null });
    // A sign-in from another site is refused too (login CSRF).
    expect(
      (
        await post(
          '/console/login',
          { name: 'wang.li', password: PASSWORD },
          { origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
  });

  it('a session ends after 30 idle minutes, and after 12 hours however busy', async () => {
    const idle = await signInAs('wang.li');
    tick(minutes(29));
    expect((await get('/console/', idle.cookie)).status).toBe(200);
    tick(minutes(31));
    expect(await get('/console/', idle.cookie)).toMatchObject({
      status: 303,
      location: '/console/login?expired=1',
    });
    expect((await get('/console/login?expired=1')).body).toContain('登录已过期');

    const busy = await signInAs('wang.li');
    for (let i = 0; i < 36; i += 1) {
      tick(minutes(20));
      const page = await get('/console/', busy.cookie);
      expect(page.status).toBe(i < 35 ? 200 : 303);
    }
  });

  it('signing out ends the session', async () => {
    const staff = await signInAs('wang.li');
    const out = await post('/console/logout', { _csrf: staff.csrf }, { cookie: staff.cookie });
    expect(out).toMatchObject({ status: 303, location: '/console/login?out=1' });
    expect((await get('/console/', staff.cookie)).status).toBe(303);
  });

  it('the report endpoint sets no cookie and reads none, signed in or not', async () => {
    const staff = await signInAs('wang.li');
    const terminal = await makeTestTerminal('lobby-cookie');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { host: HOST, 'content-type': 'application/json', cookie: staff.cookie },
      payload: JSON.stringify(await terminal.report(1)),
    });
    expect(response.statusCode).toBe(202);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/health' })).headers['set-cookie'],
    ).toBeUndefined();
  });

  it('approve, give commands and revoke through the forms, as a terminal sees it', async () => {
    const staff = await signInAs('wang.li');
    const terminal = await pendingTerminal('lobby-forms');
    const list = await get('/console/', staff.cookie);
    expect(list.body).toContain('<h2>等待批准的终端</h2>');
    expect(list.body).toContain(`aria-label="批准 lobby-forms"`);
    expect(list.body).toContain(`<code>${terminal.fingerprint}</code>`);

    const base = `/console/terminals/${terminal.fingerprint}`;
    const approved = await post(
      `${base}/approve`,
      { hall: 'North hall', place: 'Lobby', _csrf: staff.csrf },
      staff,
    );
    expect(approved).toMatchObject({ status: 303, location: '/console/?done=approved' });
    expect(await statusOf(terminal)).toEqual({ status: 'approved', hall: 'North hall' });
    expect((await get('/console/?done=approved', staff.cookie)).body).toContain('已批准');

    const given = await post(`${base}/commands`, { command: 'attract', _csrf: staff.csrf }, staff);
    expect(given).toMatchObject({ status: 303, location: `${base}?done=command` });
    let page = await get(`${base}?done=command`, staff.cookie);
    expect(page.body).toContain('命令已下达');
    expect(page.body).toMatch(/<td>只放轮播<\/td><td>[^<]+ 由 wang\.li<\/td><td>—<\/td><td>—<\/td>/);

    const answer = (await report(await terminal.report(2))).json() as { commands: unknown[] };
    expect(answer.commands).toEqual([expect.objectContaining({ kind: 'set-mode', mode: 'attract' })]);
    await report(await terminal.report(3));
    page = await get(base, staff.cookie);
    expect(page.body).toMatch(
      /<td>只放轮播<\/td><td>[^<]+ 由 wang\.li<\/td><td>\d{4}-[^<]+<\/td><td>\d{4}-[^<]+<\/td>/,
    );

    const unknownCommand = await post(
      `${base}/commands`,
      { command: 'constructor', _csrf: staff.csrf },
      staff,
    );
    expect(unknownCommand.status).toBe(400);

    const revoked = await post(`${base}/revoke`, { _csrf: staff.csrf }, staff);
    expect(revoked).toMatchObject({ status: 303, location: `${base}?done=revoked` });
    expect((await report(await terminal.report(4))).statusCode).toBe(403);
    expect((await get('/console/?state=revoked', staff.cookie)).body).toContain('lobby-forms</a>');
  });

  it('shows what a terminal reported as text, never as markup', async () => {
    const staff = await signInAs('wang.li');
    const terminal = await pendingTerminal('lobby-escape');
    await post(
      `/console/terminals/${terminal.fingerprint}/approve`,
      { hall: 'North <b>hall</b>', place: 'Lobby', _csrf: staff.csrf },
      staff,
    );
    const payload = terminal.payload(2);
    await report(
      await terminal.report(2, {
        status: {
          ...payload.status,
          feedLatest: { version: 20260302080000, publishedAt: '2026-03-02T08:00:00.000Z' },
          lastRefusal: {
            at: '2026-03-02T09:00:00.000Z',
            message: '<img src=x onerror=alert(1)> did not verify',
          },
        },
        events: [{ at: '2026-03-02T09:29:00.000Z', kind: 'error', message: '<script>alert("hi")</script>' }],
      }),
    );
    const page = await get(`/console/terminals/${terminal.fingerprint}`, staff.cookie);
    expect(page.body).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; did not verify');
    expect(page.body).toContain('North &lt;b&gt;hall&lt;/b&gt;');
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<b>');
    const list = await get('/console/?q=lobby-escape', staff.cookie);
    expect(list.body).toContain('拒绝更新');
    expect(list.body).not.toContain('<img');
  });

  it('filters by state and searches, in English too', async () => {
    const staff = await signInAs('wang.li');
    const stale = await pendingTerminal('west-stale');
    await post(
      `/console/terminals/${stale.fingerprint}/approve`,
      { hall: 'West hall', place: 'Door 2', _csrf: staff.csrf },
      staff,
    );
    await report(await stale.report(2, { status: { ...stale.payload(2).status, feedStale: true } }));
    const onlyStale = await get('/console/?state=feed-stale', staff.cookie);
    expect(onlyStale.body).toContain('west-stale</a>');
    expect(onlyStale.body).not.toContain('lobby-forms</a>');
    expect(onlyStale.body).toContain('共 1 台，显示第 1–1 台');
    const searched = await get(`/console/?q=${stale.fingerprint.slice(0, 8)}`, staff.cookie);
    expect(searched.body).toContain('west-stale</a>');
    expect(searched.body).toContain('共 1 台');
    expect((await get('/console/?q=west+door', staff.cookie)).body).toContain('west-stale</a>');

    const switched = await get('/console/lang?to=en&back=%2Fconsole%2F%3Fstate%3Dfeed-stale', staff.cookie);
    expect(switched).toMatchObject({ status: 303, location: '/console/?state=feed-stale' });
    const lang = switched.setCookie[0]!.split(';')[0]!;
    const english = await get('/console/?state=feed-stale', `${staff.cookie}; ${lang}`);
    expect(english.body).toContain('<h1>All terminals</h1>');
    expect(english.body).toContain('Feed stale');
    expect((await get('/console/lang?to=en&back=https%3A%2F%2Fevil.example', staff.cookie)).location).toBe(
      '/console/',
    );
  });

  it('the progress page counts who shows the latest version and says why the others do not', async () => {
    const staff = await signInAs('wang.li');
    const hall = { id: 'east-hall', channel: 'stable' };
    const v1 = { version: 20260301120000, publishedAt: '2026-03-01T12:00:00.000Z' };
    const v2 = { version: 20260302080000, publishedAt: '2026-03-02T08:00:00.000Z' };
    const updated = await pendingTerminal('east-1');
    const refusing = await pendingTerminal('east-2');
    for (const t of [updated, refusing]) {
      await post(
        `/console/terminals/${t.fingerprint}/approve`,
        { hall: 'East hall', place: 'Lobby', _csrf: staff.csrf },
        staff,
      );
    }
    await report(
      await updated.report(2, {
        status: { ...updated.payload(2).status, hall, feedLatest: v2, content: { showing: v2 } },
      }),
    );
    await report(
      await refusing.report(2, {
        status: {
          ...refusing.payload(2).status,
          hall,
          feedLatest: v2,
          content: { showing: v1 },
          lastRefusal: {
            at: '2026-03-02T08:05:00.000Z',
            message: 'guide.json: its SHA-256 does not match the manifest',
          },
        },
      }),
    );
    const page = await get('/console/progress', staff.cookie);
    expect(page.body).toContain('<h1>更新进度</h1>');
    expect(page.body).toContain('<h2>east-hall · stable</h2>');
    expect(page.body).toContain('最新发布：20260302080000');
    expect(page.body).toContain('2 台中有 1 台显示最新版本');
    expect(page.body).toContain('east-2</a>: 拒绝更新：guide.json: its SHA-256 does not match the manifest');
    expect(page.body).not.toContain('east-1</a>:');
  });

  it('a terminal reporting a zone no one knows does not break a page: its times are read in the default zone', async () => {
    const staff = await signInAs('wang.li');
    const mars = await makeTestTerminal('mars-1');
    const onMars = (seq: number) => {
      const status = mars.payload(seq).status;
      return mars.report(seq, {
        status: {
          ...status,
          hall: { id: 'olympus', channel: 'stable' },
          hours: { weekly: { mon: ['09:00-17:00'] }, exceptions: [] },
          clock: { ...status.clock, hallTimeZone: 'Mars/Olympus' },
        },
      });
    };
    expect((await report(await onMars(1))).statusCode).toBe(202);
    const pending = await get('/console/', staff.cookie);
    expect(pending.status).toBe(200);
    // The pending card's last seen, in the default zone.
    expect(pending.body).toContain(
      `<code>${mars.fingerprint}</code> · 最后报告 ${wallTime(clock, 'Asia/Shanghai')}`,
    );
    await post(
      `/console/terminals/${mars.fingerprint}/approve`,
      { hall: 'Olympus hall', place: 'Lobby', _csrf: staff.csrf },
      staff,
    );
    expect((await report(await onMars(2))).statusCode).toBe(200);
    // Silent for 20 minutes: whether the hall was open is read on its hours, in the default zone.
    tick(minutes(20));
    try {
      for (const url of [
        '/console/',
        '/console/?q=mars',
        '/console/progress',
        `/console/terminals/${mars.fingerprint}`,
      ]) {
        const page = await get(url, staff.cookie);
        expect(page.status, url).toBe(200);
        expect(page.body, url).toContain(url === '/console/progress' ? 'olympus · stable' : 'mars-1');
      }
    } finally {
      tick(minutes(-20));
    }
  });

  it("a channel's publication time is on the hall's clock", async () => {
    const staff = await signInAs('wang.li');
    const berlin = await makeTestTerminal('berlin-1');
    const inBerlin = (seq: number) => {
      const status = berlin.payload(seq).status;
      return berlin.report(seq, {
        status: {
          ...status,
          hall: { id: 'spree', channel: 'stable' },
          feedLatest: { version: 20260302080000, publishedAt: '2026-03-02T08:00:00.000Z' },
          clock: { ...status.clock, hallTimeZone: 'Europe/Berlin' },
        },
      });
    };
    expect((await report(await inBerlin(1))).statusCode).toBe(202);
    await post(
      `/console/terminals/${berlin.fingerprint}/approve`,
      { hall: 'Spree hall', place: 'Lobby', _csrf: staff.csrf },
      staff,
    );
    expect((await report(await inBerlin(2))).statusCode).toBe(200);
    const progress = await get('/console/progress', staff.cookie);
    // 08:00 UTC is 09:00 in Berlin (16:00 in Shanghai, the default).
    expect(progress.body).toContain('最新发布：20260302080000（2026-03-02 09:00 发布）');
  });
});
