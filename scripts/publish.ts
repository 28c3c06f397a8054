/**
 * `publish <folder> --feed <dir> --key <file>`: validate, build the bundle, write its content-addressed files
 * into the feed, and last the signed channel file, so a terminal never sees metadata naming a missing file.
 * Then check what was written as a terminal would (verify-feed.ts): a ✓ means terminals will take it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { buildBundle, documentStrings } from '../content/bundle.ts';
import {
  BUNDLE_FORMAT,
  ChannelPayload,
  type ChannelPayloadT,
  channelPath,
  type FileRefT,
  filePath,
  type ManifestT,
  SignedChannel,
} from '../content/bundle-format.ts';
import { formatProblem } from '../content/problems.ts';
import { validateFolder } from '../content/validate.ts';
import { lockFeed } from './feed-lock.ts';
import { nextVersion } from './feed-version.ts';
import { contentFonts } from './fonts/content-fonts.ts';
import { publicKeyOf, signText } from './keys.ts';
import { readLiveChannel } from './live-channel.ts';
import { checkFeed } from './verify-feed.ts';

export type PublishOptions = {
  folder: string;
  feed: string;
  privateKey: string;
  channel: string;
  /** How long terminals may trust this metadata, like "30d" or "12h". */
  expires: string;
  now?: Date;
  log?: (line: string) => void;
  /**
   * 'clock' (staff publishes: runPublish): the version is above the folder's and at least the publish
   * time as YYYYMMDDHHMMSS, so a fresh folder or a restored backup never goes below what terminals have
   * seen (feed-version.ts). 'count' (the default, for throwaway feeds in tests and `npm start`): the
   * folder's version + 1, so a fresh feed starts at 1.
   */
  versions?: 'clock' | 'count';
  /** The channel live on the web (`--live`): this publish goes above its version too. */
  live?: { url: string; version: number; hall: string };
};
export type PublishResult =
  | {
      ok: true;
      version: number;
      manifest: string;
      written: string[];
      reused: number;
      /** Files already in the feed whose bytes did not match their name, written again. */
      repaired: string[];
      bytesWritten: number;
    }
  | { ok: false; reason: string };

export function parseDuration(text: string): number {
  const m = /^(\d+)\s*([hdw])$/.exec(text.trim());
  if (!m)
    throw new Error(`--expires "${text}" should be a number of hours, days or weeks, like 12h, 30d or 2w`);
  return Number(m[1]) * { h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[m[2] as 'h' | 'd' | 'w'];
}

export function publishBundle(o: PublishOptions): PublishResult {
  const log = o.log ?? (() => {});
  const now = o.now ?? new Date();
  const lifetime = parseDuration(o.expires);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(o.channel))
    return { ok: false, reason: `channel "${o.channel}" may use only a-z, 0-9 and "-"` };

  const { problems, content } = validateFolder(o.folder, { now });
  if (!content) {
    for (const p of problems.errors) log(formatProblem(p));
    return { ok: false, reason: `${problems.errors.length} error(s) in ${o.folder}: nothing was published` };
  }
  // Held from reading the previous version to writing the next, so two publishes cannot both take N + 1.
  const lock = lockFeed(o.feed);
  if (typeof lock === 'string') return { ok: false, reason: lock };
  try {
    return writeBundle(o, content, now, lifetime, log);
  } finally {
    lock.release();
  }
}

function writeBundle(
  o: PublishOptions,
  content: NonNullable<ReturnType<typeof validateFolder>['content']>,
  now: Date,
  lifetime: number,
  log: (line: string) => void,
): PublishResult {
  const previous = readPreviousVersion(o.feed, o.channel);
  if (typeof previous === 'string') return { ok: false, reason: previous };

  const bundle = buildBundle(content);
  if (o.live && o.live.hall !== bundle.hall)
    return {
      ok: false,
      reason: `--live ${o.live.url} is the feed of hall "${o.live.hall}", but ${o.folder} is hall "${bundle.hall}": check the URL; nothing was published`,
    };
  const written: string[] = [];
  const repaired: string[] = [];
  let reused = 0;
  let bytesWritten = 0;
  const total = bundle.documents.length + bundle.media.length;
  const progress = (done: number) => {
    if (total >= 500 && done % 250 === 0) log(`  … ${done}/${total} files`);
  };
  const store = (bytes: Buffer, ext: FileRefT['ext']): FileRefT => {
    const ref = { hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, ext };
    const path = filePath(ref);
    const damage = damageOf(join(o.feed, path), ref);
    if (damage === undefined) {
      reused++;
      return ref;
    }
    if (damage !== 'missing') {
      // Reused as it is, a bad file would make every terminal refuse this version and every later one.
      log(`  ⚠ ${path} was damaged (${damage}): rewritten`);
      repaired.push(path);
    }
    writeAtomically(join(o.feed, path), bytes);
    written.push(path);
    bytesWritten += bytes.length;
    return ref;
  };

  const documents = bundle.documents.map((d, i) => {
    progress(i + 1);
    return { kind: d.kind, id: d.id, ...store(Buffer.from(JSON.stringify(d.value)), 'json') };
  });
  const media = bundle.media.map((m, i) => {
    progress(bundle.documents.length + i + 1);
    const ext = m.path
      .slice(m.path.lastIndexOf('.') + 1)
      .toLowerCase()
      .replace('jpeg', 'jpg') as FileRefT['ext'];
    return { path: m.path, type: m.type, ...store(readFileSync(m.absolute), ext) };
  });
  // The content font holds exactly the characters of these documents: unchanged content, unchanged font files.
  const fonts = contentFonts(documentStrings(bundle.documents));
  for (const f of fonts.files) media.push({ path: f.path, type: f.type, ...store(f.bytes, f.ext) });
  const fontKiB = fonts.files
    .filter((f) => f.ext === 'woff2')
    .map((f) => `${(f.bytes.length / 1024).toFixed(0)} KiB`)
    .join(' + ');
  log(`  content font: ${fonts.characters} characters, ${fontKiB} (WOFF2, regular + bold)`);
  if (fonts.missing.length > 0)
    log(
      `  ⚠ ${fonts.missing.length} character(s) are not in Noto Sans SC and may show as boxes on a terminal: ${fonts.missing.join(' ')}`,
    );
  const manifest: ManifestT = {
    format: BUNDLE_FORMAT,
    hall: bundle.hall,
    locales: bundle.locales,
    defaultLocale: bundle.defaultLocale,
    documents,
    media,
  };
  const manifestRef = store(Buffer.from(JSON.stringify(manifest)), 'json');

  const payload: ChannelPayloadT = {
    type: 'sunlight-channel',
    channel: o.channel,
    hall: bundle.hall,
    version:
      o.versions === 'clock'
        ? nextVersion([previous, o.live?.version], now)
        : Math.max(previous, o.live?.version ?? 0) + 1,
    published: now.toISOString(),
    expires: new Date(now.getTime() + lifetime).toISOString(),
    manifest: { hash: manifestRef.hash, size: manifestRef.size },
  };
  const text = JSON.stringify(payload);
  const channelFile = channelPath(o.channel);
  const channelBytes = Buffer.from(
    `${JSON.stringify({ payload: text, signatures: [signText(o.privateKey, text)] }, null, 2)}\n`,
  );
  writeAtomically(join(o.feed, channelFile), channelBytes);
  written.push(channelFile);
  bytesWritten += channelBytes.length;
  return {
    ok: true,
    version: payload.version,
    manifest: filePath(manifestRef),
    written,
    reused,
    repaired,
    bytesWritten,
  };
}

