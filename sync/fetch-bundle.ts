/** Fetches a channel's bundle from a feed and verifies every byte of it before returning anything. */
import * as v from 'valibot';
import {
  type ChannelPayloadT,
  channelPath,
  type DocKindT,
  filePath,
  Manifest,
  type ManifestT,
} from '../content/bundle-format.ts';
import { Bundle } from '../content/schema.ts';
import { type Verified, verifyChannel, verifyHash } from './verify.ts';

export type FeedSource = { feedUrl: string; channel: string; trustedKeys: string[]; fetch?: typeof fetch };
export type LoadedBundle = {
  channel: ChannelPayloadT;
  manifest: ManifestT;
  documents: { kind: DocKindT; id: string; value: unknown }[];
};

const DOCUMENT_SCHEMA: Record<DocKindT, v.GenericSchema> = {
  hall: Bundle.Hall,
  department: Bundle.Department,
  service: Bundle.Service,
  fee: Bundle.Fee,
  channels: Bundle.Channels,
  notice: Bundle.NoticeMeta,
  attract: Bundle.Attract,
};

export async function fetchBundle(source: FeedSource): Promise<Verified<LoadedBundle>> {
  const get = source.fetch ?? fetch;
  const base = source.feedUrl.endsWith('/') ? source.feedUrl : `${source.feedUrl}/`;
  const download = async (path: string): Promise<Verified<Uint8Array>> => {
    try {
      const res = await get(new URL(path, base), { cache: 'no-cache' });
      if (!res.ok) return { ok: false, reason: `${path}: the feed answered ${res.status}` };
      return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
    } catch {
      return { ok: false, reason: `${path}: the feed cannot be reached` };
    }
  };
  const channelBytes = await download(channelPath(source.channel));
  if (!channelBytes.ok) return channelBytes;
  const channel = await verifyChannel(channelBytes.value, source.trustedKeys);
  if (!channel.ok) return channel;

  const manifestRef = { ...channel.value.manifest, ext: 'json' as const };
  const manifestBytes = await download(filePath(manifestRef));
  if (!manifestBytes.ok) return manifestBytes;
  const manifestOk = await verifyHash(
    manifestBytes.value,
    manifestRef.hash,
    manifestRef.size,
    'the manifest',
  );
  if (!manifestOk.ok) return manifestOk;
  const manifest = v.safeParse(Manifest, JSON.parse(new TextDecoder().decode(manifestBytes.value)));
  if (!manifest.success) return { ok: false, reason: 'the manifest does not match the bundle format' };

  const documents: LoadedBundle['documents'] = [];
  for (const d of manifest.output.documents) {
    const path = filePath(d);
    const bytes = await download(path);
    if (!bytes.ok) return bytes;
    const checked = await verifyHash(bytes.value, d.hash, d.size, `${d.kind} "${d.id}" (${path})`);
    if (!checked.ok) return checked;
    const value = v.safeParse(DOCUMENT_SCHEMA[d.kind], JSON.parse(new TextDecoder().decode(bytes.value)));
    if (!value.success)
      return { ok: false, reason: `${d.kind} "${d.id}" (${path}) does not match the content schema` };
    documents.push({ kind: d.kind, id: d.id, value: value.output });
  }
  return { ok: true, value: { channel: channel.value, manifest: manifest.output, documents } };
}
