/**
 * Reads a response body as a stream under two bounds: no more bytes than a limit (a declared size, or the
 * build's bound where nothing is declared), and no slower than a minimum rate. Holding the whole body
 * first (`arrayBuffer()`) let an endless file fill the renderer's memory before its hash could be checked.
 */
import type { Clock } from './engine.ts';
import { duration } from './network-limits.ts';
import type { Verified } from './verify.ts';

export type BodyBounds = {
  /** Names the file in every message: 'hall "x" (files/ab….json)' or 'channels/stable.json'. */
  name: string;
  /** More bytes than this are refused as soon as they arrive. */
  limit: number;
  /** What the limit is, for the refusal: "the 812 bytes the manifest declares". */
  limitText: string;
  stallMs: number;
  minBytesPerSecond: number;
  clock: Clock;
  /** Aborted when the whole check is abandoned; its reason says why. */
  check: AbortSignal | undefined;
  /** Called when reading stops early, to drop the connection too. */
  abort: () => void;
};

export async function readBoundedBody(
  body: ReadableStream<Uint8Array> | null,
  b: BodyBounds,
): Promise<Verified<Uint8Array>> {
  if (!body) return { ok: true, value: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let stopped: string | undefined;
  const stop = (reason: string) => {
    stopped ??= reason;
    b.abort();
    // Cancelling resolves the pending read at once, whatever the server does next.
    reader.cancel(reason).catch(() => undefined);
  };

  // The rate is judged per window: a body that brings less than the minimum in one window has stalled
  // (a silent server brings nothing; a trickling one, 1 byte/s, far too little). A file that is almost
  // done needs only its remaining bytes.
  let windowStart = 0;
  const perWindow = (b.minBytesPerSecond * b.stallMs) / 1000;
  const tick = () => {
    const inWindow = received - windowStart;
    const needed = Math.max(1, Math.min(perWindow, b.limit - received));
    if (inWindow < needed) {
      stop(
        `${b.name}: stalled: ${inWindow} bytes in ${duration(b.stallMs)} (${received} of ${b.limit} received), less than ${b.minBytesPerSecond} bytes/s: aborted, will retry`,
      );
      return;
    }
    windowStart = received;
    timer = b.clock.setTimeout(tick, b.stallMs);
  };
  let timer = b.clock.setTimeout(tick, b.stallMs);
  const abandon = () =>
    stop(`${b.name}: ${String(b.check?.reason)} (${received} of ${b.limit} bytes received)`);
  if (b.check?.aborted) abandon();
  b.check?.addEventListener('abort', abandon);

  try {
    while (!stopped) {
      const { done, value } = await reader.read();
      if (done || stopped) break;
      received += value.length;
      if (received > b.limit) {
        stop(`size check failed: ${b.name}: the feed sent more than ${b.limitText}`);
        break;
      }
      chunks.push(value);
    }
  } catch {
    stopped ??= `${b.name}: the download was cut off`;
  } finally {
    b.clock.clearTimeout(timer);
    b.check?.removeEventListener('abort', abandon);
  }
  if (stopped) return { ok: false, reason: stopped };
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: bytes };
}
