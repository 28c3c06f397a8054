/**
 * `npm run fleet -- user add <name>`, `user reset <name>`, `user list`: the console's staff accounts.
 * The password is never an argument (it would sit in the shell's history and in `ps`): it is asked
 * for twice without echo on a terminal, or read as the first line of stdin when piped
 * (`printf '%s\n' "$PASSWORD" | npm run fleet -- user add wang.li`). Same database options as the
 * service: `--data <dir>` for PGlite, or DATABASE_URL.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { addStaff, listStaff, resetPassword } from './console/staff.ts';
import { DEFAULT_DATA_DIR, type FleetDb, openFleetDb } from './db.ts';
import { migrate } from './migrate.ts';

export const USERS_USAGE = `usage: npm run fleet -- user add <name> [--data <dir>]     (password asked for, or the first line of stdin)
       npm run fleet -- user reset <name> [--data <dir>]   (a new password; signs that account out everywhere)
       npm run fleet -- user list [--data <dir>]           (env DATABASE_URL for a PostgreSQL server)`;

/** Asks without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  process.stdout.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    prompt.question('', (answer) => {
      prompt.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** The password, or a reason it could not be read. */
async function readPassword(): Promise<{ ok: true; value: string } | { ok: false; reason: string }> {
  if (!process.stdin.isTTY) return { ok: true, value: await firstLineOfStdin() };
  const first = await askHidden('password: ');
  const again = await askHidden('the same password again: ');
  return first === again ? { ok: true, value: first } : { ok: false, reason: 'the two passwords differ' };
}

/** Runs the verb; returns the exit code (2 for a usage mistake, 1 for a refusal). */
export async function runUsersCli(args: string[]): Promise<number> {
  let parsed: { values: { data?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USERS_USAGE}`);
    return 2;
  }
  const [verb, name, ...rest] = parsed.positionals;
  const needsName = verb === 'add' || verb === 'reset';
  if (
    !(needsName || verb === 'list') ||
    (needsName && !name) ||
    rest.length > 0 ||
    (verb === 'list' && name)
  ) {
    console.error(USERS_USAGE);
    return 2;
  }
  const password = needsName ? await readPassword() : undefined;
  if (password && !password.ok) {
    console.error(`fleet user: ${password.reason}; nothing changed`);
    return 1;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let db: FleetDb;
  try {
    db = await openFleetDb({ databaseUrl, dataDir: parsed.values.data ?? DEFAULT_DATA_DIR });
  } catch (error) {
    // Most often the service holding PGlite's data folder: the message says so and what to do.
    console.error(`fleet user: ${(error as Error).message}; nothing changed`);
    return 1;
  }
  try {
    await migrate(db);
    if (verb === 'list') {
      const staff = await listStaff(db);
      if (staff.length === 0) console.log('no staff accounts yet: npm run fleet -- user add <name>');
      for (const account of staff) {
        console.log(
          `${account.name}\tsince ${account.createdAt.toISOString()}\tpassword set ${account.passwordSetAt.toISOString()}`,
        );
      }
      return 0;
    }
    const change = verb === 'add' ? addStaff : resetPassword;
    const result = await change(db, name!, password!.ok ? password!.value : '', new Date());
    if (!result.ok) {
      console.error(`fleet user: ${result.reason}; nothing changed`);
      return 1;
    }
    console.log(
      verb === 'add' ? `fleet user: added ${result.value}` : `fleet user: new password for ${result.value}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
