/**
 * The hall's time zone as a terminal reported it, or the default zone when it names none this engine
 * knows. The protocol accepts any string, and one terminal reporting "Mars/Olympus" must not make every
 * console page fail (Intl throws a RangeError on an unknown zone) for all staff.
 */
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../content/hall-time.ts';
import type { TerminalStatus } from '../protocol.ts';

/** Remembered: the list of 10,000 terminals asks about the same few zones, and each check builds an Intl formatter. */
const known = new Map<string, boolean>();

export function knownZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  let ok = known.get(zone);
  if (ok === undefined) {
    if (known.size > 1_000) known.clear();
    ok = isTimeZone(zone);
    known.set(zone, ok);
  }
  return ok ? zone : undefined;
}

/** The zone to read this terminal's times in. */
export const hallZoneOf = (status: TerminalStatus | null | undefined): string =>
  knownZone(status?.clock.hallTimeZone) ?? DEFAULT_TIME_ZONE;
