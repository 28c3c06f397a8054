/**
 * Checks a version as a whole, before it is staged: its shape (one hall, at most one of each single
 * document) and every file it names — downloaded now or held from an earlier version — present, of its
 * size and hash, and, for a document, valid as the kind its entry says. A file held from before was
 * checked as whatever kind named it then; a new manifest may name the same bytes as another kind.
 */
import { type DocKindT, filePath, type ManifestT } from '../content/bundle-format.ts';
import { documentProblem } from './documents.ts';
import type { Store } from './store.ts';
import type { Wanted } from './transfer.ts';
import { verifyHash } from './verify.ts';

type Ref = ManifestT['documents'][number] | ManifestT['media'][number];

/** How a log line names a file: `service "passport" (files/ab….json)`, `media/plan.svg (files/cd….svg)`. */
export function fileName(ref: Ref): string {
  return 'kind' in ref ? `${ref.kind} "${ref.id}" (${filePath(ref)})` : `${ref.path} (${filePath(ref)})`;
}

/** Every file a version names: its documents, then its media. */
export const versionFiles = (manifest: ManifestT): Ref[] => [...manifest.documents, ...manifest.media];

/** Every file a version names, as a download asks for it: with its log name, and a document's kind. */
export const namedFiles = (manifest: ManifestT): Wanted[] =>
  versionFiles(manifest).map((ref) => ({
    hash: ref.hash,
    size: ref.size,
    ext: ref.ext,
    name: fileName(ref),
    ...('kind' in ref ? { kind: ref.kind } : {}),
  }));

/** Kinds the kiosk reads as one document per bundle; more than one would leave it choosing at random. */
const SINGLE: readonly DocKindT[] = ['hall', 'channels', 'attract', 'search'];

/** Undefined when the manifest's shape is one a terminal can show; otherwise why not. */
export function shapeProblem(version: number, hall: string, manifest: ManifestT): string | undefined {
  if (manifest.hall !== hall) {
    return `bundle check failed: version ${version}'s manifest is for hall "${manifest.hall}", its channel file for hall "${hall}"`;
  }
  const halls = manifest.documents.filter((d) => d.kind === 'hall');
  if (halls.length === 0)
    return `bundle check failed: version ${version} has no hall document (a bundle needs exactly one)`;
  for (const kind of SINGLE) {
    const docs = manifest.documents.filter((d) => d.kind === kind);
    if (docs.length > 1) {
      const which = docs.map(fileName).join(', ');
      const rule = kind === 'hall' ? 'needs exactly one' : 'has at most one';
      return `bundle check failed: version ${version} has ${docs.length} ${kind} documents (${which}); a bundle ${rule}`;
    }
  }
  return undefined;
}

/**
 * Undefined when every file the manifest names is stored and valid; otherwise the first that is not.
 * `checked`: files this check has just downloaded and checked against every entry naming them.
 */
export async function filesProblem(
  manifest: ManifestT,
  store: Store,
  checked: ReadonlySet<string> = new Set(),
): Promise<string | undefined> {
  for (const ref of versionFiles(manifest)) {
    if (checked.has(ref.hash)) continue;
    const stored = await store.file(ref.hash);
    const name = fileName(ref);
    if (!stored) return `file check failed: ${name} is not stored`;
    const bytes = new Uint8Array(stored.bytes);
    const verified = await verifyHash(bytes, ref.hash, ref.size, name);
    if (!verified.ok) return `hash check failed: ${verified.reason}`;
    if ('kind' in ref) {
      const problem = documentProblem(ref.kind, bytes);
      if (problem) return `schema check failed: ${name} ${problem}`;
    }
  }
  return undefined;
}
