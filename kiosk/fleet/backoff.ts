/** How long the outbox waits before trying the service again after a failure: doubling, capped, jittered. */

export const BACKOFF = { firstMs: 15_000, capMs: 10 * 60_000 } as const;

/**
 * The wait after the `failures`-th failure in a row: 15 s, 30 s, 1 min … up to 10 min, each scaled by a
 * random 50–100 %, so the terminals of a hall that lost the service together do not all come back in
 * the same second (the service's bench measures 10,000 reconnecting within a minute).
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const full = Math.min(BACKOFF.capMs, BACKOFF.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (0.5 + random() / 2));
}
