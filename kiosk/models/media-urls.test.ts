import { resolveObjectURL } from 'node:buffer';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveContent } from '../../sync/index.ts';
import { createClockModel } from './clock-model.ts';
import { createMediaUrls, type ObjectUrls, SWEEP_DELAY_MS, type VersionMedia } from './media-urls.ts';
import { createViewModel } from './view-model.ts';

/** A version's media: path → the file's bytes (its hash is the bytes here, which is enough to tell files apart). */
function version(files: Record<string, string>): VersionMedia {
  return {
    manifest: { media: Object.entries(files).map(([path, bytes]) => ({ path, hash: `sha256-${bytes}` })) },
    media: new Map(
      Object.entries(files).map(([path, bytes]) => [path, new Blob([bytes], { type: 'image/png' })]),
    ),
  };
}

/** Thirty versions of a hall: the logo never changes, the floor plan changes with every version. */
const VERSIONS = Array.from({ length: 30 }, (_, i) =>
  version({
    'media/logo.png': 'logo',
    'media/floor-1.png': `plan ${i + 1}`,
    'media/floor-2.png': `plan ${i + 1}`,
  }),
);

/** An object-URL registry that remembers which URLs are alive, like the browser's. */
function fakeObjectUrls() {
  const alive = new Map<string, Blob>();
  let made = 0;
  const urls: ObjectUrls = {
    createObjectURL: (blob) => {
      const url = `blob:test/${++made}`;
      alive.set(url, blob);
      return url;
    },
    revokeObjectURL: (url) => void alive.delete(url),
  };
  return { urls, alive, made: () => made };
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-04T10:00:00+08:00') }));
afterEach(() => vi.useRealTimers());

describe("the view model's media URLs", () => {
  it("should leave only the current version's URLs alive after many version switches", () => {
    // The browser's registry as Node keeps it: resolveObjectURL finds a URL until it is revoked.
    const content = signal(VERSIONS[0] as unknown as ActiveContent);
    const clock = createClockModel(() => 'Asia/Shanghai');
    const view = createViewModel(content, clock, signal('zh-CN'));
    const shown: string[] = [];
    for (const v of VERSIONS) {
      content.value = v as unknown as ActiveContent;
      shown.push(
        ...['media/logo.png', 'media/floor-1.png', 'media/floor-2.png'].map((p) => view.mediaUrl(p)!),
      );
      vi.advanceTimersByTime(SWEEP_DELAY_MS);
    }
    const current = shown.slice(-3);
    const alive = [...new Set(shown)].filter((url) => resolveObjectURL(url) !== undefined);
    expect(alive.sort()).toEqual([...new Set(current)].sort());
    clock.dispose();
  });
});

describe('media URLs per file', () => {
  it('should give a file one URL, kept across versions that did not change it, and shared by paths', () => {
    const { urls, made } = fakeObjectUrls();
    const content = signal(VERSIONS[0]!);
    const media = createMediaUrls(content, urls);
    const logo = media.url('media/logo.png');
    const [plan1, plan2] = [media.url('media/floor-1.png'), media.url('media/floor-2.png')];
    expect(plan1).toBe(plan2);
    content.value = VERSIONS[1]!;
    vi.advanceTimersByTime(SWEEP_DELAY_MS);
    expect(media.url('media/logo.png')).toBe(logo);
    expect(media.url('media/floor-1.png')).not.toBe(plan1);
    expect(made()).toBe(3);
  });

  it("should revoke an old version's URLs only after the new version has had time to render", () => {
    const { urls, alive } = fakeObjectUrls();
    const content = signal(VERSIONS[0]!);
    const media = createMediaUrls(content, urls);
    const oldPlan = media.url('media/floor-1.png')!;
    content.value = VERSIONS[1]!;
    const newPlan = media.url('media/floor-1.png')!;
    vi.advanceTimersByTime(SWEEP_DELAY_MS - 1);
    expect(alive.has(oldPlan)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(alive.has(oldPlan)).toBe(false);
    expect(alive.has(newPlan)).toBe(true);
  });

  it.each([
    { switches: 1, alive: 2 },
    { switches: 5, alive: 2 },
    { switches: 29, alive: 2 },
  ])(
    'should keep $alive URLs alive (logo and plan) after $switches switches',
    ({ switches, alive: count }) => {
      const { urls, alive } = fakeObjectUrls();
      const content = signal(VERSIONS[0]!);
      const media = createMediaUrls(content, urls);
      for (const v of VERSIONS.slice(0, switches + 1)) {
        content.value = v;
        for (const path of ['media/logo.png', 'media/floor-1.png', 'media/floor-2.png']) media.url(path);
        vi.advanceTimersByTime(SWEEP_DELAY_MS);
      }
      expect(alive.size).toBe(count);
      expect([...alive.keys()].sort()).toEqual(
        [media.url('media/logo.png')!, media.url('media/floor-1.png')!].sort(),
      );
    },
  );

  it('should never revoke a URL the current version uses, even when versions switch faster than the sweep', () => {
    const { urls, alive } = fakeObjectUrls();
    const content = signal(VERSIONS[0]!);
    const media = createMediaUrls(content, urls);
    media.url('media/floor-1.png');
    content.value = VERSIONS[1]!;
    media.url('media/floor-1.png');
    vi.advanceTimersByTime(SWEEP_DELAY_MS / 2);
    // Rolled back to the first version before the sweep ran: its plan is the one on screen again.
    content.value = VERSIONS[0]!;
    const plan = media.url('media/floor-1.png')!;
    vi.advanceTimersByTime(SWEEP_DELAY_MS * 2);
    expect([...alive.keys()]).toEqual([plan]);
  });

  it('should wait quietly while there is no version yet, then serve the first one', () => {
    const { urls, alive } = fakeObjectUrls();
    const content = signal<VersionMedia | undefined>(undefined);
    const media = createMediaUrls(content, urls);
    expect(media.url('media/logo.png')).toBeUndefined();
    vi.advanceTimersByTime(SWEEP_DELAY_MS);
    content.value = VERSIONS[0];
    const logo = media.url('media/logo.png')!;
    vi.advanceTimersByTime(SWEEP_DELAY_MS);
    expect([...alive.keys()]).toEqual([logo]);
  });

  it('should give no URL for a path the version lacks', () => {
    const media = createMediaUrls(signal(VERSIONS[0]!), fakeObjectUrls().urls);
    expect(media.url('media/missing.png')).toBeUndefined();
    expect(media.url(undefined)).toBeUndefined();
  });
});
