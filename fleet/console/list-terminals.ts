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
  searchText: string;
  sortKey: string;
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

interface CachedRow {
  publicKey: string;
  fingerprint: string;
  deviceId: string;
  hall: string | null;
  place: string | null;
  status: 'pending' | 'approved' | 'revoked';
  lastSeen: Date;
  sentAt: string | null;
  latest: TerminalStatus | null;
  /** What a search looks in, lower-cased once per change rather than once per request. */
  searchText: string;
  /** Hall, place, device id: the order within a state (code-point order; a collator costs 30 ms on 10,000). */
  sortKey: string;
}

/**
 * The rows as last read, per database. Reading 10,000 rows with their statuses costs PGlite about
 * 250 ms, far over the list's 100 ms, so each request reads only the rows changed since the last one
 * (a report moves last_seen, staff actions move status_changed_at), with an overlap for transactions
 * that committed late, and reads everything again when the count of rows disagrees.
 */
interface RowCache {
  rows: Map<string, CachedRow>;
  /** The newest change time seen when the cache was last brought up to date. */
  newest: Date | undefined;
}
const caches = new WeakMap<FleetDb, RowCache>();
/** Longer than a transaction that stores a report takes: one that committed late is read again next time. */
const OVERLAP_MS = 10_000;
const COLUMNS =
  'public_key, fingerprint, device_id, hall, place, status, last_seen, latest_sent_at, latest_status';

function toCached(row: TerminalRow): CachedRow {
  const latest =
    typeof row.latest_status === 'string'
      ? (JSON.parse(row.latest_status) as TerminalStatus)
      : row.latest_status;
  const searched = [row.device_id, row.hall ?? '', row.place ?? '', row.fingerprint, latest?.hall?.id ?? ''];
  return {
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    deviceId: row.device_id,
    hall: row.hall,
    place: row.place,
    status: row.status,
    lastSeen: new Date(row.last_seen),
    sentAt: row.latest_sent_at,
    latest,
    searchText: searched.join('\n').toLowerCase(),
    sortKey: `${row.hall ?? ''}\u0000${row.place ?? ''}\u0000${row.device_id}`,
  };
}

async function currentRows(db: FleetDb): Promise<Iterable<CachedRow>> {
  const [head] = await db.query<{ n: number; newest: Date | string | null }>(
    `SELECT count(*)::int AS n, greatest(max(last_seen), max(status_changed_at)) AS newest FROM terminals`,
  );
  const count = head?.n ?? 0;
  const newest = head?.newest ? new Date(head.newest) : undefined;
  let cache = caches.get(db);
  if (cache?.newest) {
    const since = new Date(cache.newest.getTime() - OVERLAP_MS).toISOString();
    const changed = await db.query<TerminalRow>(
      `SELECT ${COLUMNS} FROM terminals WHERE last_seen > $1 OR status_changed_at > $1`,
      [since],
    );
    for (const row of changed) cache.rows.set(row.public_key, toCached(row));
    if (cache.rows.size !== count) cache = undefined;
  } else {
    cache = undefined;
  }
  if (!cache) {
    const all = await db.query<TerminalRow>(`SELECT ${COLUMNS} FROM terminals`);
    cache = { rows: new Map(all.map((row) => [row.public_key, toCached(row)])), newest: undefined };
    caches.set(db, cache);
  }
  cache.newest = newest;
  return cache.rows.values();
}

export async function loadTerminals(db: FleetDb, now: Date): Promise<TerminalSummary[]> {
  const latestByChannel = new Map<string, number>();
  const summaries: TerminalSummary[] = [];
  for (const row of await currentRows(db)) {
    const { latest } = row;
    const key = channelKey(latest);
    if (key && row.status === 'approved') {
      const best = Math.max(latest?.feedLatest?.version ?? 0, latest?.content.showing?.version ?? 0);
      if (best > (latestByChannel.get(key) ?? 0)) latestByChannel.set(key, best);
    }
    summaries.push({ ...row, state: terminalState(row, now), latestPublished: undefined });
  }
  for (const summary of summaries) {
    const key = channelKey(summary.latest);
    if (key) summary.latestPublished = latestByChannel.get(key);
  }
  return summaries;
}

function matches(terminal: TerminalSummary, words: string[]): boolean {
  return words.every((word) => terminal.searchText.includes(word));
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
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
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
