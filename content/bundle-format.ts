/**
 * The feed's formats: the manifest that lists a bundle's files, and the signed channel metadata.
 * A feed is static files: `channels/<name>.json` (signed, small, revalidated) and `files/<sha256>.<ext>`
 * (content-addressed, immutable). See docs/feed-format.md.
 */
import * as v from 'valibot';
import { Bundle, Id, LocaleTag } from './schema.ts';
import { SearchIndexDocument } from './search/index-doc.ts';

export const BUNDLE_FORMAT = 1;
export const DOC_KINDS = [
  'hall',
  'department',
  'service',
  'fee',
  'channels',
  'notice',
  'attract',
  'search',
] as const;
export type DocKindT = (typeof DOC_KINDS)[number];

/** The schema each kind of document in a bundle must pass (the publisher checks it, terminals check it again). */
export const DOCUMENT_SCHEMAS: Record<DocKindT, v.GenericSchema> = {
  hall: Bundle.Hall,
  department: Bundle.Department,
  service: Bundle.Service,
  fee: Bundle.Fee,
  channels: Bundle.Channels,
  notice: Bundle.NoticeMeta,
  attract: Bundle.Attract,
  search: SearchIndexDocument,
};

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'should be a SHA-256 in hex'));
export const FILE_EXTENSIONS = ['json', 'svg', 'png', 'jpg', 'webp', 'woff2', 'txt'] as const;
const FileRef = {
  hash: Sha256,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  ext: v.picklist(FILE_EXTENSIONS),
};

export const Manifest = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  hall: Id,
  locales: v.array(LocaleTag),
  defaultLocale: LocaleTag,
  documents: v.array(v.strictObject({ kind: v.picklist(DOC_KINDS), id: v.string(), ...FileRef })),
  media: v.array(v.strictObject({ path: v.string(), type: v.string(), ...FileRef })),
});
export type ManifestT = v.InferOutput<typeof Manifest>;
export type FileRefT = { hash: string; size: number; ext: (typeof FILE_EXTENSIONS)[number] };

/** What the channel file's signature covers. */
export const ChannelPayload = v.strictObject({
  type: v.literal('sunlight-channel'),
  channel: v.string(),
  hall: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  published: v.pipe(v.string(), v.isoTimestamp()),
  expires: v.pipe(v.string(), v.isoTimestamp()),
  manifest: v.strictObject({ hash: Sha256, size: v.number() }),
});
export type ChannelPayloadT = v.InferOutput<typeof ChannelPayload>;

/**
 * The channel file: the payload as the exact JSON text that was signed, so a verifier checks those bytes
 * and needs no canonical JSON. `keyid` is the SHA-256 (hex) of the raw 32-byte Ed25519 public key.
 */
export const SignedChannel = v.strictObject({
  payload: v.string(),
  signatures: v.array(v.strictObject({ keyid: v.string(), sig: v.string() })),
});
export type SignedChannelT = v.InferOutput<typeof SignedChannel>;

/**
 * The content font: subsets of Noto Sans SC holding every character of the bundle's documents, made at
 * publish time and carried as media with their licence (docs/fonts.md). The kiosk installs them as this family.
 */
export const CONTENT_FONT_FAMILY = 'Sunlight Content';
export const CONTENT_FONTS = [
  { path: 'fonts/content-400.woff2', weight: 400 },
  { path: 'fonts/content-700.woff2', weight: 700 },
] as const;
export const CONTENT_FONT_LICENSE = 'fonts/OFL.txt';

export const filePath = (ref: { hash: string; ext: string }): string => `files/${ref.hash}.${ref.ext}`;
export const channelPath = (channel: string): string => `channels/${channel}.json`;
