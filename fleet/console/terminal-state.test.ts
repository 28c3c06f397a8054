/**
 * The state words staff read in the console, from a terminal's row and latest status, on a fixed
 * clock. Opening hours are read in the hall's zone: a Shanghai hall open 09:00-17:00 is closed at
 * 10:00 UTC (18:00 in Shanghai), whatever zone the service runs in.
 */
import { describe, expect, it } from 'vitest';
import type { TerminalStatus } from '../protocol.ts';
import { NOT_SEEN_AFTER_MS, openDuring, terminalState } from './terminal-state.ts';

// Monday 2 March 2026, 09:31 UTC = 17:31 in Shanghai.
const WEEKDAYS = {
  mon: ['09:00-17:00'],
  tue: ['09:00-17:00'],
  wed: ['09:00-17:00'],
  thu: ['09:00-17:00'],
  fri: ['09:00-17:00'],
};
const HOURS = { weekly: WEEKDAYS, exceptions: [] };
const minutes = (n: number) => n * 60_000;

function status(changes: Partial<TerminalStatus> = {}): TerminalStatus {
  return {
    appVersion: '0.1.0',
    mode: 'interactive',
    modeSource: 'default',
    hall: { id: 'north', channel: 'stable' },
    feedLatest: { version: 2, publishedAt: '2026-03-01T12:00:00.000Z' },
    hours: HOURS,
    content: { showing: { version: 2, publishedAt: '2026-03-01T12:00:00.000Z' } },
    lastCheck: '2026-03-02T02:00:00.000Z',
    lastSuccess: '2026-03-02T02:00:00.000Z',
    feedStale: false,
    clock: {
      now: '2026-03-02T02:00:00.000Z',
      timeZone: 'UTC',
      hallTimeZone: 'Asia/Shanghai',
      suspicious: false,
    },
    renderFailures: 0,
    watchdogReloads: 0,
    ...changes,
  };
}
const at = (iso: string) => new Date(iso);
const approved = (lastSeen: string, latest = status(), sentAt = lastSeen) => ({
  status: 'approved' as const,
  lastSeen: at(lastSeen),
  sentAt,
  latest,
});

