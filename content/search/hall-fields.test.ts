/** hall.yaml's search fields: `synonyms` and `popularSearches` are optional, and mistakes name their line. */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../fixtures/scratch.ts';
import { formatProblem } from '../problems.ts';
import { validateFolder } from '../validate.ts';

const MINIMAL = 'content/fixtures/minimal';
const withHallLines = (lines: string) => {
  const folder = scratchCopy(MINIMAL);
  appendFileSync(join(folder, 'hall.yaml'), `\n${lines}\n`);
  const lastLine = readFileSync(join(folder, 'hall.yaml'), 'utf8').trimEnd().split('\n').length;
  return { ...validateFolder(folder, { today: '2026-11-26' }), lastLine };
};

describe('hall.yaml search fields', () => {
  it('should accept a hall written before they existed', () => {
    const { content, problems } = validateFolder(MINIMAL, { today: '2026-11-26' });
    expect(problems.errors).toEqual([]);
    expect(content?.hall.value).toMatchObject({ synonyms: [], popularSearches: [] });
  });

  it('should read word groups and popular searches, numbers as text', () => {
    const { content, problems } = withHallLines(
      'synonyms:\n  - [房产证, 不动产权证书]\n  - [12345, 热线]\npopularSearches:\n  - 护照\n  - { zh-CN: 社保卡, en: social security card }',
    );
    expect(problems.errors).toEqual([]);
    expect(content?.hall.value.synonyms).toEqual([
      ['房产证', '不动产权证书'],
      ['12345', '热线'],
    ]);
    expect(content?.hall.value.popularSearches).toEqual([
      '护照',
      { 'zh-CN': '社保卡', en: 'social security card' },
    ]);
  });

  it.each([
    ['a group of one word', 'synonyms:\n  - [房产证]', 'a synonym group needs at least two words'],
    ['a group that is not a list', 'synonyms:\n  - 房产证', 'should be a list'],
    ['an empty popular search', 'popularSearches:\n  - ""', 'must not be empty'],
  ])('should refuse %s, naming its line', (_why, lines, message) => {
    const { problems, lastLine } = withHallLines(lines);
    const errors = problems.errors.map(formatProblem);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(`hall.yaml:${lastLine}: `);
    expect(errors[0]).toContain(message);
  });
});
