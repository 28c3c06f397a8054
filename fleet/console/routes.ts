/**
 * The staff console under /console/: sign-in, the terminals list, update progress, one terminal's
 * page, and the forms that approve, revoke and give commands. Registered as an encapsulated Fastify
 * plugin, so its cookie and form parsers, its hooks and its error page apply to /console/ only: the
 * terminals' report endpoint neither reads nor sets a cookie.
 *
 * Every POST must come from this origin (Origin, or Referer when a browser sends no Origin) and, once
 * signed in, carry the session's synchronizer token (`_csrf`): either missing is a 403 that changes
 * nothing. The session cookie is HttpOnly and SameSite=Strict.
 */
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveTerminal, giveCommand, revokeTerminal } from '../console-actions.ts';
import type { FleetDb } from '../db.ts';
import type { CommandKind, CommandMode } from '../protocol.ts';
import type { Html } from './html.ts';
import { listTerminals, loadTerminals } from './list-terminals.ts';
import {
  formatTime,
  listPage,
  type PageContext,
  progressPage,
  refusedPage,
  signInPage,
  terminalPage,
} from './pages.ts';
import { decoyHash } from './passwords.ts';
import { channelProgress } from './progress.ts';
import {
  CASE_FILTERS,
  type CaseFilter,
  changeCase,
  consoleZone,
  countLevels,
  DAILY_CHART_DAYS,
  daysBetween,
  exportCsv,
  exportRow,
  findCase,
  GROUPINGS,
  type Grouping,
  groupRatings,
  guideErrors,
  listCases,
  loadRatings,
  MAX_NOTE,
  type Period,
  type PeriodKind,
  parsePeriod,
  ratingsOverTime,
  refusalSummary,
} from './ratings-data.ts';
import { casePage, casesPage, guideErrorsPage, ratingsPage, type SubjectFilter } from './ratings-pages.ts';
import { endSession, findSession, SESSION_LIFETIME_MS, type Session } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { CONSOLE_CSS } from './style.ts';
import { terminalDetail } from './terminal-detail.ts';
import { STATE_KINDS, type StateKind } from './terminal-state.ts';
import { type Lang, WORDS } from './words.ts';

export interface ConsoleOptions {
  db: FleetDb;
  now: () => Date;
  /** Mark the session cookie Secure; by default when the request came over HTTPS. */
  secureCookie?: boolean;
}

export const SESSION_COOKIE = 'sunlight_console';
const LANG_COOKIE = 'sunlight_console_lang';
const FORM_BODY_LIMIT = 16 * 1024;
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const COMMANDS: Record<string, { kind: CommandKind; mode?: CommandMode }> = {
  'sync-now': { kind: 'sync-now' },
  reload: { kind: 'reload' },
  interactive: { kind: 'set-mode', mode: 'interactive' },
  attract: { kind: 'set-mode', mode: 'attract' },
  default: { kind: 'set-mode', mode: 'default' },
};
const DONE = ['approved', 'revoked', 'command', 'case'] as const;

/** A form field as one string of at most `max` characters, or undefined. */
function field(body: unknown, name: string, max = 200): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the POST names this site as where it came from; a request naming none is refused too. */
function sameOrigin(request: FastifyRequest): boolean {
  const from = request.headers.origin ?? request.headers.referer;
  if (!from || from === 'null') return false;
  try {
    // request.host: the Host header, or X-Forwarded-Host when the service trusts its proxy (app.ts).
    return new URL(from).host === request.host;
  } catch {
    return false;
  }
}

