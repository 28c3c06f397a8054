import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../sync/store.ts';
import { lastRefusal } from './refusal.ts';

const entry = (at: number, kind: LogEntry['kind'], message: string): LogEntry => ({ at, kind, message });

describe('the last refused update', () => {
  it('should be the newest refusal, whichever check refused', () => {
    const log = [
      entry(
        1,
        'error',
        'signature check failed on channels/stable.json: the channel file signature is not valid',
      ),
      entry(2, 'error', 'rollback refused: the feed offers version 3, lower than version 4 already seen'),
      entry(3, 'info', 'version 5 downloaded and verified (3 new files)'),
    ];
    expect(lastRefusal(log)?.at).toBe(2);
  });

  it.each([
    'signature check failed on channels/stable.json: the channel file signature is not valid',
    'channel check failed: channels/stable.json holds metadata for channel "beta"',
    "expiry check failed: the feed's metadata (version 2) expired at 2026-11-01T00:00:00Z",
    'hash check failed: hall "h" (files/ab.json): its SHA-256 does not match its name',
    'schema check failed: the manifest (files/ab.json) does not match the bundle format',
    'space check failed: the update needs 900 KiB but only 10 KiB of storage is free',
    'bundle check failed: version 2 has no hall document (a bundle needs exactly one); keeping version 1',
    'version check failed: the feed offers version 2 again, with other content (manifest files/ab.json, this terminal holds files/cd.json): was the feed restored from a backup? Publish again to give the content a higher version',
    'file check failed: version 2 cannot be shown: hall "h" (files/ab.json) is not stored; keeping version 1, fetching it again',
  ])('should find the refusal "%s"', (message) => {
    expect(lastRefusal([entry(1, 'error', message)])?.message).toBe(message);
  });

  it('should not count a network failure, a fallback or an info line as a refusal', () => {
    const log = [
      entry(1, 'error', 'channels/stable.json: the feed answered HTTP 500'),
      entry(2, 'error', 'sync failed: TypeError: Failed to fetch'),
      entry(3, 'info', 'rolled back by staff to version 1'),
      // The terminal's own copy broke: it fell back, it refused nothing from the feed.
      entry(
        4,
        'error',
        'version 2 cannot be read: hall "h" (files/ab.json) is not stored; showing version 1 and syncing again',
      ),
    ];
    expect(lastRefusal(log)).toBeUndefined();
  });
});
