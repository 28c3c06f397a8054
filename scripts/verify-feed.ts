/**
 * `verify-feed <folder or URL> [--key public.key …] [--channel stable]`: checks a feed the way a terminal
 * does before it shows anything, with the terminal's own code (sync/feed.ts to read, sync/verify.ts for
 * the signature and hashes, sync/documents.ts for the schemas), but reports every bad file instead of
 * stopping at the first, and names each one with what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v from 'valibot';
import {
  ChannelPayload,
  type ChannelPayloadT,
  channelPath,
  filePath,
  SignedChannel,
} from '../content/bundle-format.ts';
import { namedFiles } from '../sync/bundle-check.ts';
import { documentProblem, parseManifest } from '../sync/documents.ts';
import { FeedClient, FeedError } from '../sync/feed.ts';
import type { Wanted } from '../sync/transfer.ts';
import { verifyChannel, verifyHash } from '../sync/verify.ts';
import { keyId } from './keys.ts';

export type FeedCheck = {
  ok: boolean;
  /** One line per fault: the file (by its name in the bundle and in the feed), then what is wrong. */
  problems: string[];
  /** What was checked, for the ✓ line. */
  summary: string;
  version?: number;
};
type CheckOptions = { keys: string[]; channel: string; now?: Date; concurrency?: number };

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** A fetch over a feed folder, so a folder is read through the same client as a feed on the web. */
const readFolder: typeof fetch = async (input) => {
  const url = input instanceof Request ? input.url : String(input);
  try {
    return new Response(await readFile(fileURLToPath(url)), { status: 200 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return new Response(null, { status: code === 'ENOENT' || code === 'ENOTDIR' ? 404 : 500 });
  }
};

export async function checkFeed(source: string, o: CheckOptions): Promise<FeedCheck> {
  const now = (o.now ?? new Date()).getTime();
  const base = isUrl(source) ? source : `${pathToFileURL(resolve(source)).href}/`;
  const feed = new FeedClient(base, o.channel, isUrl(source) ? undefined : readFolder);
  const problems: string[] = [];
  const fail = (summary = 'nothing could be checked past the channel file'): FeedCheck => ({
    ok: false,
    problems,
    summary,
  });
  const channelName = channelPath(o.channel);

  let channelBytes: Uint8Array;
  try {
    const response = await feed.channelFile(undefined);
    if (!response.changed) throw new FeedError(`${channelName}: the feed answered 304 to a plain GET`);
    channelBytes = response.bytes;
  } catch (e) {
    problems.push(feedProblem(channelName, e));
    return fail();
  }
  const verified = await verifyChannel(channelBytes, o.keys);
  let channel: ChannelPayloadT;
  if (verified.ok) channel = verified.value;
  else {
    problems.push(`${channelName}: ${verified.reason}${keyHint(channelBytes, o.keys)}`);
    // Go on with the unverified payload, so one run lists the file faults as well.
    const unverified = unverifiedPayload(channelBytes);
    if (!unverified) return fail();
    channel = unverified;
  }
  if (channel.channel !== o.channel)
    problems.push(`${channelName}: holds metadata for channel "${channel.channel}", not "${o.channel}"`);
  if (Date.parse(channel.expires) <= now)
    problems.push(
      `${channelName}: version ${channel.version} expired at ${channel.expires}: terminals keep what they show and flag the feed stale`,
    );

  const manifestRef = { ...channel.manifest, ext: 'json' as const };
  const manifestName = `the manifest (${filePath(manifestRef)})`;
  const manifestBytes = await fetchVerified(feed, { ...manifestRef, name: manifestName });
  if (typeof manifestBytes === 'string') {
    problems.push(manifestBytes);
    return fail('the files could not be checked without the manifest');
  }
  const manifest = parseManifest(manifestBytes);
  if (!manifest) {
    problems.push(`${manifestName}: does not match the bundle format`);
    return fail('the files could not be checked without the manifest');
  }
  // Named as the terminal names them in its log, so staff can match the two.
  const wanted = namedFiles(manifest);
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const bytes = await fetchVerified(feed, next);
      if (typeof bytes === 'string') problems.push(bytes);
      else if (next.kind) {
        const problem = documentProblem(next.kind, bytes);
        if (problem) problems.push(`${next.name} ${problem}`);
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 8 }, worker));

  const bytes = wanted.reduce((n, w) => n + w.size, manifestRef.size);
  const hours = (Date.parse(channel.expires) - now) / 3600e3;
  // Republishing is due before this: say it in the unit a person plans in.
  const left =
    hours < 0 ? '' : hours < 48 ? ` (in ${Math.floor(hours)} h)` : ` (in ${Math.round(hours / 24)} days)`;
  const summary =
    `channel "${channel.channel}" of hall "${channel.hall}", version ${channel.version}, ` +
    `expires ${channel.expires}${left}; ` +
    `${wanted.length + 1} files checked (${(bytes / 1024).toFixed(0)} KiB)`;
  return { ok: problems.length === 0, problems, summary, version: channel.version };
}

