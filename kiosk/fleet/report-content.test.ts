/** What a report says: the status snapshot passes the service's own checks, and events come once each. */
import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../fleet/protocol.ts';
import type { ActiveContent, SyncStatus } from '../../sync/index.ts';
import { emptyStatus } from '../../sync/status.ts';
import type { ResilienceEvent } from '../resilience/resilience-log.ts';
import { EVENTS_PER_REPORT, newEvents } from './log-events.ts';
import { statusSnapshot } from './status-snapshot.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const v1 = { version: 1, published: '2026-03-01T00:00:00.000Z', expires: '2026-04-01T00:00:00.000Z' };
/** The fields of the active content a report reads (the rest of a bundle plays no part). */
const content = (published = v1.published) =>
  ({
    version: 1,
    channel: { channel: 'stable', hall: 'sample-hall', version: 1, published },
    hall: {
      id: 'sample-hall',
      hours: { mon: ['09:00-12:00', '13:30-17:00'], sat: null },
      exceptions: [
        { date: '2026-02-20', closed: true, reason: 'past' },
        { date: '2026-03-09', hours: ['09:00-12:00'], reason: 'short day' },
        { date: '2026-03-05', closed: true, reason: 'holiday' },
      ],
    },
  }) as unknown as ActiveContent;

const sync = (change: Partial<SyncStatus> = {}): SyncStatus => ({ ...emptyStatus(), active: v1, ...change });
const snapshot = (change: Partial<Parameters<typeof statusSnapshot>[0]> = {}) =>
  statusSnapshot({
    appVersion: '0.1.0+abc',
    sync: sync(),
    content: content(),
    mode: 'interactive',
    modeSource: 'url',
    storage: { usage: 12_345.6, quota: 1e9 },
    now: NOW,
    timeZone: 'UTC',
    hallTimeZone: 'Asia/Shanghai',
    heapBytes: 50e6,
    resilience: [],
    ...change,
  });
const asReport = (status: ReturnType<typeof statusSnapshot>) =>
  checkPayload(
    JSON.stringify({
      v: 1,
      deviceId: 'lobby-1',
      seq: 1,
      sentAt: NOW.toISOString(),
      status,
      events: [],
      dropped: { heartbeats: 0, events: 0 },
    }),
  );

describe('the status a report carries', () => {
  it("passes the service's checks, with the hall, its hours from today and the versions", () => {
    const status = snapshot({
      sync: sync({
        staged: { ...v1, version: 2 },
        feedLatest: { version: 3, published: v1.published },
        lastCheck: NOW.getTime(),
      }),
    });
    expect(asReport(status)).toMatchObject({ ok: true });
    expect(status).toMatchObject({
      hall: { id: 'sample-hall', channel: 'stable' },
      content: { showing: { version: 1, publishedAt: v1.published }, staged: { version: 2 } },
      feedLatest: { version: 3, publishedAt: v1.published },
      lastCheck: NOW.toISOString(),
      storage: { usedBytes: 12_346, quotaBytes: 1e9 },
      clock: { timeZone: 'UTC', hallTimeZone: 'Asia/Shanghai', suspicious: false },
    });
    expect(status.hours?.weekly).toMatchObject({ mon: ['09:00-12:00', '13:30-17:00'], sat: [], sun: [] });
    expect(status.hours?.exceptions).toEqual([
      { date: '2026-03-05', closed: true },
      { date: '2026-03-09', hours: ['09:00-12:00'] },
    ]);
  });

  it('before any content: still a valid report, without hall or hours', () => {
    const status = snapshot({
      content: undefined,
      sync: emptyStatus(),
      storage: undefined,
      heapBytes: undefined,
    });
    expect(asReport(status)).toMatchObject({ ok: true });
    expect(status.hall).toBeUndefined();
    expect(status.content).toEqual({});
  });

  it('says the clock is suspicious when it is before the content was published, and names the last refusal', () => {
    const status = snapshot({
      content: content('2026-03-03T00:00:00.000Z'),
      sync: sync({
        log: [{ at: NOW.getTime() - 1000, kind: 'error', message: 'hash check failed: services/a.yaml' }],
      }),
    });
    expect(status.clock.suspicious).toBe(true);
    expect(status.lastRefusal).toEqual({
      at: new Date(NOW.getTime() - 1000).toISOString(),
      message: 'hash check failed: services/a.yaml',
    });
  });

  it('counts render failures and watchdog reloads in the resilience log, not reloads staff asked for', () => {
    const at = NOW.toISOString();
    const resilience: ResilienceEvent[] = [
      { at, kind: 'render', message: 'TypeError in Fees' },
      { at, kind: 'boot', message: 'boot failed' },
      { at, kind: 'reload', message: 'watchdog: JS heap 900 MiB is over the limit' },
      { at, kind: 'reload', message: 'fleet: staff asked for a reload from the console' },
    ];
    expect(snapshot({ resilience })).toMatchObject({ renderFailures: 2, watchdogReloads: 1 });
  });
});

