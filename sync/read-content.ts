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
import { parseDocument } from './documents.ts';
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

export async function readActiveContent(store: Store): Promise<ActiveContent | undefined> {
  const active = await store.readActive();
  if (!active) return undefined;
  const { record, files } = active;
  const docs = (kind: string) =>
    record.manifest.documents.filter((d) => d.kind === kind).map((d) => parseDocument(files.get(d.hash)!));
  const hall = docs('hall')[0] as Hall | undefined;
  if (!hall) return undefined;
  const media = new Map<string, Blob>();
  for (const m of record.manifest.media) media.set(m.path, new Blob([files.get(m.hash)!], { type: m.type }));
  // The index can be megabytes: keep its bytes as they came from the store and decode them on demand.
  const indexRef = record.manifest.documents.find((d) => d.kind === 'search');
  const indexBytes = indexRef && files.get(indexRef.hash);
  return {
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
}
