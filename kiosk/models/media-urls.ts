/**
 * Blob URLs for the active version's media, one per file (by hash), revoked once no version on screen uses
 * them. A terminal runs for months through many versions: without revoking, every old version's images
 * stay in memory for good (issue 10). Why one URL per hash, and why the sweep waits: docs/media-urls.md.
 */
import { computed, effect, type ReadonlySignal, untracked } from '@preact/signals';

/** What this module needs of a version: `ActiveContent` has it. */
export type VersionMedia = {
  manifest: { media: readonly { path: string; hash: string }[] };
  media: ReadonlyMap<string, Blob>;
};

/** The browser's object-URL registry (`URL`); tests pass one that records what is alive. */
export type ObjectUrls = {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
};

/**
 * How long after a version switch the old version's URLs are revoked. Preact re-renders from the
 * content signal within the same task, so a second is ample for every screen to show the new
 * version's URLs; an image already on screen keeps its pixels when its URL is revoked anyway.
 */
export const SWEEP_DELAY_MS = 1000;

/**
 * `content` may hold no version yet (a terminal's first start, before its first sync: main.tsx types it as
 * ActiveContent regardless), which has no media.
 */
export function createMediaUrls(
  content: ReadonlySignal<VersionMedia | undefined>,
  urls: ObjectUrls = URL,
  later: (sweep: () => void) => void = (sweep) => void setTimeout(sweep, SWEEP_DELAY_MS),
) {
  /** File hash → its URL. Keyed by hash, so a file unchanged across versions keeps its URL. */
  const byHash = new Map<string, string>();
  const hashByPath = computed(
    () => new Map((content.value?.manifest.media ?? []).map((m) => [m.path, m.hash])),
  );

  /** Revokes every URL of a file the version now active does not have (the active one when it runs). */
  const sweep = () => {
    const keep = new Set(hashByPath.peek().values());
    for (const [hash, url] of byHash) {
      if (keep.has(hash)) continue;
      urls.revokeObjectURL(url);
      byHash.delete(hash);
    }
  };
  const stop = effect(() => {
    void content.value;
    untracked(() => later(sweep));
  });

  return {
    /** A blob URL for a media path of the active version; undefined when the version lacks it. */
    url(path: string | undefined): string | undefined {
      const hash = path === undefined ? undefined : hashByPath.value.get(path);
      const blob = path === undefined ? undefined : content.value?.media.get(path);
      if (hash === undefined || blob === undefined) return undefined;
      let url = byHash.get(hash);
      if (url === undefined) {
        url = urls.createObjectURL(blob);
        byHash.set(hash, url);
      }
      return url;
    },
    /** Stops following the content and revokes every URL (for a view model that is thrown away). */
    dispose() {
      stop();
      for (const url of byHash.values()) urls.revokeObjectURL(url);
      byHash.clear();
    },
  };
}
