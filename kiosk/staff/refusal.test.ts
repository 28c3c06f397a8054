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
  ])('should find the refusal "%s"', (message) => {
    expect(lastRefusal([entry(1, 'error', message)])?.message).toBe(message);
  });

  it('should not count a network failure or an info line as a refusal', () => {
    const log = [
      entry(1, 'error', 'channels/stable.json: the feed answered HTTP 500'),
      entry(2, 'error', 'sync failed: TypeError: Failed to fetch'),
      entry(3, 'info', 'rolled back by staff to version 1'),
    ];
    expect(lastRefusal(log)).toBeUndefined();
  });
});