export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  // Built now (about 0.1 s of scrypt while starting): built on the first unknown name instead, that
  // sign-in would take twice as long as a known name's and tell which names exist.
  await decoyHash();
  const { db, now } = options;
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });

  const langOf = (request: FastifyRequest): Lang => (request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'zh');
  const context = (request: FastifyRequest, session?: Session): PageContext => {
    const lang = langOf(request);
    return {
      lang,
      w: WORDS[lang],
      here: request.url,
      ...(session ? { staffName: session.staffName, csrfToken: session.csrfToken } : {}),
    };
  };
  const send = (reply: FastifyReply, page: Html, code = 200) =>
    reply.code(code).type('text/html; charset=utf-8').send(page.text);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CSP);
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'POST' && !sameOrigin(request)) {
      return send(reply, refusedPage(context(request), context(request).w.refused.origin), 403);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const ctx = context(request);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, refusedPage(ctx, `${ctx.w.refused.action}${error.message}`), 400);
    }
    request.log.error({ err: error }, 'fleet console: request failed');
    return send(reply, refusedPage(ctx, `${ctx.w.refused.action}request id ${request.id}`), 500);
  });

  /** The signed-in session, or an answer already sent (sign in again; or 403 for a bad token). */
  async function session(request: FastifyRequest, reply: FastifyReply): Promise<Session | undefined> {
    const token = request.cookies[SESSION_COOKIE];
    const found = await findSession(db, token, now());
    if (!found) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/console' });
      await reply.redirect(token ? '/console/login?expired=1' : '/console/login', 303);
      return undefined;
    }
    if (request.method === 'POST' && !sameToken(field(request.body, '_csrf'), found.csrfToken)) {
      const ctx = context(request, found);
      await send(reply, refusedPage(ctx, ctx.w.refused.csrf), 403);
      return undefined;
    }
    return found;
  }

  app.get('/style.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'max-age=3600').send(CONSOLE_CSS),
  );

  app.get<{ Querystring: { to?: string; back?: string } }>('/lang', async (request, reply) => {
    const to: Lang = request.query.to === 'en' ? 'en' : 'zh';
    const back = request.query.back ?? '';
    reply.setCookie(LANG_COOKIE, to, { path: '/console', sameSite: 'lax', maxAge: 365 * 86_400 });
    // Only back into the console: never a redirect to another site.
    return reply.redirect(back.startsWith('/console') && !back.startsWith('//') ? back : '/console/', 303);
  });

  app.get<{ Querystring: { out?: string; expired?: string } }>('/login', async (request, reply) => {
    const ctx = context(request);
    const notice = request.query.out
      ? ctx.w.signIn.signedOut
      : request.query.expired
        ? ctx.w.signIn.expired
        : undefined;
    return send(reply, signInPage(ctx, notice ? { kind: 'notice', text: notice } : undefined));
  });

  app.post('/login', async (request, reply) => {
    const ctx = context(request);
    const name = field(request.body, 'name', 100) ?? '';
    const password = field(request.body, 'password', 1000) ?? '';
    const result = await signIn(db, { name, password, ip: request.ip, now: now() });
    if (!result.ok) {
      const text =
        result.reason === 'wait' ? ctx.w.signIn.wait(formatTime(result.until)) : ctx.w.signIn.wrong;
      return send(
        reply,
        signInPage(ctx, { kind: 'error', text }, name),
        result.reason === 'wait' ? 429 : 401,
      );
    }
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/console',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookie ?? request.protocol === 'https',
      maxAge: SESSION_LIFETIME_MS / 1000,
    });
    return reply.redirect('/console/', 303);
  });

  app.post('/logout', async (request, reply) => {
    if (!(await session(request, reply))) return reply;
    await endSession(db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/console' });
    return reply.redirect('/console/login?out=1', 303);
  });

  app.get<{ Querystring: { state?: string; q?: string; page?: string; done?: string } }>(
    '/',
    async (request, reply) => {
      const staff = await session(request, reply);
      if (!staff) return reply;
      const ctx = context(request, staff);
      const state = STATE_KINDS.find((kind) => kind === request.query.state) as StateKind | undefined;
      const search = request.query.q?.slice(0, 100).trim() || undefined;
      const page = Number(request.query.page ?? 1) || 1;
      const list = await listTerminals(db, { state, search, page }, now());
      const done = DONE.find((key) => key === request.query.done);
      return send(reply, listPage(ctx, list, { state, search }, done ? ctx.w.done[done] : undefined));
    },
  );

  app.get('/progress', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const approved = (await loadTerminals(db, now())).filter((t) => t.status === 'approved');
    const { channels, withoutContent } = channelProgress(approved);
    return send(reply, progressPage(context(request, staff), channels, withoutContent));
  });

  app.get<{ Params: { fingerprint: string }; Querystring: { done?: string } }>(
    '/terminals/:fingerprint',
    async (request, reply) => {
      const staff = await session(request, reply);
      if (!staff) return reply;
      const ctx = context(request, staff);
      const detail = await terminalDetail(db, request.params.fingerprint, now());
      if (!detail) return send(reply, refusedPage(ctx, ctx.w.refused.notFound), 404);
      const done = DONE.find((key) => key === request.query.done);
      return send(reply, terminalPage(ctx, detail, done ? ctx.w.done[done] : undefined));
    },
  );

  type Action = { Params: { fingerprint: string } };
  const refused = (request: FastifyRequest, reply: FastifyReply, staff: Session, reason: string) => {
    const ctx = context(request, staff);
    return send(reply, refusedPage(ctx, `${ctx.w.refused.action}${reason}`), 400);
  };

  app.post<Action>('/terminals/:fingerprint/approve', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const hall = field(request.body, 'hall', 100)?.trim();
    const place = field(request.body, 'place', 100)?.trim();
    if (!hall || !place)
      return refused(request, reply, staff, 'hall and place are both needed (at most 100 characters)');
    const result = await approveTerminal(db, {
      fingerprint: request.params.fingerprint,
      hall,
      place,
      by: staff.staffName,
      now: now(),
    });
    if (!result.ok) return refused(request, reply, staff, result.reason);
    return reply.redirect('/console/?done=approved', 303);
  });

  app.post<Action>('/terminals/:fingerprint/revoke', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const { fingerprint } = request.params;
    const result = await revokeTerminal(db, { fingerprint, by: staff.staffName, now: now() });
    if (!result.ok) return refused(request, reply, staff, result.reason);
    return reply.redirect(`/console/terminals/${encodeURIComponent(fingerprint)}?done=revoked`, 303);
  });

  app.post<Action>('/terminals/:fingerprint/commands', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const { fingerprint } = request.params;
    const key = field(request.body, 'command', 20) ?? '';
    const command = Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined;
    if (!command)
      return refused(request, reply, staff, `a command is one of ${Object.keys(COMMANDS).join(', ')}`);
    const result = await giveCommand(db, { fingerprint, ...command, by: staff.staffName, now: now() });
    if (!result.ok) return refused(request, reply, staff, result.reason);
    return reply.redirect(`/console/terminals/${encodeURIComponent(fingerprint)}?done=command`, 303);
  });

  type PeriodQuery = { period?: string; from?: string; to?: string; group?: string; subject?: string };
  const SUBJECTS: readonly SubjectFilter[] = ['all', 'guide', 'hall'];
  /** The period, grouping and subject a query names; a 400 page already sent when one is not right. */
  async function ratingsQuery(
    request: FastifyRequest<{ Querystring: PeriodQuery }>,
    reply: FastifyReply,
    staff: Session,
    fallback: PeriodKind = '7d',
  ): Promise<{ period: Period; group: Grouping; subject: SubjectFilter; query: string } | undefined> {
    const q = request.query;
    const ctx = context(request, staff);
    const bad = (reason: string) => {
      void send(
        reply,
        refusedPage(ctx, `${ctx.w.ratings.badQuery}${reason}`, {
          href: '/console/ratings',
          text: ctx.w.ratings.heading,
        }),
        400,
      );
      return undefined;
    };
    const parsed = parsePeriod(q, now(), await consoleZone(db), fallback);
    if (!parsed.ok) return bad(parsed.reason);
    const group = q.group === undefined ? 'service' : GROUPINGS.find((g) => g === q.group);
    if (!group) return bad(`group is one of ${GROUPINGS.join(', ')}`);
    const subject = q.subject === undefined ? 'all' : SUBJECTS.find((s) => s === q.subject);
    if (!subject) return bad(`subject is one of ${SUBJECTS.join(', ')}`);
    const params = new URLSearchParams({ period: parsed.value.kind });
    if (parsed.value.kind === 'custom') {
      params.set('from', parsed.value.from);
      params.set('to', parsed.value.to);
    }
    if (subject !== 'all') params.set('subject', subject);
    return { period: parsed.value, group, subject, query: params.toString() };
  }
  const toCases = (ctx: PageContext) => ({ href: '/console/cases', text: ctx.w.ratings.cases.back });
  const subjectOf = (subject: SubjectFilter) => (subject === 'all' ? undefined : subject);

  app.get<{ Querystring: PeriodQuery }>('/ratings', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const q = await ratingsQuery(request, reply, staff);
    if (!q) return reply;
    const ctx = context(request, staff);
    const records = await loadRatings(db, q.period, { subject: subjectOf(q.subject) });
    const counts = countLevels(records);
    return send(
      reply,
      ratingsPage(ctx, {
        ...q,
        counts,
        total: records.length,
        groups: groupRatings(records, q.group, ctx.w.ratings),
        buckets: ratingsOverTime(records, q.period),
        weekly: daysBetween(q.period.from, q.period.to) + 1 > DAILY_CHART_DAYS,
        refusals: await refusalSummary(db, q.period),
      }),
    );
  });

  for (const format of ['csv', 'json'] as const) {
    app.get<{ Querystring: PeriodQuery }>(`/ratings/export.${format}`, async (request, reply) => {
      const staff = await session(request, reply);
      if (!staff) return reply;
      const q = await ratingsQuery(request, reply, staff);
      if (!q) return reply;
      const rows = (await loadRatings(db, q.period, { subject: subjectOf(q.subject) })).map(exportRow);
      const name = `ratings-${q.period.from}-${q.period.to}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(exportCsv(rows));
      return reply.type('application/json; charset=utf-8').send(
        JSON.stringify({
          from: q.period.from,
          to: q.period.to,
          timeZone: q.period.zone,
          subject: q.subject,
          rows,
        }),
      );
    });
  }

  app.get<{ Querystring: { show?: string } }>('/cases', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const ctx = context(request, staff);
    const show = request.query.show ?? 'open';
    const filter = CASE_FILTERS.find((f) => f === show) as CaseFilter | undefined;
    if (!filter)
      return send(
        reply,
        refusedPage(ctx, `${ctx.w.ratings.badQuery}show is one of ${CASE_FILTERS.join(', ')}`, toCases(ctx)),
        400,
      );
    return send(reply, casesPage(ctx, filter, await listCases(db, filter, now())));
  });

  type CaseParams = { Params: { fingerprint: string; ratingId: string }; Querystring: { done?: string } };
  app.get<CaseParams>('/cases/:fingerprint/:ratingId', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const ctx = context(request, staff);
    const line = await findCase(db, request.params.fingerprint, request.params.ratingId, now());
    if (!line)
      return send(reply, refusedPage(ctx, ctx.w.ratings.caseRefused['not-found'], toCases(ctx)), 404);
    const done = request.query.done === 'case' ? ctx.w.done.case : undefined;
    return send(reply, casePage(ctx, line, done));
  });

  app.post<CaseParams>('/cases/:fingerprint/:ratingId', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    const ctx = context(request, staff);
    const note = field(request.body, 'note', MAX_NOTE);
    if (note === undefined)
      return send(reply, refusedPage(ctx, `${ctx.w.ratings.cases.note}: ≤ ${MAX_NOTE}`, toCases(ctx)), 400);
    const { fingerprint, ratingId } = request.params;
    const result = await changeCase(db, {
      fingerprint,
      ratingId,
      from: field(request.body, 'from', 20) ?? '',
      to: field(request.body, 'to', 20) ?? '',
      note,
      by: staff.staffName,
      now: now(),
    });
    if (!result.ok)
      return send(
        reply,
        refusedPage(
          ctx,
          `${ctx.w.refused.action}${ctx.w.ratings.caseRefused[result.reason]}`,
          result.reason === 'not-found'
            ? toCases(ctx)
            : {
                href: `/console/cases/${encodeURIComponent(fingerprint)}/${encodeURIComponent(ratingId)}`,
                text: ctx.w.ratings.cases.caseHeading(`${fingerprint.slice(0, 8)}-${ratingId}`),
              },
        ),
        result.code,
      );
    return reply.redirect(
      `/console/cases/${encodeURIComponent(fingerprint)}/${encodeURIComponent(ratingId)}?done=case`,
      303,
    );
  });

  app.get<{ Querystring: PeriodQuery }>('/guide-errors', async (request, reply) => {
    const staff = await session(request, reply);
    if (!staff) return reply;
    // The content staff look back further: the last 30 days unless the query names a period.
    const q = await ratingsQuery(request, reply, staff, '30d');
    if (!q) return reply;
    const records = await loadRatings(db, q.period, { guideWrongOnly: true });
    return send(reply, guideErrorsPage(context(request, staff), q.period, guideErrors(records)));
  });
}
