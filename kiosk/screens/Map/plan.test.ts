import { describe, expect, it } from 'vitest';
import {
  labelCentre,
  labelLines,
  placeLabel,
  placeShortLabel,
  shortName,
  svgPlanBox,
  textWidth,
  windowNumber,
} from './plan.ts';

describe('a floor plan box', () => {
  it.each([
    [
      'should read the viewBox',
      '<svg xmlns="x" viewBox="0 0 1000 600" width="500">',
      { x: 0, y: 0, width: 1000, height: 600 },
    ],
    [
      'should read a viewBox with commas and an origin',
      "<svg viewBox='10,20,800,400'>",
      { x: 10, y: 20, width: 800, height: 400 },
    ],
    [
      'should fall back to width and height',
      '<?xml?><svg width="1200px" height="700">',
      { x: 0, y: 0, width: 1200, height: 700 },
    ],
    ['should give nothing for an SVG with no size', '<svg xmlns="x">', undefined],
    ['should give nothing for a broken viewBox and no size', '<svg viewBox="0 0 zero 5">', undefined],
    ['should give nothing for text that is not SVG', 'hello', undefined],
  ])('%s', (_name, svg, box) => {
    expect(svgPlanBox(svg)).toEqual(box);
  });
});

describe('labels on a plan', () => {
  it.each([
    ['201室（中心管理办公室）', '201室'],
    ['Room 201 (Center Management Office)', 'Room 201'],
    ['楼梯（通往二楼）', '楼梯'],
    ['电梯', '电梯'],
    ['（说明）', '（说明）'],
  ])('should shorten %s to %s', (name, short) => {
    expect(shortName(name)).toBe(short);
  });

  it.each([
    ['12号窗口', '12'],
    ['Window 3', '3'],
    ['综合窗口', undefined],
  ])('should find the number of %s', (name, n) => {
    expect(windowNumber(name)).toBe(n);
  });

  it('should count a Chinese character as wider than a Latin letter', () => {
    expect(textWidth('电梯', 20)).toBe(40);
    expect(textWidth('li', 20)).toBeLessThan(40);
    expect(textWidth('电梯 Lift', 20)).toBeGreaterThan(textWidth('电梯', 20) + textWidth('Lift', 20));
  });

  it.each([
    ['should keep a label where it is in the middle', 500, 500],
    ['should move a label in from the left edge', 10, 58],
    ['should move a label in from the right edge', 990, 942],
  ])('%s', (_name, x, centre) => {
    expect(labelCentre(x, 100, { x: 0, y: 0, width: 1000, height: 600 })).toBe(centre);
  });
});

describe('where a label box goes', () => {
  const box = { x: 0, y: 0, width: 1000, height: 600 };
  const size = { w: 200, h: 40, gap: 50 };
  it.each([
    [
      'should go above the point, centred, when nothing is in the way',
      { x: 500, y: 300 },
      [],
      { x: 400, y: 210 },
      true,
    ],
    ['should go below when there is no room above', { x: 500, y: 60 }, [], { x: 400, y: 110 }, false],
    [
      'should pull aside from a label in the way',
      { x: 500, y: 300 },
      [{ x: 560, y: 200, w: 100, h: 30 }],
      { x: 330, y: 210 },
      true,
    ],
    [
      'should go below when every place above is taken',
      { x: 500, y: 300 },
      [{ x: 0, y: 200, w: 1000, h: 60 }],
      { x: 400, y: 350 },
      false,
    ],
    ['should stay inside the plan at its edge', { x: 990, y: 300 }, [], { x: 796, y: 210 }, true],
  ])('%s', (_name, at, obstacles, corner, above) => {
    const placed = placeLabel(at, size, box, obstacles);
    expect({ x: placed.rect.x, y: placed.rect.y }).toEqual(corner);
    expect(placed.above).toBe(above);
  });
});

describe("a place's short label", () => {
  const room = { x: 0, y: 0, w: 220, h: 140 };
  it('should break a long name in two near its middle, at a space or between CJK characters', () => {
    expect(labelLines('Accessible restroom')).toEqual([['Accessible restroom'], ['Accessible', 'restroom']]);
    expect(labelLines('无障碍卫生间')).toEqual([['无障碍卫生间'], ['无障碍', '卫生间']]);
    expect(labelLines('Lift')).toEqual([['Lift']]);
  });

  it('should go below its marker when it fits there, inside its room', () => {
    const placed = placeShortLabel({ x: 110, y: 30 }, 22, '电梯', 28, room, []);
    expect(placed?.lines).toEqual(['电梯']);
    expect(placed!.rect.y).toBe(56);
    expect(placed!.rect.x).toBe(82);
  });

  it('should take two lines rather than leave its room', () => {
    const placed = placeShortLabel({ x: 110, y: 26 }, 22, 'Accessible restroom', 28, room, []);
    expect(placed?.lines).toEqual(['Accessible', 'restroom']);
    expect(placed!.rect.y + placed!.rect.h).toBeLessThanOrEqual(140);
  });

  it('should go elsewhere than over an obstacle, and be left off when it fits nowhere', () => {
    const tall = { x: 0, y: 0, w: 220, h: 200 };
    const below = { x: 0, y: 130, w: 220, h: 70 };
    expect(placeShortLabel({ x: 110, y: 100 }, 22, '电梯', 28, tall, [below])?.rect.y).toBeLessThan(100);
    expect(placeShortLabel({ x: 110, y: 60 }, 22, 'A name far too long for this room', 28, room, [])).toBe(
      undefined,
    );
  });
});