describe('the events a report carries', () => {
  const entry = (at: number, kind: 'info' | 'error', message: string) => ({ at, kind, message });

  it('are what the logs gained since the cursors, oldest first, a refusal named as such', () => {
    const t = NOW.getTime();
    const status = sync({
      log: [
        entry(t - 3000, 'info', 'old'),
        entry(t - 2000, 'error', 'signature check failed: channel'),
        entry(t - 1000, 'info', 'checked'),
      ],
    });
    const resilience: ResilienceEvent[] = [
      { at: new Date(t - 2500).toISOString(), kind: 'render', message: 'TypeError' },
    ];
    const first = newEvents(status, resilience, { sync: t - 3000, shown: 1 });
    expect(first.events.map((e) => [e.kind, e.message])).toEqual([
      ['fallback', 'render: TypeError'],
      ['update-refused', 'signature check failed: channel'],
      ['info', 'checked'],
    ]);
    // Stored with the report, the cursors make the next report carry none of them again.
    expect(newEvents(status, resilience, { shown: 1, ...first.cursors }).events).toEqual([]);
  });

  it('carry a rating the terminal could not keep as an error, for the console to show', () => {
    const t = NOW.getTime();
    const lost: ResilienceEvent[] = [
      {
        at: new Date(t - 1000).toISOString(),
        kind: 'rating',
        message: 'a guide rating (level 2) could not be queued',
      },
    ];
    expect(newEvents(sync({ log: [] }), lost, { shown: 1 }).events.map((e) => [e.kind, e.message])).toEqual([
      ['error', 'rating: a guide rating (level 2) could not be queued'],
    ]);
  });

  it('say once that a new version is shown', () => {
    const first = newEvents(sync(), [], {});
    expect(first.events).toEqual([
      expect.objectContaining({ kind: 'version-shown', message: expect.stringMatching(/^version 1 shown/) }),
    ]);
    expect(newEvents(sync(), [], first.cursors).events).toEqual([]);
    expect(newEvents(sync({ active: { ...v1, version: 2 } }), [], first.cursors).events).toHaveLength(1);
  });

  it('keep coming after the clock steps back (it ran ahead, then was corrected)', () => {
    const ahead = NOW.getTime() + 3_600_000;
    const t = NOW.getTime();
    const before = sync({ log: [entry(ahead, 'info', 'checked (clock an hour ahead)')] });
    const fallbackAhead: ResilienceEvent = {
      at: new Date(ahead).toISOString(),
      kind: 'render',
      message: 'A',
    };
    const first = newEvents(before, [fallbackAhead], { shown: 1 });
    expect(first.events).toHaveLength(2);
    const log = [...before.log, entry(t, 'error', 'signature check failed: channel')];
    const resilience = [
      fallbackAhead,
      { at: new Date(t + 1).toISOString(), kind: 'render' as const, message: 'B' },
    ];
    const second = newEvents(sync({ log }), resilience, { shown: 1, ...first.cursors });
    expect(second.events.map((e) => [e.kind, e.message])).toEqual([
      ['update-refused', 'signature check failed: channel'],
      ['fallback', 'render: B'],
    ]);
    expect(
      newEvents(sync({ log }), resilience, { shown: 1, ...first.cursors, ...second.cursors }).events,
    ).toEqual([]);
  });

  it('are all the log holds when the last one reported has left it (more came than it keeps)', () => {
    const t = NOW.getTime();
    const first = newEvents(sync({ log: [entry(t, 'info', 'first')] }), [], { shown: 1 });
    const log = Array.from({ length: 50 }, (_, i) => entry(t + 1 + i, 'info', `later ${i}`));
    expect(newEvents(sync({ log }), [], { shown: 1, ...first.cursors }).events).toHaveLength(50);
  });

  it('are at most 100 a report; the rest wait for the next', () => {
    const log = Array.from({ length: 150 }, (_, i) => entry(NOW.getTime() + i, 'info', `entry ${i}`));
    const first = newEvents(sync({ log }), [], { shown: 1 });
    expect(first.events).toHaveLength(EVENTS_PER_REPORT);
    const second = newEvents(sync({ log }), [], { shown: 1, ...first.cursors });
    expect(second.events.map((e) => e.message)).toEqual(log.slice(100).map((e) => e.message));
  });
});
