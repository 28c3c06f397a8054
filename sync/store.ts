/**
 * The terminal's content store: the one module that owns IndexedDB and its typed schema.
 *
 * Invariants:
 * - A file is stored only after its bytes hashed to its name (and, for documents, passed the schema).
 * - `pointers.active` only ever names a version whose every file is stored: staging checks the whole
 *   version, activation checks every file is still there in the same `durability: 'strict'`
 *   transaction that moves the pointers, so a crash leaves old or new, and garbage collection keeps
 *   the files of a download under way.
 * - Trusted state (highest version seen per hall and channel) lives in its own database, so it
 *   survives the content database being collected or recreated.
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { ChannelPayloadT, ManifestT } from '../content/bundle-format.ts';

export const CONTENT_DB = 'sunlight-content';
export const TRUST_DB = 'sunlight-trust';

export type StoredFile = { hash: string; bytes: ArrayBuffer };
export type VersionRecord = { version: number; channel: ChannelPayloadT; manifest: ManifestT };
/** `held`: staff rolled back from this version; the feed's copy of it (or older) is not taken again. */
export type Pointers = { active?: number; previous?: number; staged?: number; held?: number };
export type LogEntry = { at: number; kind: 'error' | 'info'; message: string };
export type CheckRecord = { at: number; outcome: 'updated' | 'unchanged' | 'failed' };

interface ContentSchema extends DBSchema {
  files: { key: string; value: StoredFile };
  versions: { key: number; value: VersionRecord };
  pointers: { key: 'pointers'; value: Pointers };
  log: { key: number; value: LogEntry };
  checks: { key: number; value: CheckRecord };
}
interface TrustSchema extends DBSchema {
  highest: { key: string; value: { key: string; version: number } };
}

const LOG_LIMIT = 200;
const CHECK_LIMIT = 500;

/** Opens the store; when the database cannot be opened (corrupted, or from a newer build) it is recreated. */
export async function openContentStore(): Promise<{ store: Store; recreated: boolean }> {
  const open = () =>
    openDB<ContentSchema>(CONTENT_DB, 1, {
      upgrade(db) {
        db.createObjectStore('files', { keyPath: 'hash' });
        db.createObjectStore('versions', { keyPath: 'version' });
        db.createObjectStore('pointers');
        db.createObjectStore('log', { autoIncrement: true });
        db.createObjectStore('checks', { autoIncrement: true });
      },
    });
  const trust = await openDB<TrustSchema>(TRUST_DB, 1, {
    upgrade(db) {
      db.createObjectStore('highest', { keyPath: 'key' });
    },
  }).catch(async () => {
    await deleteDB(TRUST_DB);
    return openDB<TrustSchema>(TRUST_DB, 1, {
      upgrade: (db) => db.createObjectStore('highest', { keyPath: 'key' }),
    });
  });
  try {
    const db = await open();
    await db.get('pointers', 'pointers');
    return { store: new Store(db, trust), recreated: false };
  } catch {
    await deleteDB(CONTENT_DB);
    return { store: new Store(await open(), trust), recreated: true };
  }
}

/** The hash of the first ref whose file is not in `files`, read in the caller's transaction. */
async function firstMissing(
  files: { getKey(key: string): Promise<string | undefined> },
  refs: { hash: string }[],
): Promise<string | undefined> {
  for (const ref of refs) if ((await files.getKey(ref.hash)) === undefined) return ref.hash;
  return undefined;
}

export class Store {
  constructor(
    private readonly db: IDBPDatabase<ContentSchema>,
    private readonly trust: IDBPDatabase<TrustSchema>,
  ) {}

  close(): void {
    this.db.close();
    this.trust.close();
  }

  async pointers(): Promise<Pointers> {
    return (await this.db.get('pointers', 'pointers')) ?? {};
  }
  version(version: number): Promise<VersionRecord | undefined> {
    return this.db.get('versions', version);
  }
  async hasFile(hash: string): Promise<boolean> {
    return (await this.db.getKey('files', hash)) !== undefined;
  }
  file(hash: string): Promise<StoredFile | undefined> {
    return this.db.get('files', hash);
  }
  /** Stores one verified file at once, so an interrupted download resumes after it. */
  async putFile(hash: string, bytes: Uint8Array): Promise<void> {
    const copy = bytes.slice().buffer as ArrayBuffer;
    await this.db.put('files', { hash, bytes: copy });
  }

  /** The highest version ever accepted for this hall's channel: lower ones are rollbacks. */
  async highestSeen(key: string): Promise<number> {
    return (await this.trust.get('highest', key))?.version ?? 0;
  }
  async raiseHighestSeen(key: string, version: number): Promise<void> {
    const tx = this.trust.transaction('highest', 'readwrite', { durability: 'strict' });
    const current = (await tx.store.get(key))?.version ?? 0;
    if (version > current) await tx.store.put({ key, version });
    await tx.done;
  }

  /** Records a complete, verified version as staged; the caller has stored every file it names. */
  async stage(record: VersionRecord): Promise<void> {
    const tx = this.db.transaction(['versions', 'pointers'], 'readwrite', { durability: 'strict' });
    const pointers = (await tx.objectStore('pointers').get('pointers')) ?? {};
    await tx.objectStore('versions').put(record);
    await tx.objectStore('pointers').put({ ...pointers, staged: record.version }, 'pointers');
    await tx.done;
  }

