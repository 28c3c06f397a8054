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

/**
 * A row as read, and the same object as listed: each request sets `state` and `latestPublished` on it
 * in place, so listing 10,000 terminals copies none of them (the copies cost more than the states).
 */
type CachedRow = TerminalSummary;
/**
 * The rows as last read, per database. Reading 10,000 rows with their statuses costs PGlite about
 * 250 ms, far over the list's 100 ms, so each request reads only the rows changed since the last one
 * (a report moves last_seen, staff actions move status_changed_at), with an overlap for transactions
 * that committed late, and reads everything again when the count of rows disagrees.
 */
interface RowCache {
  rows: Map<string, CachedRow>;
  /** The rows in sortKey order, rebuilt only when a row changed (not on every request). */
  sorted: CachedRow[] | undefined;
  /** The newest change time seen when the cache was last brought up to date. */
  newest: Date | undefined;
}
const caches = new WeakMap<FleetDb, RowCache>();
/** Longer than a transaction that stores a report takes: one that committed late is read again next time. */
const OVERLAP_MS = 10_000;
const COLUMNS =
  'public_key, fingerprint, device_id, hall, place, status, last_seen, latest_sent_at, latest_status';

const UNREAD: TerminalState = { kind: 'healthy', problems: [] };

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
    state: UNREAD,
    latestPublished: undefined,
  };
}

/** Every terminal's row, in sortKey order (hall, place, device id), brought up to date. */
async function currentRows(db: FleetDb): Promise<CachedRow[]> {
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
    if (changed.length > 0) cache.sorted = undefined;
    if (cache.rows.size !== count) cache = undefined;
  } else {
    cache = undefined;
  }
  if (!cache) {
    const all = await db.query<TerminalRow>(`SELECT ${COLUMNS} FROM terminals`);
    cache = {
      rows: new Map(all.map((row) => [row.public_key, toCached(row)])),
      sorted: undefined,
      newest: undefined,
    };
    caches.set(db, cache);
  }
  cache.newest = newest;
  cache.sorted ??= [...cache.rows.values()].sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0,
  );
  return cache.sorted;
}

/** Every terminal with its state as of `now`, in sortKey order (the objects are the cache's own: read, do not keep). */
export async function loadTerminals(db: FleetDb, now: Date): Promise<TerminalSummary[]> {
  const rows = await currentRows(db);
  const latestByChannel = new Map<string, number>();
  for (const row of rows) {
    const { latest } = row;
    const key = channelKey(latest);
    if (key && row.status === 'approved') {
      const best = Math.max(latest?.feedLatest?.version ?? 0, latest?.content.showing?.version ?? 0);
      if (best > (latestByChannel.get(key) ?? 0)) latestByChannel.set(key, best);
    }
    row.state = terminalState(row, now);
  }
  for (const row of rows) {
    const key = channelKey(row.latest);
    row.latestPublished = key ? latestByChannel.get(key) : undefined;
  }
  return rows;
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
  // Pending first (they need someone), then trouble before calm, then by hall, place and device: the
  // rows come in sortKey order already, so grouping by state keeps it without sorting 10,000 again.
  const groups = STATE_KINDS.map(() => [] as TerminalSummary[]);
  for (const terminal of found) groups[ORDER.get(terminal.state.kind)!]!.push(terminal);
  found.length = 0;
  for (const group of groups) for (const terminal of group) found.push(terminal);
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
