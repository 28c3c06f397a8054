/**
 * Rows of fleet/migrations/004_ratings.sql for the console's tests, written with plain SQL as the
 * service's store would leave them (docs/ratings.md): the console's pages are tested on the tables,
 * not on the code that fills them.
 */
import type { RatingLevel, RatingSubject, WrongPart } from '../../content/ratings.ts';
import type { FleetDb } from '../db.ts';
import type { Catalogue } from '../protocol.ts';
import { makeTestTerminal } from '../testing/test-terminal.ts';

export interface InsertedTerminal {
  publicKey: string;
  fingerprint: string;
  deviceId: string;
}

/** An approved terminal whose latest status names `zone` as its hall's. */
export async function insertTerminal(
  db: FleetDb,
  t: { deviceId: string; hall: string; place: string; zone: string; seen: Date; ratingsDropped?: number },
): Promise<InsertedTerminal> {
  const terminal = await makeTestTerminal(t.deviceId);
  const status = terminal.payload(1).status;
  status.clock = { ...status.clock, hallTimeZone: t.zone };
  await db.query(
    `INSERT INTO terminals (public_key, fingerprint, device_id, hall, place, status, status_changed_at,
       status_changed_by, first_seen, last_seen, last_seq, latest_sent_at, latest_status, ratings_dropped)
     VALUES ($1, $2, $3, $4, $5, 'approved', $6, 'test', $6, $6, 1, $7, $8, $9)`,
    [
      terminal.publicKey,
      terminal.fingerprint,
      t.deviceId,
      t.hall,
      t.place,
      t.seen.toISOString(),
      t.seen.toISOString(),
      JSON.stringify(status),
      t.ratingsDropped ?? 0,
    ],
  );
  return { publicKey: terminal.publicKey, fingerprint: terminal.fingerprint, deviceId: t.deviceId };
}

export async function insertCatalogue(db: FleetDb, catalogue: Catalogue, receivedAt: Date): Promise<void> {
  await db.query('INSERT INTO catalogues (hall, version, received_at, body) VALUES ($1, $2, $3, $4)', [
    catalogue.hall,
    catalogue.version,
    receivedAt.toISOString(),
    JSON.stringify(catalogue),
  ]);
}

export interface TestRating {
  id: string;
  at: Date;
  receivedAt?: Date;
  subject: RatingSubject;
  hall: string;
  contentVersion: number;
  service?: string;
  level: RatingLevel;
  reasons?: string[];
  wrong?: WrongPart[];
  locale?: string;
  /** A 差评's case: due date and status (new by default). */
  case?: { dueDate: string; status?: 'new' | 'rectifying' | 'rectified'; note?: string };
}

/** Stores a rating, with the service's name, code and department copied from `catalogue` when given. */
export async function insertRating(
  db: FleetDb,
  terminal: InsertedTerminal,
  r: TestRating,
  catalogue?: Catalogue,
): Promise<void> {
  const service = catalogue?.services.find((s) => s.id === r.service);
  const department = catalogue?.departments.find((d) => d.id === service?.department);
  const receivedAt = (r.receivedAt ?? new Date(r.at.getTime() + 60_000)).toISOString();
  await db.query(
    `INSERT INTO ratings (public_key, rating_id, seq, received_at, at, at_text, hall, content_version, subject,
       service, service_name, service_code, department, department_name, level, reasons, wrong, locale)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      terminal.publicKey,
      r.id,
      receivedAt,
      r.at.toISOString(),
      r.at.toISOString(),
      r.hall,
      r.contentVersion,
      r.subject,
      r.service ?? null,
      service?.name ?? null,
      service?.code ?? null,
      service?.department ?? null,
      department?.name ?? null,
      r.level,
      JSON.stringify(r.reasons ?? []),
      r.wrong ? JSON.stringify(r.wrong) : null,
      r.locale ?? null,
    ],
  );
  if (r.case) {
    await db.query(
      `INSERT INTO rating_cases (public_key, rating_id, status, opened_at, due_date, note) VALUES ($1, $2, $3, $4, $5, $6)`,
      [terminal.publicKey, r.id, r.case.status ?? 'new', receivedAt, r.case.dueDate, r.case.note ?? ''],
    );
  }
}

export async function insertRefusal(
  db: FleetDb,
  terminal: InsertedTerminal,
  f: { ratingId: string; receivedAt: Date; reason: string; message: string },
): Promise<void> {
  await db.query(
    `INSERT INTO rating_refusals (public_key, rating_id, seq, received_at, reason, message) VALUES ($1, $2, 1, $3, $4, $5)`,
    [terminal.publicKey, f.ratingId, f.receivedAt.toISOString(), f.reason, f.message],
  );
}