  /**
   * Makes the staged version active in one strict transaction; the old active one is kept as previous.
   * The same transaction checks that every file the staged version names is stored: if one is not, the
   * version is unstaged instead (to be fetched again) and the missing file's hash is returned.
   */
  async activateStaged(): Promise<{ activated: number } | { version: number; missing: string } | undefined> {
    const tx = this.db.transaction(['pointers', 'versions', 'files'], 'readwrite', {
      durability: 'strict',
    });
    const pointers = tx.objectStore('pointers');
    const p = (await pointers.get('pointers')) ?? {};
    if (p.staged === undefined) {
      await tx.done;
      return undefined;
    }
    const record = await tx.objectStore('versions').get(p.staged);
    const refs = record ? [...record.manifest.documents, ...record.manifest.media] : [];
    // '' names the version record itself: staging writes it with the pointer, so only a bug loses it.
    const missing = record ? await firstMissing(tx.objectStore('files'), refs) : '';
    if (missing !== undefined) {
      const { staged, ...rest } = p;
      await pointers.put(rest, 'pointers');
      await tx.done;
      return { version: staged, missing };
    }
    const next: Pointers = { active: p.staged, ...(p.held !== undefined ? { held: p.held } : {}) };
    if (p.active !== undefined && p.active !== p.staged) next.previous = p.active;
    else if (p.previous !== undefined) next.previous = p.previous;
    await pointers.put(next, 'pointers');
    await tx.done;
    return { activated: p.staged };
  }

  /**
   * The active version cannot be read: the previous one (if any) becomes active, else none is, and
   * the next check fetches what is missing. Returns the version now active.
   */
  async setAsideActive(version: number): Promise<number | undefined> {
    const tx = this.db.transaction('pointers', 'readwrite', { durability: 'strict' });
    const pointers = (await tx.store.get('pointers')) ?? {};
    // Another reader, or an activation, got here first: the broken version is no longer the active one.
    if (pointers.active !== version) {
      await tx.done;
      return pointers.active;
    }
    const { active, previous, ...rest } = pointers;
    const next: Pointers =
      previous !== undefined && previous !== active ? { ...rest, active: previous } : rest;
    await tx.store.put(next, 'pointers');
    await tx.done;
    return next.active;
  }

  /** Staff rollback: the previous version becomes active again (and the rolled-back one previous). */
  async rollback(): Promise<number | undefined> {
    const tx = this.db.transaction('pointers', 'readwrite', { durability: 'strict' });
    const p = (await tx.store.get('pointers')) ?? {};
    if (p.previous === undefined || p.active === undefined) {
      await tx.done;
      return undefined;
    }
    await tx.store.put(
      { active: p.previous, previous: p.active, held: Math.max(p.active, p.held ?? 0) },
      'pointers',
    );
    await tx.done;
    return p.previous;
  }

  /**
   * Deletes versions no pointer names and files no kept version references. `keep` adds files of a
   * download under way. Safe to interrupt: it only ever deletes what nothing names.
   */
  async collectGarbage(keep: Iterable<string> = []): Promise<{ files: number; versions: number }> {
    const pointers = await this.pointers();
    const kept = new Set(
      [pointers.active, pointers.previous, pointers.staged].filter((v) => v !== undefined),
    );
    const live = new Set(keep);
    let versions = 0;
    for (const record of await this.db.getAll('versions')) {
      if (!kept.has(record.version)) {
        await this.db.delete('versions', record.version);
        versions++;
        continue;
      }
      live.add(record.channel.manifest.hash);
      for (const ref of [...record.manifest.documents, ...record.manifest.media]) live.add(ref.hash);
    }
    let files = 0;
    for (const hash of await this.db.getAllKeys('files')) {
      if (!live.has(hash)) {
        await this.db.delete('files', hash);
        files++;
      }
    }
    return { files, versions };
  }

  /** Every stored file's hash and size: what the terminal holds. */
  async storedBytes(): Promise<number> {
    let total = 0;
    for (const f of await this.db.getAll('files')) total += f.bytes.byteLength;
    return total;
  }

  async log(entry: LogEntry): Promise<void> {
    await this.db.add('log', entry);
    const keys = await this.db.getAllKeys('log');
    for (const key of keys.slice(0, Math.max(0, keys.length - LOG_LIMIT))) await this.db.delete('log', key);
  }
  async logEntries(): Promise<LogEntry[]> {
    return this.db.getAll('log');
  }
  async recordCheck(entry: CheckRecord): Promise<void> {
    await this.db.add('checks', entry);
    const keys = await this.db.getAllKeys('checks');
    for (const key of keys.slice(0, Math.max(0, keys.length - CHECK_LIMIT)))
      await this.db.delete('checks', key);
  }
  async checks(): Promise<CheckRecord[]> {
    return this.db.getAll('checks');
  }
  /** When the newest check that did not fail ended: kept across restarts, unlike the engine's memory. */
  async lastSuccess(): Promise<number | undefined> {
    for (
      let c = await this.db.transaction('checks').store.openCursor(null, 'prev');
      c;
      c = await c.continue()
    )
      if (c.value.outcome !== 'failed') return c.value.at;
    return undefined;
  }

  /**
   * Reads the active version, in one transaction: a consistent snapshot, never a mix. A file that is
   * not stored is simply absent from `files`: the caller says what that means.
   */
  async readActive(): Promise<
    { version: number; record: VersionRecord | undefined; files: Map<string, ArrayBuffer> } | undefined
  > {
    const tx = this.db.transaction(['pointers', 'versions', 'files'], 'readonly');
    const p = await tx.objectStore('pointers').get('pointers');
    if (p?.active === undefined) return undefined;
    const record = await tx.objectStore('versions').get(p.active);
    if (!record) return { version: p.active, record, files: new Map() };
    const files = new Map<string, ArrayBuffer>();
    for (const ref of [...record.manifest.documents, ...record.manifest.media]) {
      const f = await tx.objectStore('files').get(ref.hash);
      if (f) files.set(ref.hash, f.bytes);
    }
    await tx.done;
    return { version: p.active, record, files };
  }
}
