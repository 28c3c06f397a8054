/**
 * The terminals list: one query for every terminal's row, then one pass in memory that reads each
 * state (it needs the opening hours in each hall's zone, which SQL cannot read well), filters,
 * searches, sorts and cuts a page. 10,000 terminals take milliseconds (docs/fleet-console.md).
 */
import type { FleetDb } from '../db.ts';
import type { TerminalStatus } from '../protocol.ts';
import { STATE_KINDS, type StateKind, type TerminalState, terminalState } from './terminal-state.ts';

export const PAGE_SIZE = 100;

export interface TerminalSummary {
  publicKey: string;
  fingerprint: string;
  deviceId: string;
  hall: string | null;
  place: string | null;
  status: 'pending' | 'approved' | 'revoked';
  lastSeen: Date;
  sentAt: string | null;
  latest: TerminalStatus | null;
  state: TerminalState;
  /** The highest version of its hall and channel (progress.ts's rule), when it reported a hall. */
  latestPublished: number | undefined;
}

export interface ListQuery {
  state?: StateKind | undefined;
  search?: string | undefined;
  page?: number | undefined;
}

export interface TerminalList {
  rows: TerminalSummary[];
  pending: TerminalSummary[];
  total: number;
  page: number;
  pages: number;
  counts: Record<StateKind, number>;
}

interface TerminalRow extends Record<string, unknown> {
  public_key: string;
  fingerprint: string;
  device_id: string;
  hall: string | null;
  place: string | null;
  status: 'pending' | 'approved' | 'revoked';
  last_seen: Date | string;
  latest_sent_at: string | null;
  latest_status: TerminalStatus | string | null;
}

const channelKey = (status: TerminalStatus | null) =>
  status?.hall ? `${status.hall.id}\u0000${status.hall.channel}` : undefined;

export async function loadTerminals(db: FleetDb, now: Date): Promise<TerminalSummary[]> {
  const rows = await db.query<TerminalRow>(
    `SELECT public_key, fingerprint, device_id, hall, place, status, last_seen, latest_sent_at, latest_status
     FROM terminals`,
  );
  const latestByChannel = new Map<string, number>();
  const summaries = rows.map((row): TerminalSummary => {
    const latest =
      typeof row.latest_status === 'string'
        ? (JSON.parse(row.latest_status) as TerminalStatus)
        : row.latest_status;
    const lastSeen = new Date(row.last_seen);
    const facts = { status: row.status, lastSeen, sentAt: row.latest_sent_at, latest };
    const key = channelKey(latest);
    if (key && row.status === 'approved') {
      const best = Math.max(latest?.feedLatest?.version ?? 0, latest?.content.showing?.version ?? 0);
      if (best > (latestByChannel.get(key) ?? 0)) latestByChannel.set(key, best);
    }
    return {
      publicKey: row.public_key,
      fingerprint: row.fingerprint,
      deviceId: row.device_id,
      hall: row.hall,
      place: row.place,
      status: row.status,
      lastSeen,
      sentAt: row.latest_sent_at,
      latest,
      state: terminalState(facts, now),
      latestPublished: undefined,
    };
  });
  for (const summary of summaries) {
    const key = channelKey(summary.latest);
    if (key) summary.latestPublished = latestByChannel.get(key);
  }
  return summaries;
}

function matches(terminal: TerminalSummary, words: string[]): boolean {
  const text = [
    terminal.deviceId,
    terminal.hall ?? '',
    terminal.place ?? '',
    terminal.fingerprint,
    terminal.latest?.hall?.id ?? '',
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

const ORDER = new Map(STATE_KINDS.map((kind, i) => [kind, i]));

export async function listTerminals(db: FleetDb, query: ListQuery, now: Date): Promise<TerminalList> {
  const all = await loadTerminals(db, now);
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const counts = Object.fromEntries(STATE_KINDS.map((kind) => [kind, 0])) as Record<StateKind, number>;
  const found: TerminalSummary[] = [];
  for (const terminal of all) {
    if (words.length > 0 && !matches(terminal, words)) continue;
    // A terminal counts under every problem it has, and is listed under each of them.
    const kinds = terminal.state.problems.length
      ? terminal.state.problems.map((p) => p.kind)
      : [terminal.state.kind];
    for (const kind of kinds) counts[kind] += 1;
    if (!query.state || kinds.includes(query.state)) found.push(terminal);
  }
  // Pending first (they need someone), then trouble before calm, then by hall, place and device.
  found.sort(
    (a, b) =>
      ORDER.get(a.state.kind)! - ORDER.get(b.state.kind)! ||
      (a.hall ?? '').localeCompare(b.hall ?? '') ||
      (a.place ?? '').localeCompare(b.place ?? '') ||
      a.deviceId.localeCompare(b.deviceId),
  );
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  return {
    rows: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    pending: found.filter((terminal) => terminal.status === 'pending').slice(0, PAGE_SIZE),
    total: found.length,
    page,
    pages,
    counts,
  };
}