/** The bytes when they are there and hash to their name; otherwise what is wrong, naming the file. */
async function fetchVerified(feed: FeedClient, w: Wanted): Promise<Uint8Array | string> {
  let bytes: Uint8Array;
  try {
    bytes = await feed.file(w);
  } catch (e) {
    return feedProblem(w.name, e);
  }
  const verified = await verifyHash(bytes, w.hash, w.size, w.name);
  return verified.ok ? bytes : verified.reason;
}

function feedProblem(name: string, e: unknown): string {
  if (!(e instanceof FeedError)) return `${name}: ${String(e)}`;
  // FeedError says "<path>: <what>"; the name already holds the path.
  const what = e.message.slice(e.message.indexOf(': ') + 2);
  return `${name}: ${e.status === 404 ? 'missing from the feed' : what}`;
}

/** Which key signed it, when none of the given ones did: the usual cause is a forgotten --key. */
function keyHint(bytes: Uint8Array, keys: string[]): string {
  const signed = v.safeParse(SignedChannel, safeJson(new TextDecoder().decode(bytes)));
  if (!signed.success) return '';
  const given = new Set(keys.map(keyId));
  const by = signed.output.signatures.map((s) => s.keyid).filter((id) => !given.has(id));
  if (by.length === 0) return '';
  return ` (signed by key ${by.map((id) => id.slice(0, 12)).join(', ')}; checked against ${[...given].map((id) => id.slice(0, 12)).join(', ') || 'no key'})`;
}

/** The payload as it claims to be, signature unchecked: for going on after a bad signature, and for --live. */
export function unverifiedPayload(bytes: Uint8Array): ChannelPayloadT | undefined {
  const signed = v.safeParse(SignedChannel, safeJson(new TextDecoder().decode(bytes)));
  if (!signed.success) return undefined;
  const payload = v.safeParse(ChannelPayload, safeJson(signed.output.payload));
  return payload.success ? payload.output : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The keys a terminal built here would trust: KIOSK_TRUSTED_KEYS as the build reads it, else the build config. */
export function defaultTrustedKeys(): string[] {
  const fromEnv = process.env.KIOSK_TRUSTED_KEYS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  const config = JSON.parse(readFileSync(new URL('../kiosk/build-config.json', import.meta.url), 'utf8')) as {
    trustedKeys: string[];
  };
  return config.trustedKeys;
}

export async function runVerifyFeed(o: {
  source: string;
  keyFiles: string[];
  channel: string;
}): Promise<boolean> {
  const keys =
    o.keyFiles.length > 0 ? o.keyFiles.map((f) => readFileSync(f, 'utf8').trim()) : defaultTrustedKeys();
  const result = await checkFeed(o.source, { keys, channel: o.channel });
  if (result.ok) {
    console.log(`✓ ${o.source}: ${result.summary}`);
    return true;
  }
  for (const p of result.problems) console.error(`✗ ${p}`);
  console.error(
    `${result.problems.length} problem(s) in ${o.source}: terminals will not take it (${result.summary})`,
  );
  return false;
}
