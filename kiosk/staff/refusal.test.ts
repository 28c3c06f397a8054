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

  it('should not count a network failure or an info line as a refusal', () => {
    const log = [
      entry(1, 'error', 'channels/stable.json: the feed answered HTTP 500'),
      entry(2, 'error', 'sync failed: TypeError: Failed to fetch'),
      entry(3, 'info', 'rolled back by staff to version 1'),
    ];
    expect(lastRefusal(log)).toBeUndefined();
  });
});
