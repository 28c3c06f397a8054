/** One report over HTTP: the browser's fetch to the fleet service's report endpoint, cross-origin, no cookies. */
import type { SendResult } from './outbox.ts';

const SEND_TIMEOUT_MS = 30_000;

/** `<fleet>/api/v1/reports`, whether the configured address ends in a slash or not. */
export function reportEndpoint(fleetUrl: string): string {
  return new URL('api/v1/reports', fleetUrl.endsWith('/') ? fleetUrl : `${fleetUrl}/`).href;
}

export function httpSender(fleetUrl: string): (body: string) => Promise<SendResult> {
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
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
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
