/** The progress figures: N of M per hall and channel, and why each of the others does not show it. */
import { describe, expect, it } from 'vitest';
import type { TerminalStatus } from '../protocol.ts';
import { channelProgress, type ProgressTerminal } from './progress.ts';
import { hourlyChecks } from './terminal-detail.ts';
import { terminalState } from './terminal-state.ts';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const V1 = { version: 1, publishedAt: '2026-03-01T00:00:00.000Z' };
const V2 = { version: 2, publishedAt: '2026-03-02T00:00:00.000Z' };

function terminal(deviceId: string, changes: Partial<TerminalStatus>, lastSeen = NOW): ProgressTerminal {
  const latest: TerminalStatus = {
    appVersion: '0.1.0',
    mode: 'interactive',
    modeSource: 'default',
    hall: { id: 'north', channel: 'stable' },
    content: { showing: V1 },
    feedStale: false,
    clock: { now: NOW.toISOString(), timeZone: 'UTC', hallTimeZone: 'Asia/Shanghai', suspicious: false },
    renderFailures: 0,
    watchdogReloads: 0,
    lastCheck: '2026-03-02T01:55:00.000Z',
    ...changes,
  };
  const facts = { status: 'approved' as const, lastSeen, sentAt: lastSeen.toISOString(), latest };
  return { fingerprint: `fp-${deviceId}`, deviceId, lastSeen, latest, state: terminalState(facts, NOW) };
}

describe('channelProgress', () => {
  it('counts N of M per hall and channel, the latest from feedLatest or what any terminal shows', () => {
    const { channels, withoutContent } = channelProgress([
      terminal('a', { content: { showing: V2 } }),
      terminal('b', { feedLatest: V2, lastRefusal: { at: '2026-03-02T01:00:00.000Z', message: 'bad hash' } }),
      terminal('c', { feedLatest: V2, content: { showing: V1, staged: V2 } }),
      terminal('d', {}, new Date('2026-03-02T01:00:00.000Z')),
      terminal('e', { feedStale: true }),
      terminal('f', {}),
      terminal('g', { hall: { id: 'north', channel: 'beta' }, content: { showing: V1 } }),
      terminal('h', { hall: undefined, content: {} }),
    ]);
    expect(withoutContent).toBe(1);
    expect(channels.map((c) => [c.hallId, c.channel, c.latest.version, c.showing, c.total])).toEqual([
      ['north', 'beta', 1, 1, 1],
      ['north', 'stable', 2, 1, 6],
    ]);
    expect(channels[1]!.behind.map((b) => [b.terminal.deviceId, b.why])).toEqual([
      ['b', { kind: 'refusing', reason: 'bad hash' }],
      ['c', { kind: 'staged' }],
      ['d', { kind: 'not-seen', since: new Date('2026-03-02T01:00:00.000Z') }],
      ['e', { kind: 'feed-stale' }],
      ['f', { kind: 'behind', showing: 1, lastCheck: '2026-03-02T01:55:00.000Z' }],
    ]);
  });
});

describe('channelProgress and a refusal the feed cannot date', () => {
  it('names the refusal of a terminal whose channel file did not verify, though its feedLatest is old', () => {
    const { channels } = channelProgress([
      terminal('a', { content: { showing: V2 } }),
      terminal('b', {
        feedLatest: V1,
        lastSuccess: '2026-03-01T23:00:00.000Z',
        lastRefusal: {
          at: '2026-03-02T01:55:00.000Z',
          message: 'channels/stable.json: signed by an unknown key',
        },
      }),
    ]);
    expect(channels[0]!.behind.map((b) => [b.terminal.deviceId, b.why])).toEqual([
      ['b', { kind: 'refusing', reason: 'channels/stable.json: signed by an unknown key' }],
    ]);
  });
});

describe('hourlyChecks', () => {
  it('counts each check once, in the hour its first report arrived, over the last 7 days', () => {
    const at = (iso: string) => new Date(iso);
    const hours = hourlyChecks(
      [
        { receivedAt: at('2026-03-02T01:10:00Z'), lastCheck: 'c1', lastSuccess: 'c1' },
        { receivedAt: at('2026-03-02T01:15:00Z'), lastCheck: 'c1', lastSuccess: 'c1' },
        { receivedAt: at('2026-03-02T01:20:00Z'), lastCheck: 'c2', lastSuccess: 'c1' },
        { receivedAt: at('2026-02-20T01:20:00Z'), lastCheck: 'old', lastSuccess: 'old' },
      ],
      NOW,
    );
    expect(hours).toHaveLength(168);
    expect(hours.at(-2)).toEqual({ start: at('2026-03-02T01:00:00Z'), ok: 1, failed: 1, reports: 3 });
    expect(hours.reduce((n, h) => n + h.reports, 0)).toBe(3);
  });
});
