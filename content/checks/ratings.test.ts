import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../fixtures/scratch.ts';
import { formatProblem } from '../problems.ts';
import { validateFolder } from '../validate.ts';

/** The minimal fixture's hall.yaml with a `ratings:` block added at its end (`ratings:` on line 25). */
const problemsWith = (ratings: string) => {
  const folder = scratchCopy('content/fixtures/minimal', {
    edit: { 'hall.yaml': [/\s*$/, `\nratings:\n${ratings}\n`] },
  });
  const { problems } = validateFolder(folder, { today: '2026-11-26' });
  return { errors: problems.errors.map(formatProblem), warnings: problems.warnings.map(formatProblem) };
};
const FULL = `  reasons:
    - id: guide-wrong
      label: { zh-CN: 指南有误, en: The guide is wrong }
    - id: other
      label: { zh-CN: 其他, en: Something else }`;

describe('hall.yaml ratings', () => {
  const cases: [string, string, { errors?: RegExp[]; warnings?: RegExp[] }][] = [
    ['a hall that writes none (asked at both places, default reasons)', '  enabled: true', {}],
    ['a full block', `  enabled: true\n  ask: [guide-end, dock]\n${FULL}`, {}],
    ['ratings turned off', '  enabled: false', {}],
    [
      'on but asked nowhere',
      '  enabled: true\n  ask: []',
      { warnings: [/^hall\.yaml:27: "ratings\.ask" is empty: ratings are on but asked nowhere/] },
    ],
    [
      'a place named twice',
      '  ask: [dock, guide-end, dock]',
      { warnings: [/^hall\.yaml:26: "ratings\.ask" names "dock" twice/] },
    ],
    [
      'off, with settings that do nothing',
      '  enabled: false\n  ask: [dock]',
      { warnings: [/^hall\.yaml:26: "ratings\.enabled" is false, so "ask" and "reasons" are not used/] },
    ],
    [
      'reasons without "other"',
      '  reasons:\n    - id: guide-wrong\n      label: { zh-CN: 指南有误, en: The guide is wrong }',
      {
        warnings: [
          /^hall\.yaml:26: the reasons have no "other": a visitor whose reason is not listed cannot say so/,
        ],
      },
    ],
    [
      'reasons without "guide-wrong" where guides are rated',
      '  reasons:\n    - id: other\n      label: { zh-CN: 其他, en: Something else }',
      { warnings: [/^hall\.yaml:26: the reasons have no "guide-wrong": a visitor who rates a guide poorly/] },
    ],
    [
      'reasons without "guide-wrong" where only the hall is rated',
      '  ask: [dock]\n  reasons:\n    - id: other\n      label: { zh-CN: 其他, en: Something else }',
      {},
    ],
    [
      'a label lacking a language the hall offers',
      '  reasons:\n    - id: guide-wrong\n      label: { zh-CN: 指南有误 }\n    - id: other\n      label: 其他',
      {
        warnings: [
          /^hall\.yaml:28: "ratings\.reasons\.0\.label" has no en translation/,
          /^hall\.yaml:30: "ratings\.reasons\.1\.label" has no en translation/,
        ],
      },
    ],
    [
      'a label in a language the hall does not declare',
      `${FULL}\n    - id: waiting\n      label: { zh-CN: 等太久, en: Too long, fr: Trop long }`,
      { errors: [/^hall\.yaml:32: "fr" is not a language this hall declares/] },
    ],
    [
      'an unknown place',
      '  ask: [guide-end, kiosk]',
      { errors: [/^hall\.yaml:26: "ratings\.ask\.1" should be "guide-end" or "dock"/] },
    ],
    [
      'two reasons with the same id',
      `${FULL}\n    - id: other\n      label: { zh-CN: 别的, en: Else }`,
      { errors: [/^hall\.yaml:\d+: .*two reasons have the same id/] },
    ],
    [
      'an empty list of reasons',
      '  reasons: []',
      { errors: [/^hall\.yaml:26: .*needs at least one reason/] },
    ],
  ];
  for (const [name, block, expected] of cases) {
    it(`should report ${name} with its file and line`, () => {
      const { errors, warnings } = problemsWith(block);
      expect(errors).toEqual((expected.errors ?? []).map((e) => expect.stringMatching(e)));
      expect(warnings).toEqual((expected.warnings ?? []).map((w) => expect.stringMatching(w)));
    });
  }
});
