/**
 * The service's clock. Normally the system's. For journeys whose terminals run on the test day (a
 * Playwright fake clock that the test moves on), FLEET_TEST_CLOCK_FILE names a file holding
 * `{"now": "<ISO time>", "setAt": <ms since epoch on the system clock>}`: the service's time is `now`
 * plus the real time since `setAt`, read again whenever the file changes. So the console sees the
 * terminals' sentAt and its own received times on one clock, and the test can move it with theirs.
 * Documented in docs/fleet.md; nothing reads the file unless the variable is set.
 */
import { readFileSync } from 'node:fs';

export function serviceClock(clockFile: string | undefined = process.env.FLEET_TEST_CLOCK_FILE): () => Date {
  if (!clockFile) return () => new Date();
  let seen = '';
  let offset = 0;
  const read = () => {
    const text = readFileSync(clockFile, 'utf8');
    if (text === seen) return;
    const { now, setAt } = JSON.parse(text) as { now: string; setAt: number };
    const at = Date.parse(now);
    if (Number.isNaN(at) || typeof setAt !== 'number') {
      throw new Error(`${clockFile}: should hold {"now": "<ISO time>", "setAt": <ms>}`);
    }
    offset = at - setAt;
    seen = text;
  };
  read();
  return () => {
    read();
    return new Date(Date.now() + offset);
  };
}
