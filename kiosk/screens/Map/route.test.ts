import { describe, expect, it } from 'vitest';
import { direction, route } from './route.ts';

const at = (id: string, kind: string, x: number, y: number) => ({ id, kind, x, y });

describe('directions read off the plan, its top ahead', () => {
  it.each([
    [{ x: 800, y: 480 }, 'right'],
    [{ x: 100, y: 480 }, 'left'],
    [{ x: 500, y: 100 }, 'ahead'],
    [{ x: 500, y: 590 }, 'behind'],
    [{ x: 200, y: 200 }, 'ahead-left'],
    [{ x: 700, y: 680 }, 'behind-right'],
    [{ x: 800, y: 590 }, 'right'],
    [{ x: 520, y: 490 }, 'near'],
  ] as const)('should say %j is %s of a visitor at (500, 480)', (to, said) => {
    expect(direction({ x: 500, y: 480 }, to)).toBe(said);
  });
});

describe('the way to another floor', () => {
  const here = at('kiosk', 'desk', 180, 475);
  const floors = [
    { id: 'f1', places: [here, at('lift-a', 'lift', 800, 480), at('stairs-a', 'stairs', 300, 480)] },
    { id: 'f2', places: [at('lift-b', 'lift', 800, 480), at('stairs-b', 'stairs', 300, 480)] },
  ];

  it('should take the nearest way, stairs here, and give the lift as the step-free route', () => {
    const r = route(floors, { floor: 'f1', place: here }, { floor: 'f2', at: { x: 390, y: 126 } });
    expect(r.kind).toBe('other-floor');
    if (r.kind !== 'other-floor') return;
    expect([r.way.via.id, r.way.arrive.id, r.way.toVia, r.way.fromArrival, r.way.up]).toEqual([
      'stairs-a',
      'stairs-b',
      'right',
      'ahead',
      true,
    ]);
    expect([r.stepFree?.via.id, r.stepFree?.arrive.id, r.stepFree?.fromArrival]).toEqual([
      'lift-a',
      'lift-b',
      'ahead-left',
    ]);
  });

  it('should need no second route when the nearest way is a lift', () => {
    const liftFirst = [
      { ...floors[0]!, places: [here, at('lift-a', 'lift', 250, 480), at('stairs-a', 'stairs', 900, 480)] },
      floors[1]!,
    ];
    const r = route(liftFirst, { floor: 'f1', place: here }, { floor: 'f2', at: { x: 390, y: 126 } });
    expect(r.kind === 'other-floor' && [r.way.via.id, r.stepFree, r.hasLift]).toEqual([
      'lift-a',
      undefined,
      true,
    ]);
  });

  it('should go down as well as up, and say when no lift serves both floors', () => {
    const noLift = [
      { id: 'f1', places: [at('stairs-a', 'stairs', 300, 480), at('lift-a', 'lift', 800, 480)] },
      { id: 'f2', places: [here, at('stairs-b', 'stairs', 300, 480)] },
    ];
    const r = route(noLift, { floor: 'f2', place: here }, { floor: 'f1', at: { x: 100, y: 100 } });
    expect(r.kind === 'other-floor' && [r.way.via.id, r.way.up, r.stepFree, r.hasLift]).toEqual([
      'stairs-b',
      false,
      undefined,
      false,
    ]);
  });

  it('should say there is no way when neither floor has lifts or stairs, and give the direction on one floor', () => {
    const bare = [
      { id: 'f1', places: [here] },
      { id: 'f2', places: [] },
    ];
    expect(route(bare, { floor: 'f1', place: here }, { floor: 'f2', at: { x: 0, y: 0 } })).toEqual({
      kind: 'no-way',
    });
    expect(route(bare, { floor: 'f1', place: here }, { floor: 'f1', at: { x: 180, y: 100 } })).toEqual({
      kind: 'same-floor',
      to: 'ahead',
    });
  });
});
