/** Test doubles for sync: a feed served from memory (with faults on demand) and a manual clock. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishBundle } from '../../scripts/publish.ts';
import type { Clock } from '../engine.ts';

/** 'hang': the feed never answers (no headers), until the request is aborted. */
export type Fault = (path: string) => Response | 'throw' | 'hang' | undefined;

/** A feed folder published on disk, served from a Map so tests can count, break and change it. */
export class MemoryFeed {
  readonly files = new Map<string, Uint8Array>();
  readonly served: { path: string; status: number; bytes: number }[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'sunlight-memfeed-'));
  fault: Fault | undefined;
  /** Awaited before each request is answered: a test holds a download part-way, then lets it go on. */
  gate: ((path: string) => Promise<void>) | undefined;

  publish(folder: string, privateKey: string, now = new Date(), expires = '30d') {
    const result = publishBundle({ folder, feed: this.dir, privateKey, channel: 'stable', expires, now });
    if (!result.ok) throw new Error(result.reason);
    this.reload();
    return result;
  }

  /** Reads the feed folder again: what a web server would now serve. */
  reload(): void {
    this.files.clear();
    for (const sub of ['channels', 'files']) {
      for (const f of readdirSync(join(this.dir, sub)))
        this.files.set(`${sub}/${f}`, readFileSync(join(this.dir, sub, f)));
    }
  }

  /** Serves another feed's files from now on: the feed folder restored from a backup, say. */
  replaceWith(other: MemoryFeed): void {
    this.files.clear();
    for (const [path, bytes] of other.files) this.files.set(path, bytes);
  }

  channelPayload(): { version: number; manifest: { hash: string } } {
    const envelope = JSON.parse(new TextDecoder().decode(this.files.get('channels/stable.json')));
    return JSON.parse(envelope.payload);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname.replace(/^\/feed\//, '');
    await this.gate?.(path);
    const fault = this.fault?.(path);
    if (fault === 'throw') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      this.served.push({ path, status: 0, bytes: 0 });
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (fault) {
      this.served.push({ path, status: fault.status, bytes: 0 });
      return fault;
    }
    const body = this.files.get(path);
    if (!body) {
      this.served.push({ path, status: 404, bytes: 0 });
      return new Response('not found', { status: 404 });
    }
    // As a web server's: a new file gets a new tag. (A tag from the length and two bytes once made a new
    // channel file look unchanged, and the engine tests that publish a second version failed by chance.)
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    if (path.startsWith('channels/') && ifNoneMatch === etag) {
      this.served.push({ path, status: 304, bytes: 0 });
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    this.served.push({ path, status: 200, bytes: body.length });
    return new Response(body.slice(), { status: 200, headers: { ETag: etag } });
  };
}

/** Counts what a misbehaving body has handed to the reader, and whether the reader hung up. */
export type BodyTap = { pulled: number; cancelled: boolean };

/** A body that never ends: chunks of `chunk` bytes for as long as the reader pulls. */
export function endlessBody(chunk = 64 * 1024): { response: Response; tap: BodyTap } {
  const tap: BodyTap = { pulled: 0, cancelled: false };
  const bytes = new Uint8Array(chunk).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      tap.pulled += bytes.length;
      controller.enqueue(bytes.slice());
    },
    cancel() {
      tap.cancelled = true;
    },
  });
  return { response: new Response(body, { status: 200 }), tap };
}

/** A body that sends `bytes` one byte every `everyMs` real milliseconds (a trickling server). */
export function tricklingBody(bytes: Uint8Array, everyMs = 5): { response: Response; tap: BodyTap } {
  const tap: BodyTap = { pulled: 0, cancelled: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (tap.pulled >= bytes.length) controller.close();
          else controller.enqueue(bytes.slice(tap.pulled, ++tap.pulled));
          resolve();
        }, everyMs);
      });
    },
    cancel() {
      tap.cancelled = true;
      clearTimeout(timer);
    },
  });
  return { response: new Response(body, { status: 200 }), tap };
}

export const FEED_URL = 'http://feed.test/feed/';

/** Timers run only when the test advances the clock. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(private time = Date.parse('2026-11-26T10:00:00Z')) {}
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** When the next timer is due, in ms from now. */
  nextDelay(): number | undefined {
    const next = Math.min(...this.timers.map((t) => t.at));
    return Number.isFinite(next) ? next - this.time : undefined;
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.fn();
  }
}

export const plentyOfStorage = {
  estimate: async () => ({ quota: 1e10, usage: 0 }),
  persist: async () => true,
};
