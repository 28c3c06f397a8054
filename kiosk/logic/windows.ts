import { windowPlace } from '../screens/ServiceGuide/where.ts';

/** Window numbers for people: ["17","18","19"] reads "17–19", ["6","7"] reads "6、7" (or "6, 7"). */
export function windowList(windows: string[], separator: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < windows.length) {
    let j = i;
    // A run of three or more consecutive whole numbers is written as a range.
    while (j + 1 < windows.length && isNext(windows[j]!, windows[j + 1]!)) j++;
    if (j - i >= 2) {
      parts.push(`${windows[i]}–${windows[j]}`);
      i = j + 1;
    } else {
      parts.push(windows[i]!);
      i++;
    }
  }
  return parts.join(separator);
}

const isNext = (a: string, b: string) => /^\d+$/.test(a) && /^\d+$/.test(b) && Number(b) === Number(a) + 1;

type WindowPlace = { id: string; kind: string; name: string | Record<string, string> };
type FloorOfPlaces = { id: string; places: WindowPlace[] };

/** Windows that share a floor: their numbers, the map's places for them, and the floor (undefined when unknown). */
export type WindowsOnFloor<F> = { floor: F | undefined; windows: string[]; places: string[] };

/**
 * Windows grouped by the floor the map's places put them on (issue 12: an office upstairs can have its
 * windows downstairs, and the department's own floor must not be said for them). A window the plan does not
 * show goes on `declared` (the floor the content gives), else on no floor. Groups keep the order of `windows`.
 */
export function windowsByFloor<F extends FloorOfPlaces>(
  windows: string[],
  floors: F[],
  declared?: string,
): WindowsOnFloor<F>[] {
  const all = floors.flatMap((floor) => floor.places.map((p) => ({ ...p, floor })));
  const groups: WindowsOnFloor<F>[] = [];
  for (const number of windows) {
    const found = windowPlace(all, number);
    const floor = found?.floor ?? floors.find((f) => f.id === declared);
    let group = groups.find((g) => g.floor === floor);
    if (!group) {
      group = { floor, windows: [], places: [] };
      groups.push(group);
    }
    group.windows.push(number);
    if (found) group.places.push(found.id);
  }
  return groups;
}
