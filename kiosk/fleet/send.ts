/** One report over HTTP: the browser's fetch to the fleet service's report endpoint, cross-origin, no cookies. */
import type { SendResult } from './outbox.ts';

/** `<fleet>/api/v1/reports`, whether the configured address ends in a slash or not. */
export function reportEndpoint(fleetUrl: string): string {
  return new URL('api/v1/reports', fleetUrl.endsWith('/') ? fleetUrl : `${fleetUrl}/`).href;
}

/**
 * `timeoutMs`: how long to wait for an answer; the feed's header timeout (`?feedTimeout=`), since both
 * cross the same hall network (and a test that jumps the clock sets it long for both).
 */
export function httpSender(fleetUrl: string, timeoutMs: number): (body: string) => Promise<SendResult> {
  const endpoint = reportEndpoint(fleetUrl);
  return async (body) => {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (a proxy's error page): the status still decides.
      }
      return { kind: 'answer', status: response.status, body: parsed };
    } catch (error) {
      return { kind: 'unreachable', message: `no answer from ${endpoint}: ${(error as Error).message}` };
    }
  };
}