describe('terminalState', () => {
  it('a terminal seen a minute ago reporting nothing wrong is healthy', () => {
    const state = terminalState(approved('2026-03-02T02:00:00Z'), at('2026-03-02T02:01:00Z'));
    expect(state).toEqual({ kind: 'healthy', problems: [] });
  });

  it('pending and revoked say so before anything else', () => {
    const now = at('2026-03-02T02:01:00Z');
    expect(terminalState({ status: 'pending', lastSeen: now, sentAt: null, latest: null }, now).kind).toBe(
      'pending',
    );
    expect(terminalState({ ...approved('2026-03-01T00:00:00Z'), status: 'revoked' }, now).kind).toBe(
      'revoked',
    );
  });

  it('not seen for more than 15 minutes while the hall was open is "not seen", with since when', () => {
    // 02:00 UTC = 10:00 Shanghai, Monday: open. 16 minutes later, still open.
    const state = terminalState(approved('2026-03-02T02:00:00Z'), at('2026-03-02T02:16:00Z'));
    expect(state.kind).toBe('not-seen');
    expect(state.problems).toContainEqual({ kind: 'not-seen', since: at('2026-03-02T02:00:00Z') });
    // 14 minutes is under three heartbeats: not yet.
    expect(terminalState(approved('2026-03-02T02:00:00Z'), at('2026-03-02T02:14:00Z')).kind).toBe('healthy');
    expect(NOT_SEEN_AFTER_MS).toBe(minutes(15));
  });

  it('silence while the hall is closed (in the hall zone, not UTC) is quiet, not an alert', () => {
    // Last seen 16:55 Shanghai on Monday; now 23:00 Shanghai: the hall closed at 17:00, within 15 minutes of the last report.
    const state = terminalState(approved('2026-03-02T08:55:00Z'), at('2026-03-02T15:00:00Z'));
    expect(state).toEqual({ kind: 'quiet', problems: [] });
    // The next morning after 09:00 Shanghai it is an alert again.
    expect(terminalState(approved('2026-03-02T08:55:00Z'), at('2026-03-03T01:05:00Z')).kind).toBe('not-seen');
  });

  it('a closed day from the exceptions keeps it quiet all day', () => {
    const holiday = status({
      hours: { weekly: WEEKDAYS, exceptions: [{ date: '2026-03-03', closed: true }] },
    });
    const tuesdayNoon = at('2026-03-03T04:00:00Z');
    expect(terminalState(approved('2026-03-02T08:55:00Z', holiday), tuesdayNoon).kind).toBe('quiet');
  });

  it('without opening hours in its status every silence counts', () => {
    const noHours = status({ hours: undefined });
    expect(terminalState(approved('2026-03-02T08:55:00Z', noHours), at('2026-03-02T15:00:00Z')).kind).toBe(
      'not-seen',
    );
  });

  it('an update refused and not overcome is "refusing" with the reason as reported', () => {
    const refusing = status({
      feedLatest: { version: 3, publishedAt: '2026-03-02T01:00:00.000Z' },
      lastRefusal: { at: '2026-03-02T01:30:00.000Z', message: 'guide.json: its hash does not match' },
    });
    const state = terminalState(approved('2026-03-02T02:00:00Z', refusing), at('2026-03-02T02:01:00Z'));
    expect(state.kind).toBe('refusing');
    expect(state.problems).toContainEqual({
      kind: 'refusing',
      at: '2026-03-02T01:30:00.000Z',
      reason: 'guide.json: its hash does not match',
    });
    // Once it shows the latest, the old refusal is history, not a state.
    const mended = {
      ...refusing,
      content: { showing: { version: 3, publishedAt: '2026-03-02T01:00:00.000Z' } },
    };
    expect(terminalState(approved('2026-03-02T02:00:00Z', mended), at('2026-03-02T02:01:00Z')).kind).toBe(
      'healthy',
    );
  });

  it('a refusal after the last good check counts even when the feed it could not verify is not newer', () => {
    // A bad channel signature or an untrusted key: the check fails before feedLatest is learnt, so
    // feedLatest still names what it shows, and the terminal refuses every update from now on.
    const badSignature = status({
      lastSuccess: '2026-03-02T02:00:00.000Z',
      lastCheck: '2026-03-02T02:30:00.000Z',
      lastRefusal: {
        at: '2026-03-02T02:30:00.000Z',
        message: 'channels/stable.json: its signature does not verify',
      },
    });
    const now = at('2026-03-02T02:31:00Z');
    expect(terminalState(approved('2026-03-02T02:30:00Z', badSignature), now)).toEqual({
      kind: 'refusing',
      problems: [
        {
          kind: 'refusing',
          at: '2026-03-02T02:30:00.000Z',
          reason: 'channels/stable.json: its signature does not verify',
        },
      ],
    });
    // Never a good check at all (an untrusted key from the first day): refusing too.
    const neverGood = { ...badSignature, lastSuccess: undefined };
    expect(terminalState(approved('2026-03-02T02:30:00Z', neverGood), now).kind).toBe('refusing');
    // A good check since the refusal, and nothing newer offered: the refusal is history.
    const since = { ...badSignature, lastSuccess: '2026-03-02T02:35:00.000Z' };
    expect(terminalState(approved('2026-03-02T02:35:00Z', since), at('2026-03-02T02:36:00Z')).kind).toBe(
      'healthy',
    );
    // A good check since, but still below what the feed offers: still refusing that version.
    const stillBehind = { ...since, feedLatest: { version: 3, publishedAt: '2026-03-02T01:00:00.000Z' } };
    expect(
      terminalState(approved('2026-03-02T02:35:00Z', stillBehind), at('2026-03-02T02:36:00Z')).kind,
    ).toBe('refusing');
  });

  it('feed stale, clock wrong and memory high, several at once, the first named the state', () => {
    const troubled = status({
      feedStale: true,
      clock: {
        now: '2026-03-02T02:00:00Z',
        timeZone: 'UTC',
        hallTimeZone: 'Asia/Shanghai',
        suspicious: true,
      },
      heapBytes: 450 * 2 ** 20,
    });
    const state = terminalState(approved('2026-03-02T02:00:00Z', troubled), at('2026-03-02T02:01:00Z'));
    expect(state.kind).toBe('feed-stale');
    expect(state.problems.map((p) => p.kind)).toEqual(['feed-stale', 'clock-wrong', 'memory-high']);
  });

  it('a report sent from more than 5 minutes in the future is a wrong clock even if the terminal did not notice', () => {
    const state = terminalState(
      approved('2026-03-02T02:00:00Z', status(), '2026-03-02T03:00:00.000Z'),
      at('2026-03-02T02:01:00Z'),
    );
    expect(state.kind).toBe('clock-wrong');
  });
});

describe('openDuring', () => {
  it('reads periods in the hall zone and across days', () => {
    const shanghai = 'Asia/Shanghai';
    // 17:01-23:00 Shanghai Monday: closed.
    expect(openDuring(HOURS, shanghai, at('2026-03-02T09:01:00Z'), at('2026-03-02T15:00:00Z'))).toBe(false);
    // Same instants in a hall in London (09:01-15:00 local): open.
    expect(openDuring(HOURS, 'Europe/London', at('2026-03-02T09:01:00Z'), at('2026-03-02T15:00:00Z'))).toBe(
      true,
    );
    // Saturday to Sunday night: closed.
    expect(openDuring(HOURS, shanghai, at('2026-03-07T00:00:00Z'), at('2026-03-08T15:00:00Z'))).toBe(false);
    // A week away: open at some point.
    expect(openDuring(HOURS, shanghai, at('2026-03-07T00:00:00Z'), at('2026-03-14T00:00:00Z'))).toBe(true);
  });
});
