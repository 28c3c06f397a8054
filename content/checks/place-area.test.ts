import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../fixtures/scratch.ts';
import { formatProblem } from '../problems.ts';
import { validateFolder } from '../validate.ts';

const errorsWith = (area: string) =>
  validateFolder(
    scratchCopy('content/fixtures/minimal', {
      edit: { 'hall.yaml': ['y: 100', `y: 100\n        area: ${area}`] },
    }),
    { today: '2026-11-26' },
  ).problems.errors.map(formatProblem);

describe("a place's area on the plan", () => {
  it('should be accepted when it holds the place, and a hall without areas still validates', () => {
    expect(errorsWith('{ x: 60, y: 60, width: 100, height: 80 }')).toEqual([]);
  });

  it('should be refused, naming the place and the area, when the place is outside it', () => {
    expect(errorsWith('{ x: 300, y: 60, width: 100, height: 80 }')).toEqual([
      expect.stringMatching(
        /^hall\.yaml:20: place "w01" at \(100, 100\) is outside its area \(x 300–400, y 60–140\)/,
      ),
    ]);
  });
});
