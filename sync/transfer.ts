/** Downloads the files a version needs and the terminal lacks, a few at a time, storing each once verified. */
import type { DocKindT, FileRefT } from '../content/bundle-format.ts';
import { documentProblem } from './documents.ts';
import { type FeedClient, FeedError } from './feed.ts';
import type { Store } from './store.ts';
import { verifyHash } from './verify.ts';

export type Wanted = FileRefT & { kind?: DocKindT; name: string };
export type TransferProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
};

/**
 * Resolves with why files could not be stored (every failure, the first first), or undefined when every
 * file is stored. A file declared larger than the build accepts is refused before anything is fetched.
 */
export async function transfer(
  wanted: Wanted[],
  feed: FeedClient,
  store: Store,
  concurrency: number,
  onProgress: (p: TransferProgress) => void,
): Promise<string | undefined> {
  const progress = {
    filesDone: 0,
    filesTotal: wanted.length,
    bytesDone: 0,
    bytesTotal: wanted.reduce((n, w) => n + w.size, 0),
  };
  for (const w of wanted) {
    const tooLarge = feed.fileSizeProblem(w);
    if (tooLarge) return tooLarge;
  }
  onProgress({ ...progress });
  // Every failure is kept: a stall on one file must not vanish behind a refusal of another.
  const failures: string[] = [];
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next && failures.length === 0; next = queue.shift()) {
      const problem = await fetchOne(next, feed, store);
      if (problem) {
        failures.push(problem);
        return;
      }
      progress.filesDone++;
      progress.bytesDone += next.size;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, worker));
  return failures.length === 0 ? undefined : failures.join('; ');
}

async function fetchOne(w: Wanted, feed: FeedClient, store: Store): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await feed.file(w);
  } catch (e) {
    return e instanceof FeedError ? e.message : `${w.name}: ${String(e)}`;
  }
  const verified = await verifyHash(bytes, w.hash, w.size, w.name);
  if (!verified.ok) return `hash check failed: ${verified.reason}`;
  if (w.kind) {
    const problem = documentProblem(w.kind, bytes);
    if (problem) return `schema check failed: ${w.name} ${problem}`;
  }
  // A failed write (quota, a closing database) is this file's failure: the other workers stop with it,
  // so nothing keeps writing after the check has ended.
  try {
    await store.putFile(w.hash, bytes);
  } catch (e) {
    return `storage failed: ${w.name} could not be stored: ${e instanceof Error ? e.message : String(e)}`;
  }
  return undefined;
}
