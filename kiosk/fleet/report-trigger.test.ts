import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync/index.ts';
import { emptyStatus } from '../../sync/status.ts';
import type { ResilienceEvent } from '../resilience/resilience-log.ts';
import { reportTrigger } from './report-trigger.ts';

const START = Date.parse('2026-03-02T08:00:00Z');
const sync: SyncStatus = {
  ...emptyStatus(),
  active: { version: 3, published: '2026-03-01T10:00:00Z', expires: '2026-03-09T10:00:00Z' },
};
const entry = (i: number): ResilienceEvent => ({
  at: new Date(START + i * 60_000).toISOString(),
  kind: 'render',
  message: `the screen "home" failed to render (${i})`,
});

describe('what asks for a report at once', () => {
  it('a fallback screen asks for a report even when the resilience log is full (it keeps the newest 30)', () => {
    const full = Array.from({ length: 30 }, (_, i) => entry(i));
    const after = [...full.slice(1), entry(30)];
    expect(reportTrigger(sync, after, 'interactive')).not.toBe(reportTrigger(sync, full, 'interactive'));
  });
  it('the same state asks for nothing', () => {
    const log = [entry(1)];
    expect(reportTrigger(sync, [...log], 'interactive')).toBe(reportTrigger(sync, log, 'interactive'));
  });
  it('a version shown or a mode switched asks for a report', () => {
    const before = reportTrigger(sync, [], 'interactive');
    expect(reportTrigger(sync, [], 'attract')).not.toBe(before);
    expect(
      reportTrigger(
        {
          ...sync,
          active: { version: 4, published: '2026-03-02T07:00:00Z', expires: '2026-03-10T07:00:00Z' },
        },
        [],
        'interactive',
      ),
    ).not.toBe(before);
  });
});
