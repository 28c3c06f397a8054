/**
 * `npm run fleet -- [--port 8790] [--host 127.0.0.1] [--data .local/fleet-db] [--trust-proxy loopback]
 * [--case-due-working-days 15] [--holidays <file>]`: the fleet service (`--trust-proxy` behind a reverse
 * proxy: app.ts says what it trusts; the last two say when a 差评's case is due: working-days.ts).
 * With DATABASE_URL set it uses that PostgreSQL server (and --data is not used); otherwise PGlite in
 * the data folder. Migrations are applied at start, so a new version of the service brings its schema.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildFleetApp } from './app.ts';
import { DEFAULT_DATA_DIR, openFleetDb } from './db.ts';
import { migrate } from './migrate.ts';
import {
  RETENTION_OPTIONS,
  RETENTION_USAGE,
  type RetentionJob,
  retentionPolicyFrom,
  startRetention,
} from './retention.ts';
import { serviceClock } from './service-clock.ts';
import { type CaseRules, DEFAULT_CASE_RULES } from './store-ratings.ts';
import { PLAIN_CALENDAR, parseHolidays } from './working-days.ts';

const USAGE = `usage: npm run fleet -- [--port 8790] [--host 127.0.0.1] [--data <dir>] [--trust-proxy loopback|<proxy addresses>] ${RETENTION_USAGE} [--case-due-working-days 15] [--holidays <file>]   (env DATABASE_URL)`;

/** The case rules the two options give, with a line saying what they are, or what is wrong. */
function caseRulesFrom(values: {
  'case-due-working-days'?: string | undefined;
  holidays?: string | undefined;
}): { ok: true; value: CaseRules; says: string } | { ok: false; reason: string } {
  const text = values['case-due-working-days'];
  const days = text === undefined ? DEFAULT_CASE_RULES.dueWorkingDays : Number(text);
  if (!(Number.isInteger(days) && days >= 1 && days <= 365)) {
    return {
      ok: false,
      reason: `--case-due-working-days should be a whole number of working days from 1 to 365, not "${text}"`,
    };
  }
  const file = values.holidays;
  if (file === undefined) {
    return {
      ok: true,
      value: { dueWorkingDays: days, calendar: PLAIN_CALENDAR },
      says: `差评 cases due ${days} working days after receipt, Monday to Friday (no --holidays file: public holidays count as working days)`,
    };
  }
  let fileText: string;
  try {
    fileText = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: `--holidays ${file}: cannot be read (${(error as Error).message})` };
  }
  const calendar = parseHolidays(fileText, file);
  if (!calendar.ok) return calendar;
  const { span, holidays, workdays } = calendar.value;
  return {
    ok: true,
    value: { dueWorkingDays: days, calendar: calendar.value },
    says: `差评 cases due ${days} working days after receipt; ${file}: ${holidays.size} holidays, ${workdays.size} make-up working days${span ? `, ${span.from} to ${span.to}` : ''}`,
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === 'user') {
    const { runUsersCli } = await import('./users-cli.ts');
    process.exit(await runUsersCli(process.argv.slice(3)));
  }
  let values: { port?: string; host?: string; data?: string; 'trust-proxy'?: string } & Parameters<
    typeof retentionPolicyFrom
  >[0] &
    Parameters<typeof caseRulesFrom>[0];
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'trust-proxy': { type: 'string' },
        ...RETENTION_OPTIONS,
        'case-due-working-days': { type: 'string' },
        holidays: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const port = Number(values.port ?? 8790);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port should be a number from 0 to 65535, not "${values.port}"\n${USAGE}`);
    process.exit(2);
  }
  const retention = retentionPolicyFrom(values);
  if (!retention.ok) {
    console.error(`${retention.reason}\n${USAGE}`);
    process.exit(2);
  }
  // A bad holidays file stops the service before it opens the database: due dates are not guessed.
  const cases = caseRulesFrom(values);
  if (!cases.ok) {
    console.error(`fleet: ${cases.reason}`);
    process.exit(2);
  }
  const host = values.host ?? '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values.data ?? DEFAULT_DATA_DIR;

  const db = await openFleetDb({ databaseUrl, dataDir });
  // Before anything else can take time: a stop asked for while starting still closes the database
  // (PGlite's data folder is only consistent once closed).
  let app: FastifyInstance | undefined;
  let pruning: RetentionJob | undefined;
  const stop = async (signal: string) => {
    console.log(`fleet: ${signal}, stopping`);
    await app?.close();
    await pruning?.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const applied = await migrate(db);
  const where = databaseUrl ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${dataDir}`;
  console.log(
    `fleet: database ${where}${applied.length ? `, applied ${applied.join(', ')}` : ', schema up to date'}`,
  );

  console.log(`fleet: ${cases.says}`);
  const now = serviceClock();
  const trustProxy = values['trust-proxy'];
  app = buildFleetApp({ db, now, logger: { level: 'info' }, trustProxy, cases: cases.value });
  const address = await app.listen({ port, host });
  console.log(`fleet: reports at ${address}/api/v1/reports`);
  console.log(`fleet: console at ${address}/console/`);
  if (trustProxy) console.log(`fleet: reading X-Forwarded-For/-Proto/-Host from ${trustProxy}`);
  // At start and hourly, in small batches, so reports are stored while it runs.
  pruning = startRetention({ db, now, policy: retention.value });
}

main().catch((error: unknown) => {
  console.error(`fleet: could not start: ${(error as Error).message}`);
  process.exit(1);
});
