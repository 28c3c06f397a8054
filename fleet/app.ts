/**
 * The fleet service's HTTP side: `POST /api/v1/reports` and `GET /api/v1/health`, on Fastify.
 * Every failure is an answer, never a crash: a body that is not JSON or not a report is a 400 naming
 * what is wrong, an oversized one a 413, and anything unexpected (a database that went away) a 500
 * logged with the request id, which the answer repeats so staff can find the log line.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { consoleRoutes } from './console/routes.ts';
import type { FleetDb } from './db.ts';
import { MAX_REPORT_BYTES } from './protocol.ts';
import { receiveReport } from './receive-report.ts';
import { type CaseRules, DEFAULT_CASE_RULES, setCaseRules } from './store-ratings.ts';

export interface FleetAppOptions {
  db: FleetDb;
  /** The service's clock, for received/seen times (tests pass a fixed one). */
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /**
   * Behind a reverse proxy (`--trust-proxy loopback`, or its addresses: `10.0.0.5,10.0.0.6`): from a
   * request arriving from one of these, the client's address, the scheme and the host are read from
   * X-Forwarded-For/-Proto/-Host. An address list, not "any" or a hop count: with `true` the address
   * would be the leftmost X-Forwarded-For entry, which the client itself writes, and Fastify refuses a
   * hop count since it cannot tell a proxy from a client.
   */
  trustProxy?: string;
  /** When a 差评's case is due (`--case-due-working-days`, `--holidays`); 15 working days, Monday to Friday, by default. */
  cases?: CaseRules;
}

/** A client's mistake found while reading the body: answered with its status and message as is. */
function clientError(statusCode: number, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode, code: 'FLEET_BAD_BODY', name: 'FleetBadBody' });
}

export function buildFleetApp(options: FleetAppOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const cases = options.cases ?? DEFAULT_CASE_RULES;
  // The console's approval stores pending ratings under the same rules (console-actions.ts).
  setCaseRules(options.db, cases);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_REPORT_BYTES,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });

  // Terminals post reports from the kiosk's own origin. Only the report endpoint answers cross-origin
  // (any origin: a report's authority is its signature), never with credentials.
  const REPORTS = '/api/v1/reports';
  app.register(cors, {
    delegator: (request, callback) =>
      callback(
        null,
        request.url?.split('?')[0] === REPORTS
          ? {
              origin: '*',
              methods: ['POST'],
              allowedHeaders: ['Content-Type'],
              credentials: false,
              maxAge: 600,
            }
          : { origin: false },
      ),
  });

  // Our own JSON reader, so a malformed body is answered in the protocol's { error } words.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, JSON.parse(text as string));
    } catch (error) {
      done(clientError(400, `the body is not JSON: ${(error as Error).message}`), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .code(413)
        .send({ error: `the body is over ${MAX_REPORT_BYTES} bytes, the most a report may be` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(400).send({ error: 'a report is sent with Content-Type: application/json' });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(400).send({ error: error.message });
    }
    // The request's logger already carries its reqId.
    request.log.error({ err: error }, 'fleet: request failed');
    return reply
      .code(500)
      .send({ error: `the fleet service failed on this request (request id ${request.id}); see its log` });
  });

  app.post('/api/v1/reports', async (request, reply) => {
    const answer = await receiveReport(options.db, request.body, now(), cases);
    return reply.code(answer.status).send(answer.body);
  });

  app.get('/api/v1/health', async (_request, reply) => {
    try {
      await options.db.query('SELECT 1');
      return { ok: true, database: options.db.kind };
    } catch (error) {
      return reply
        .code(503)
        .send({ ok: false, error: `the database does not answer: ${(error as Error).message}` });
    }
  });

  // The staff console, in its own encapsulated scope (cookies and forms stay there).
  app.register(consoleRoutes, { prefix: '/console', db: options.db, now });
  app.get('/', async (_request, reply) => reply.redirect('/console/', 303));

  return app;
}
