/**
 * The way from "you are here" to a place, in words a visitor can follow (issue 12 item 9), computed from the
 * plans alone. The rule, kept simple so it stays honest (docs/maps-and-directory.md):
 * - directions are read off the plan with its top taken as straight ahead of the visitor; the screen says so;
 * - on another floor, the visitor takes the lift or stairs nearest to where they stand (straight-line
 *   distance on the plan), and arrives at that kind's place on the target floor nearest to the same spot
 *   (the same shaft or stairwell); lifts and stairs are taken to reach every floor;
 * - the step-free route always uses a lift; when the nearest way is the stairs it is given as well, and when
 *   the hall has no lift on both floors the screen says to ask for help instead of inventing one.
 */

export type Point = { id: string; kind: string; x: number; y: number };
export type RouteFloor<P extends Point> = { id: string; places: P[] };

/** Where something is from the visitor, with the plan's top ahead. `near` is within a few steps. */
export type Direction =
  | 'near'
  | 'ahead'
  | 'behind'
  | 'left'
  | 'right'
  | 'ahead-left'
  | 'ahead-right'
  | 'behind-left'
  | 'behind-right';

/** Plan units under which two places count as side by side (the sample's windows are 70 apart). */
const NEAR = 45;

export function direction(from: { x: number; y: number }, to: { x: number; y: number }): Direction {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.hypot(dx, dy) < NEAR) return 'near';
  // A side counts only when it is at least half the other: a lift far ahead and a little right is "ahead".
  const side = Math.abs(dx) >= Math.max(NEAR, Math.abs(dy) / 2) ? (dx > 0 ? 'right' : 'left') : '';
  const along = Math.abs(dy) >= Math.max(NEAR, Math.abs(dx) / 2) ? (dy < 0 ? 'ahead' : 'behind') : '';
  return (along && side ? `${along}-${side}` : along || side || 'near') as Direction;
}

/** One way between floors: what is taken, where it is from the visitor, and where the place is from it. */
export type Leg<P extends Point> = {
  via: P;
  /** The same lift or stairs on the target floor. */
  arrive: P;
  toVia: Direction;
  fromArrival: Direction;
  up: boolean;
};

export type Route<P extends Point> =
  | { kind: 'same-floor'; to: Direction }
  | {
      kind: 'other-floor';
      /** The nearest way, lift or stairs. */
      way: Leg<P>;
      /** The way by lift when `way` is the stairs; undefined when `way` is already step-free or no lift serves both floors. */
      stepFree: Leg<P> | undefined;
      /** Whether a lift serves both floors at all. */
      hasLift: boolean;
    }
  | { kind: 'no-way' };

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
const nearest = <P extends Point>(places: P[], to: { x: number; y: number }) =>
  places.reduce<P | undefined>((best, p) => (!best || dist(p, to) < dist(best, to) ? p : best), undefined);

/** The route to `target` (a point on `targetFloor`) from `here` (on `hereFloor`); floors in the hall's order, lowest first. */
export function route<P extends Point>(
  floors: RouteFloor<P>[],
  here: { floor: string; place: P },
  target: { floor: string; at: { x: number; y: number } },
): Route<P> {
  if (here.floor === target.floor) return { kind: 'same-floor', to: direction(here.place, target.at) };
  const from = floors.find((f) => f.id === here.floor);
  const to = floors.find((f) => f.id === target.floor);
  if (!from || !to) return { kind: 'no-way' };
  const up = floors.indexOf(to) > floors.indexOf(from);
  const leg = (kinds: string[]): Leg<P> | undefined => {
    const served = (kind: string) => to.places.some((p) => p.kind === kind);
    const via = nearest(
      from.places.filter((p) => kinds.includes(p.kind) && served(p.kind)),
      here.place,
    );
    const arrive =
      via &&
      nearest(
        to.places.filter((p) => p.kind === via.kind),
        via,
      );
    if (!via || !arrive) return undefined;
    return { via, arrive, toVia: direction(here.place, via), fromArrival: direction(arrive, target.at), up };
  };
  const way = leg(['lift', 'stairs']);
  if (!way) return { kind: 'no-way' };
  const byLift = way.via.kind === 'lift' ? way : leg(['lift']);
  return {
    kind: 'other-floor',
    way,
    stepFree: byLift === way ? undefined : byLift,
    hasLift: byLift !== undefined,
  };
}
