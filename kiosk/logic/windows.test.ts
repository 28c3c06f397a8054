import { describe, expect, it } from 'vitest';
import { windowList, windowsByFloor } from './windows.ts';

describe('window numbers for people', () => {
  it.each([
    [['6'], '6'],
    [['6', '7'], '6、7'],
    [['17', '18', '19'], '17–19'],
    [['1', '2', '3', '5'], '1–3、5'],
    [['1', '3', '4', '5', '6', '9'], '1、3–6、9'],
    [['A', 'B', 'C'], 'A、B、C'],
    [[], ''],
  ])('should write %j as %s', (windows, shown) => {
    expect(windowList(windows, '、')).toBe(shown);
  });
});

describe('the floor of each window, from the plan', () => {
  const place = (id: string, zh: string) => ({
    id,
    kind: 'window',
    name: { 'zh-CN': zh, en: zh },
    x: 0,
    y: 0,
  });
  const floors = [
    { id: 'f1', places: [place('w11', '11号窗口'), place('w12', '12号窗口')] },
    { id: 'f2', places: [place('w13', '13号窗口'), { ...place('r201', '201室'), kind: 'room' }] },
  ];

  it('should put windows on the floor the plan has them on, not on the floor a department declares', () => {
    expect(windowsByFloor(['11', '12'], floors, 'f2')).toEqual([
      { floor: floors[0], windows: ['11', '12'], places: ['w11', 'w12'] },
    ]);
  });

  it('should keep windows on two floors apart, in the order they were given', () => {
    expect(windowsByFloor(['13', '11'], floors).map((g) => [g.floor?.id, g.windows])).toEqual([
      ['f2', ['13']],
      ['f1', ['11']],
    ]);
  });

  it('should fall back to the declared floor for a window the plan does not show, else to no floor', () => {
    expect(windowsByFloor(['11', '99'], floors, 'f2')).toEqual([
      { floor: floors[0], windows: ['11'], places: ['w11'] },
      { floor: floors[1], windows: ['99'], places: [] },
    ]);
    expect(windowsByFloor(['99'], floors)).toEqual([{ floor: undefined, windows: ['99'], places: [] }]);
  });
});
