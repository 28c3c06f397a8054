/**
 * `npm run fleet` as staff start it, for the tests of the service itself: on PGlite in `dataDir` (any
 * DATABASE_URL of the test run is left out), on a free port. Resolves once it listens.
 */
import { spawn } from 'node:child_process';

export interface RunningService {
  address: string;
  pid: number;
  output: () => string;
  /** SIGTERM; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

export function runService(dataDir: string, options: string[] = []): Promise<RunningService> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'fleet/server.ts', '--port', '0', '--data', dataDir, ...options],
    { env },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fleet did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = output.match(/reports at (http:\/\/[^\s]+)\/api\/v1\/reports/)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve({
          address,
          pid: child.pid!,
          output: () => output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`fleet exited with ${code}:\n${output}`)));
  });
}