/** Undefined when the file holds exactly these bytes; 'missing'; or what is wrong with it, as verify.ts says it. */
function damageOf(path: string, ref: FileRefT): string | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'missing';
  }
  if (size !== ref.size) return `${size} bytes, expected ${ref.size}`;
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  return hash === ref.hash ? undefined : 'its SHA-256 does not match its name';
}

/** The version now in the channel file (0 when there is none); a string when it cannot be read. */
function readPreviousVersion(feed: string, channel: string): number | string {
  const path = join(feed, channelPath(channel));
  if (!existsSync(path)) return 0;
  try {
    const signed = v.parse(SignedChannel, JSON.parse(readFileSync(path, 'utf8')));
    return v.parse(ChannelPayload, JSON.parse(signed.payload)).version;
  } catch {
    return `${path} exists but cannot be read, so the next version number is unknown: restore it from a backup`;
  }
}

function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

export async function runPublish(o: {
  folder: string;
  feed: string;
  keyFile: string;
  channel: string;
  expires: string;
  live?: string;
  now?: Date;
}): Promise<boolean> {
  const privateKey = readFileSync(o.keyFile, 'utf8');
  const now = o.now ?? new Date();
  let live: PublishOptions['live'];
  if (o.live) {
    const payload = await readLiveChannel(o.live, o.channel);
    if (typeof payload === 'string') {
      console.error(`✗ ${payload}`);
      return false;
    }
    if (payload) live = { url: o.live, version: payload.version, hall: payload.hall };
    console.log(
      payload
        ? `  live: ${o.live} is at version ${payload.version}; this publish goes above it`
        : `  live: ${o.live} has no channel "${o.channel}" yet`,
    );
  }
  const result = publishBundle({ ...o, privateKey, now, versions: 'clock', live, log: console.log });
  if (!result.ok) {
    console.error(`✗ ${result.reason}`);
    return false;
  }
  const kib = (result.bytesWritten / 1024).toFixed(1);
  const n = result.repaired.length;
  const repaired =
    n === 0
      ? ''
      : ` (${n === 1 ? 'one replacing a damaged copy' : `${n} replacing damaged copies`}, named above)`;
  const files = `  files: ${result.written.length} new${repaired}, ${result.reused} reused; ${kib} KiB written`;

  // What terminals will do with it decides the ✓, not what this process believes it wrote.
  const check = await checkFeed(o.feed, { keys: [publicKeyOf(privateKey)], channel: o.channel, now });
  if (!check.ok) {
    for (const p of check.problems) console.error(`✗ ${p}`);
    console.error(
      `✗ ${o.feed} does not pass the checks a terminal makes (npm run verify-feed), so terminals would refuse version ${result.version}: do not upload it. Publish again; if it fails again, the disk may be failing.`,
    );
    return false;
  }
  if (o.live) {
    // Someone may have published to the live feed meanwhile: uploading ours would then be a rollback.
    const after = await readLiveChannel(o.live, o.channel);
    if (typeof after !== 'string' && after && after.version >= result.version) {
      console.error(
        `✗ ${o.live} moved to version ${after.version} while this publish ran, at or above version ${result.version} written to ${o.feed}: terminals would refuse it. Publish again.`,
      );
      return false;
    }
    if (typeof after === 'string')
      console.error(
        `⚠ the live feed could not be read again after writing (${after}): run verify-feed on it after the upload`,
      );
  }
  console.log(`✓ Published ${o.folder} to ${o.feed}, channel "${o.channel}", version ${result.version}`);
  console.log(files);
  console.log(`  manifest: ${result.manifest}`);
  console.log(`  checked as a terminal would: ${check.summary}`);
  return true;
}
