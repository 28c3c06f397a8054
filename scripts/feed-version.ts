/**
 * The next channel version. Terminals refuse any version lower than one they have seen, per hall and
 * channel, and know nothing of where it was published from. So a version must not depend on what one
 * feed folder remembers: it is the publish time in UTC as a number, YYYYMMDDHHMMSS, or one above the
 * folder's (or the live feed's) version when that is higher. A fresh folder, a new staging copy or a
 * restored backup then still goes above every version published before from a machine with a sane
 * clock. See docs/feed-format.md.
 */

/** 2026-11-26T10:00:00Z → 20261126100000: readable as a time, and always below Number.MAX_SAFE_INTEGER. */
export function clockVersion(now: Date): number {
  return Number(now.toISOString().slice(0, 19).replace(/\D/g, ''));
}

/** Above every version this publish knows of, and at least the publish time's number. */
export function nextVersion(known: (number | undefined)[], now: Date): number {
  const highest = Math.max(0, ...known.filter((v): v is number => v !== undefined));
  return Math.max(highest + 1, clockVersion(now));
}
