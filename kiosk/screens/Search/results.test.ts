import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../search/types.ts';
import { hitCount, hitTarget, markedParts } from './results.ts';

const hit = (kind: SearchHit['kind'], id: string): SearchHit => ({
  kind,
  id,
  title: id,
  highlights: [],
  score: 1,
});

describe('search results', () => {
  it('should count every match, also those a group does not list', () => {
    const groups: SearchResults['groups'] = [
      { kind: 'service', hits: [hit('service', 'passport')], total: 60 },
      { kind: 'fee', hits: [hit('fee', 'passport')] },
    ];
    expect(hitCount(groups)).toBe(61);
  });

  it.each([
    ['nothing matched', [], [{ text: '普通护照签发', marked: false }]],
    [
      'two separate ranges',
      [
        [0, 1],
        [2, 3],
      ],
      [
        { text: '普', marked: true },
        { text: '通', marked: false },
        { text: '护', marked: true },
        { text: '照签发', marked: false },
      ],
    ],
    [
      'touching ranges as one',
      [
        [2, 3],
        [3, 4],
      ],
      [
        { text: '普通', marked: false },
        { text: '护照', marked: true },
        { text: '签发', marked: false },
      ],
    ],
    [
      'overlapping ranges, out of order',
      [
        [3, 5],
        [2, 4],
      ],
      [
        { text: '普通', marked: false },
        { text: '护照签', marked: true },
        { text: '发', marked: false },
      ],
    ],
    [
      'a range past the end',
      [[4, 99]],
      [
        { text: '普通护照', marked: false },
        { text: '签发', marked: true },
      ],
    ],
  ] as const)('should mark %s', (_, highlights, parts) => {
    expect(
      markedParts(
        '普通护照签发',
        highlights.map(([s, e]) => [s, e]),
      ),
    ).toEqual(parts);
  });

  it.each([
    [hit('service', 'passport'), { name: 'service', id: 'passport' }],
    [hit('department', 'exit-entry'), { name: 'department', id: 'exit-entry' }],
    [hit('fee', 'passport'), { name: 'fees', fee: 'passport' }],
    [hit('channel', 'hotline-12345'), { name: 'complaints' }],
    [hit('notice', 'winter-hours'), { name: 'notice', id: 'winter-hours' }],
  ] as const)('should open %o on %o', (h, screen) => {
    expect(hitTarget(h)).toEqual(screen);
  });
});
