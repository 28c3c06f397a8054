/**
 * The latest version's progress per hall and channel (pure). "Latest published" is the highest
 * version any terminal of that hall and channel was offered by the feed at its last good check
 * (status.feedLatest) or shows: the service never reads the feed itself, so this is the best it knows.
 */
import { DEFAULT_TIME_ZONE } from '../../content/hall-time.ts';
import type { TerminalStatus } from '../protocol.ts';
import { knownZone } from './hall-zone.ts';
import type { TerminalState } from './terminal-state.ts';

export interface ProgressTerminal {
  fingerprint: string;
  deviceId: string;
  lastSeen: Date;
  latest: TerminalStatus | null;
  state: TerminalState;
}

export type Why =
  | { kind: 'refusing'; reason: string }
  | { kind: 'staged' }
  | { kind: 'not-seen'; since: Date }
  | { kind: 'feed-stale' }
  | { kind: 'behind'; showing: number | undefined; lastCheck: string | undefined };

export interface ChannelProgress {
  hallId: string;
  channel: string;
  latest: { version: number; publishedAt: string };
  /** The hall's zone, from the first terminal of it naming one this engine knows; else the default. */
  timeZone: string;
  total: number;
  showing: number;
  behind: { terminal: ProgressTerminal; why: Why }[];
}

function why(terminal: ProgressTerminal, latest: number): Why {
  const status = terminal.latest!;
  for (const problem of terminal.state.problems) {
    if (problem.kind === 'refusing') return { kind: 'refusing', reason: problem.reason };
  }
  if ((status.content.staged?.version ?? 0) >= latest) return { kind: 'staged' };
  const silent = terminal.state.problems.find((p) => p.kind === 'not-seen');
  if (silent) return { kind: 'not-seen', since: silent.since };
  if (terminal.state.kind === 'quiet') return { kind: 'not-seen', since: terminal.lastSeen };
  if (status.feedStale) return { kind: 'feed-stale' };
  return { kind: 'behind', showing: status.content.showing?.version, lastCheck: status.lastCheck };
}

/** Approved terminals only; those that reported no hall (no content yet) are counted apart. */
export function channelProgress(terminals: readonly ProgressTerminal[]): {
  channels: ChannelProgress[];
  withoutContent: number;
} {
  const groups = new Map<string, ProgressTerminal[]>();
  let withoutContent = 0;
  for (const terminal of terminals) {
    const hall = terminal.latest?.hall;
    if (!hall) {
      withoutContent += 1;
      continue;
    }
    const key = JSON.stringify([hall.id, hall.channel]);
    groups.set(key, [...(groups.get(key) ?? []), terminal]);
  }
  const channels: ChannelProgress[] = [];
  for (const [key, members] of groups) {
    const [hallId, channel] = JSON.parse(key) as [string, string];
    let latest = { version: 0, publishedAt: '' };
    for (const member of members) {
      for (const offered of [member.latest?.feedLatest, member.latest?.content.showing]) {
        if (offered && offered.version > latest.version) latest = offered;
      }
    }
    const behind = members
      .filter((member) => (member.latest?.content.showing?.version ?? 0) < latest.version)
      .map((terminal) => ({ terminal, why: why(terminal, latest.version) }))
      .sort((a, b) => a.terminal.deviceId.localeCompare(b.terminal.deviceId));
    const named = members.map((m) => knownZone(m.latest?.clock.hallTimeZone)).find((z) => z !== undefined);
    channels.push({
      hallId,
      channel,
      latest,
      timeZone: named ?? DEFAULT_TIME_ZONE,
      total: members.length,
      showing: members.length - behind.length,
      behind,
    });
  }
  channels.sort((a, b) => a.hallId.localeCompare(b.hallId) || a.channel.localeCompare(b.channel));
  return { channels, withoutContent };
}
