/**
 * The processes the fleet bench measures: `fleet/server.ts` started as staff start it (its own process,
 * so its CPU can be read from /proc), a throwaway PostgreSQL from .ci/postgres.sh, and the CPU time of
 * either, read from /proc/<pid>/stat.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times: 100 on Linux everywhere this runs (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime and ppid of a process, or undefined once it is gone. */
function procStat(pid: number): { cpu: number; children: number; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses (which may hold spaces): state is field 3.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const at = (field: number) => Number(fields[field - 3]);
    return { ppid: at(4), cpu: at(14) + at(15), children: at(16) + at(17) };
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used so far (every thread of it). */
export function cpuSeconds(pid: number): number {
  return (procStat(pid)?.cpu ?? 0) / TICKS_PER_SECOND;
}

/** CPU seconds of a PostgreSQL server: the postmaster, its live children, and the children it reaped. */
export function postgresCpuSeconds(postmaster: number): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (!stat) continue;
    if (pid === postmaster) ticks += stat.cpu + stat.children;
    else if (stat.ppid === postmaster) ticks += stat.cpu;
  }
  return ticks / TICKS_PER_SECOND;
}

export interface RunningService {
  url: string;
  pid: number;
  /** SIGTERM, and waits for it to close its database and exit. */
  stop(): Promise<void>;
}

/** Starts `tsx fleet/server.ts` on a free port: PGlite in `dataDir`, or the server at `databaseUrl`. */
export function startFleetService(options: {
  dataDir?: string;
  databaseUrl?: string;
}): Promise<RunningService> {
  const { DATABASE_URL: _unused, ...env } = process.env;
  const args = ['--import', 'tsx', 'fleet/server.ts', '--port', '0'];
  if (options.dataDir) args.push('--data', options.dataDir);
  const child = spawn(process.execPath, args, {
    env: options.databaseUrl ? { ...env, DATABASE_URL: options.databaseUrl } : env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fleet service did not start:\n${output}`)), 60_000);
    let listening = false;
    const read = (chunk: Buffer) => {
      // Every request is logged (as the service runs for staff); only the start is kept.
      if (listening) return;
      output += chunk.toString();
      const url = output.match(/reports at (http:\/\/[^\s]+)\/api\/v1\/reports/)?.[1];
      if (!url) return;
      listening = true;
      clearTimeout(timer);
      resolve({
        url: `${url}/api/v1/reports`,
        pid: child.pid ?? 0,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => reject(new Error(`the fleet service exited:\n${output}`)));
  });
}

export interface ThrowawayPostgres {
  url: string;
  postmasterPid: number;
  version: string;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL server binary, if installed; the bench never installs it. */
export function findPostgres(): string | undefined {
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const bin = versions
    .map((v) => `/usr/lib/postgresql/${v}/bin/postgres`)
    .filter(existsSync)
    .at(-1);
  return bin;
}

/**
 * A cluster from .ci/postgres.sh's start_test_postgres, kept while a bash process waits on its stdin;
 * closing that stdin ends bash, whose EXIT trap stops the server and deletes its folder.
 */
export function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bash: ChildProcess = spawn(
    'bash',
    [
      '-c',
      'source .ci/postgres.sh && start_test_postgres >&2 && echo "URL=$FLEET_TEST_DATABASE_URL DIR=$PG_TEST_DIR" && read -r _',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => bash.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(/URL=(\S+) DIR=(\S+)/);
      if (!found?.[1] || !found[2]) return;
      const pid = Number(readFileSync(`${found[2]}/data/postmaster.pid`, 'utf8').split('\n')[0]);
      resolve({
        url: found[1],
        postmasterPid: pid,
        version: output.match(/PostgreSQL (\S+) at/)?.[1] ?? '?',
        stop: async () => {
          bash.stdin?.end();
          await exited;
        },
      });
    };
    bash.stdout?.on('data', read);
    bash.stderr?.on('data', read);
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
}
