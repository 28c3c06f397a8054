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

/** Resolves with the first failure's reason, or undefined when every file is stored. */
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
  onProgress({ ...progress });
  let failure: string | undefined;
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next && !failure; next = queue.shift()) {
      const problem = await fetchOne(next, feed, store);
      if (problem) {
        failure ??= problem;
        return;
      }
      progress.filesDone++;
      progress.bytesDone += next.size;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, wanted.length) }, worker));
  return failure;
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
  await store.putFile(w.hash, bytes);
  return undefined;
}
