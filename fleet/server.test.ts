/**
 * `npm run fleet` as staff start it: a data folder that survives a restart (the second start applies
 * no migration), health over HTTP, a clean stop on SIGTERM, and a wrong option told, not crashed on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runService } from './testing/run-service.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'fleet-server-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () => runService(dataDir);

describe('npm run fleet', () => {
  it('keeps its database in --data across a restart, answers health, and stops cleanly', async () => {
    const first = await start();
    expect(first.output()).toContain(`PGlite in ${dataDir}, applied 001_initial.sql`);
    expect(await (await fetch(`${first.address}/api/v1/health`)).json()).toEqual({
      ok: true,
      database: 'pglite',
    });
    expect(await first.stop()).toBe(0);

    const second = await start();
    expect(second.output()).toContain('schema up to date');
    expect(await second.stop()).toBe(0);
  }, 60_000);

  it('reads --holidays and --case-due-working-days at start and says what it read', async () => {
    const file = join(dataDir, 'holidays.txt');
    writeFileSync(file, '# 2027 元旦\n2027-01-01\n+2027-01-03\n');
    const service = await runService(dataDir, ['--holidays', file, '--case-due-working-days', '10']);
    expect(service.output()).toContain(
      `差评 cases due 10 working days after receipt; ${file}: 1 holidays, 1 make-up working days, 2027-01-01 to 2027-01-03`,
    );
    expect(await service.stop()).toBe(0);
  }, 60_000);

  it.each([
    [
      'a bad line of the holidays file',
      'holidays',
      '2027-01-01\n2027-13-01\n',
      ':2: 2027-13-01 is not a day of the calendar',
    ],
    ['a holidays file that is not there', 'missing', '', ': cannot be read'],
    [
      'a due time that is not a number of days',
      'days',
      '',
      '--case-due-working-days should be a whole number of working days from 1 to 365, not "soon"',
    ],
  ])('stops at start on %s, saying what is wrong, and exits 2', (_case, kind, text, words) => {
    const file = join(dataDir, `${kind}.txt`);
    if (kind === 'holidays') writeFileSync(file, text);
    const options = kind === 'days' ? ['--case-due-working-days', 'soon'] : ['--holidays', file];
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'fleet/server.ts', '--data', dataDir, ...options],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(kind === 'days' ? words : `${file}${words}`);
  });

  it('names a wrong option and exits 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'fleet/server.ts', '--port', 'lots'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port should be a number from 0 to 65535, not "lots"');
  });
});
