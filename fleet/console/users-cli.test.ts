/**
 * `npm run fleet -- user …` as an administrator runs it: the password piped on stdin (never an
 * argument), too short refused, a second add refused, reset and list; the account then signs in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db.ts';
import { runService } from '../testing/run-service.ts';
import { signIn } from './sign-in.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'fleet-users-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function fleetUser(args: string[], stdin = '', folder = dataDir) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'fleet/server.ts', 'user', ...args, '--data', folder],
    {
      input: stdin,
      env,
      encoding: 'utf8',
    },
  );
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run fleet -- user', () => {
  it('adds, refuses a short password and a second add, resets and lists; the account signs in', async () => {
    expect(fleetUser(['add', 'wang.li'], 'short\n')).toMatchObject({
      code: 1,
      err: expect.stringContaining('at least 12 characters'),
    });
    expect(fleetUser(['add', 'Wang.Li'], 'the first long password\n')).toMatchObject({
      code: 0,
      out: expect.stringContaining('added wang.li'),
    });
    expect(fleetUser(['add', 'wang.li'], 'another long password\n')).toMatchObject({
      code: 1,
      err: expect.stringContaining('already an account "wang.li"'),
    });
    expect(fleetUser(['reset', 'nobody'], 'another long password\n')).toMatchObject({ code: 1 });
    expect(fleetUser(['reset', 'wang.li'], 'the second long password\n')).toMatchObject({ code: 0 });
    expect(fleetUser(['list'])).toMatchObject({ code: 0, out: expect.stringMatching(/^wang\.li\tsince /) });
    expect(fleetUser(['add', 'wang.li', '--password', 'x'])).toMatchObject({ code: 2 });

    const db = await openPglite(dataDir);
    try {
      const now = new Date('2026-03-02T09:31:00.000Z');
      const attempt = { name: 'wang.li', ip: '127.0.0.1', now };
      expect(await signIn(db, { ...attempt, password: 'the first long password' })).toEqual({
        ok: false,
        reason: 'wrong',
      });
      expect(await signIn(db, { ...attempt, password: 'the second long password' })).toMatchObject({
        ok: true,
      });
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe('npm run fleet -- user while the service runs on the same PGlite folder', () => {
  it('refuses, naming the service and what to do, and works once the service has stopped', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fleet-users-cli-running-'));
    try {
      const service = await runService(folder);
      const refused = fleetUser(['add', 'zhao.min'], 'a long enough password\n', folder);
      expect(await service.stop()).toBe(0);
      expect(refused).toMatchObject({
        code: 1,
        out: '',
        err: expect.stringContaining(
          `the fleet service (pid ${service.pid}) has the data folder ${folder} open: stop it first, then run this again; nothing changed`,
        ),
      });
      expect(fleetUser(['add', 'zhao.min'], 'a long enough password\n', folder)).toMatchObject({ code: 0 });
      expect(fleetUser(['list'], '', folder)).toMatchObject({ out: expect.stringMatching(/^zhao\.min\t/) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
