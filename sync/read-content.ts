/** Turns the active version in the store into plain content for the kiosk: documents parsed, media as blobs. */
import type { ChannelPayloadT, ManifestT } from '../content/bundle-format.ts';
import type {
  Attract,
  Channel,
  Department,
  Fee,
  Hall,
  Notice,
  RichNode,
  Service,
} from '../content/schema.ts';
import { fileName, versionFiles } from './bundle-check.ts';
import { documentProblem, parseDocument } from './documents.ts';
import type { Store } from './store.ts';

export type ActiveContent = {
  version: number;
  channel: ChannelPayloadT;
  manifest: ManifestT;
  hall: Hall;
  departments: Department[];
  services: Service[];
  fees: Fee[];
  channels: Channel[];
  notices: (Notice & { body: Record<string, RichNode[]> })[];
  attract: Attract | undefined;
  /** Media by content-folder path (`media/floor-1.svg`). */
  media: Map<string, Blob>;
  /**
   * The search index's JSON text, decoded only when asked (search opening), never at boot; undefined
   * when the bundle has none (bundles published before it existed).
   */
  loadSearchIndex?: () => Promise<string | undefined>;
};

/** What the terminal can show: the active version's content, none yet, or why the active one cannot be read. */
export type ActiveRead =
  | { ok: true; content: ActiveContent | undefined }
  | { ok: false; version: number; reason: string };

/**
 * Reads the active version, checking what is cheap at boot: every file stored at its size, every
 * document readable JSON, the hall valid. (Hashes and the other documents' schemas were checked
 * when the version was staged; the search index is parsed only when search opens.)
 */
export async function readActiveVersion(store: Store): Promise<ActiveRead> {
  const active = await store.readActive();
  if (!active) return { ok: true, content: undefined };
  const { version, record, files } = active;
  const broken = (reason: string): ActiveRead => ({ ok: false, version, reason });
  if (!record) return broken('its version record is not stored');
  for (const ref of versionFiles(record.manifest)) {
    const bytes = files.get(ref.hash);
    if (!bytes) return broken(`${fileName(ref)} is not stored`);
    if (bytes.byteLength !== ref.size)
      return broken(`${fileName(ref)} has ${bytes.byteLength} bytes, expected ${ref.size}`);
  }
  const parsed = new Map<string, unknown>();
  for (const d of record.manifest.documents) {
    if (d.kind === 'search') continue;
    const value = parseDocument(files.get(d.hash)!);
    if (value === undefined) return broken(`${fileName(d)} is not readable JSON`);
    parsed.set(d.hash, value);
  }
  const halls = record.manifest.documents.filter((d) => d.kind === 'hall');
  if (halls.length !== 1) return broken(`it has ${halls.length} hall documents, not one`);
  const hallProblem = documentProblem('hall', new Uint8Array(files.get(halls[0]!.hash)!));
  if (hallProblem) return broken(`${fileName(halls[0]!)} ${hallProblem}`);

  const docs = (kind: string) =>
    record.manifest.documents.filter((d) => d.kind === kind).map((d) => parsed.get(d.hash));
  const hall = docs('hall')[0] as Hall;
  const media = new Map<string, Blob>();
  for (const m of record.manifest.media) media.set(m.path, new Blob([files.get(m.hash)!], { type: m.type }));
  // The index can be megabytes: keep its bytes as they came from the store and decode them on demand.
  const indexRef = record.manifest.documents.find((d) => d.kind === 'search');
  const indexBytes = indexRef && files.get(indexRef.hash);
  const content: ActiveContent = {
    version: record.version,
    channel: record.channel,
    manifest: record.manifest,
    hall,
    departments: docs('department') as Department[],
    services: docs('service') as Service[],
    fees: docs('fee') as Fee[],
    channels: (docs('channels')[0] as Channel[] | undefined) ?? [],
    notices: docs('notice') as ActiveContent['notices'],
    attract: docs('attract')[0] as Attract | undefined,
    media,
    loadSearchIndex: async () => (indexBytes ? new TextDecoder().decode(indexBytes) : undefined),
  };
  return { ok: true, content };
}

/**
 * The active content, or undefined when there is none; throws, naming the file, when it cannot be read.
 * The kiosk reads through `SyncEngine.readActiveContent`, which falls back instead of throwing.
 */
export async function readActiveContent(store: Store): Promise<ActiveContent | undefined> {
  const read = await readActiveVersion(store);
  if (!read.ok) throw new Error(`version ${read.version} cannot be read: ${read.reason}`);
  return read.content;
}
