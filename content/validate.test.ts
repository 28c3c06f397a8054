import { describe, expect, it } from 'vitest';
import { type Change, scratchCopy } from './fixtures/scratch.ts';
import { formatProblem } from './problems.ts';
import { validateFolder } from './validate.ts';

const MINIMAL = 'content/fixtures/minimal';
const TODAY = '2026-11-26';
const run = (change: Change) => {
  const { problems } = validateFolder(scratchCopy(MINIMAL, change), { today: TODAY });
  return { errors: problems.errors.map(formatProblem), warnings: problems.warnings.map(formatProblem) };
};

describe('the validator', () => {
  it('should accept the minimal fixture with no error and no warning', () => {
    expect(run({})).toEqual({ errors: [], warnings: [] });
  });

  // Each row breaks the minimal fixture in one way; the validator must name the file, the line and the fault.
  const cases: [string, Change, RegExp][] = [
    [
      'YAML syntax',
      { edit: { 'hall.yaml': ['locales: [zh-CN, en]', 'locales: [zh-CN, en'] } },
      /^hall\.yaml:[34]: this is not valid YAML/,
    ],
    [
      'CSV syntax',
      { write: { 'fees/more.csv': 'id,name,category,amount\ncopy,"复印费,service,50\n' } },
      /^fees\/more\.csv:\d+: this is not valid CSV/,
    ],
    [
      'an unknown field',
      { edit: { 'hall.yaml': ['topics:', 'topic:'] } },
      /^hall\.yaml:7: unknown field "topic": check its spelling/,
    ],
    [
      'an unknown CSV column',
      { edit: { 'fees/more.csv': ['basis.docNo', 'basis.docNumber'] } },
      /^fees\/more\.csv:2: unknown column "basis\.docNumber"/,
    ],
    [
      'a missing required field',
      { edit: { 'services/transfer.yaml': ['department: housing-bureau\n', ''] } },
      /^services\/transfer\.yaml:1: missing required field "department"/,
    ],
    [
      'a wrong type',
      { edit: { 'hall.yaml': ['x: 100', 'x: left'] } },
      /^hall\.yaml:18: "floors\.0\.places\.0\.x" should be a number, but is "left"/,
    ],
    [
      'a wrong choice',
      { edit: { 'hall.yaml': ['kind: window', 'kind: windw'] } },
      /^hall\.yaml:17: "floors\.0\.places\.0\.kind" should be one of "window", "room"/,
    ],
    [
      'a bad date',
      { edit: { 'notices/hello.md': ['date: 2026-11-01', 'date: 2026-02-30'] } },
      /^notices\/hello\.md:4: "date" is not a date that exists/,
    ],
    [
      'a duplicate id',
      { write: { 'departments/copy.yaml': 'id: housing-bureau\nname: { zh-CN: 重复, en: Duplicate }\n' } },
      /^departments\/housing\.yaml:1: duplicate department id "housing-bureau": also used at departments\/copy\.yaml:1/,
    ],
    [
      'a reference to no department',
      { edit: { 'services/transfer.yaml': ['department: housing-bureau', 'department: housing'] } },
      /^services\/transfer\.yaml:3: department "housing" does not exist/,
    ],
    [
      'a reference to no fee',
      { edit: { 'services/transfer.yaml': ['[registration, copy]', '[registration, copie]'] } },
      /^services\/transfer\.yaml:6: fee "copie" does not exist/,
    ],
    [
      'a reference to no channel',
      { edit: { 'services/transfer.yaml': ['complaints: [hotline]', 'complaints: [mailbox]'] } },
      /^services\/transfer\.yaml:8: channel "mailbox" does not exist/,
    ],
    [
      'a reference to no topic',
      { edit: { 'services/transfer.yaml': ['topics: [housing]', 'topics: [birth]'] } },
      /^services\/transfer\.yaml:5: topic "birth" does not exist/,
    ],
    [
      'a reference to no floor',
      { edit: { 'departments/housing.yaml': ['floor: f1', 'floor: f9'] } },
      /^departments\/housing\.yaml:8: floor "f9" does not exist/,
    ],
    [
      'a reference to no place',
      { edit: { 'services/transfer.yaml': ['place: w01', 'place: w02'] } },
      /^services\/transfer\.yaml:7: place "w02" does not exist/,
    ],
    [
      'a reference to no notice',
      { edit: { 'attract.yaml': ['notice: hello', 'notice: goodbye'] } },
      /^attract\.yaml:4: notice "goodbye" does not exist/,
    ],
    [
      'a reference to no slide',
      { edit: { 'attract.yaml': ['slides: [welcome]', 'slides: [welcome, evening]'] } },
      /^attract\.yaml:9: slide "evening" does not exist/,
    ],
    [
      'a flow with no start',
      { edit: { 'services/transfer.yaml': ['kind: start', 'kind: step'] } },
      /^services\/transfer\.yaml:10: the flow has no step of kind "start"/,
    ],
    [
      'a flow step nothing leads to',
      { edit: { 'services/transfer.yaml': ['    - { from: fix, to: apply }\n', ''] } },
      /^services\/transfer\.yaml:17: flow step "fix" never leads to an end/,
    ],
    [
      'a flow step no edge reaches',
      {
        edit: {
          'services/transfer.yaml': [
            '    - { from: check, to: fix, label: { zh-CN: 材料不全, en: Incomplete } }\n',
            '',
          ],
        },
      },
      /^services\/transfer\.yaml:17: flow step "fix" cannot be reached from the start/,
    ],
    [
      'a decision with an unlabelled branch',
      {
        edit: {
          'services/transfer.yaml': [
            '{ from: check, to: done, label: { zh-CN: 材料齐全, en: Complete } }',
            '{ from: check, to: done }',
          ],
        },
      },
      /^services\/transfer\.yaml:27: the edge from decision "check" needs a "label"/,
    ],
    [
      'a decision with one way out',
      {
        edit: {
          'services/transfer.yaml': [
            '    - { from: check, to: fix, label: { zh-CN: 材料不全, en: Incomplete } }\n    - { from: fix, to: apply }\n',
            '',
          ],
        },
      },
      /^services\/transfer\.yaml:14: decision "check" needs two or more outgoing edges/,
    ],
    [
      'an edge to no step',
      { edit: { 'services/transfer.yaml': ['{ from: fix, to: apply }', '{ from: fix, to: submit }'] } },
      /^services\/transfer\.yaml:26: flow edge to "submit": there is no flow step/,
    ],
    [
      'money that is not whole fen (YAML)',
      { edit: { 'fees/registration.yaml': ['amount: 8000', 'amount: 80.5'] } },
      /^fees\/registration\.yaml:4: "amount" money must be a whole number of fen/,
    ],
    [
      'money that is not whole fen (CSV)',
      { edit: { 'fees/more.csv': [',service,50,', ',service,0.5,'] } },
      /^fees\/more\.csv:2: "amount" money must be a whole number of fen/,
    ],
    [
      'a missing media file',
      { remove: ['media/plan.svg'] },
      /^hall\.yaml:13: media file "media\/plan\.svg" is missing/,
    ],
    [
      'an oversized media file',
      {
        write: {
          'media/plan.svg': `<svg xmlns="http://www.w3.org/2000/svg"><!--${'x'.repeat(2.2 * 1024 * 1024)}--></svg>`,
        },
      },
      /^hall\.yaml:13: media file "media\/plan\.svg" is 2\.\d MiB: the limit is 2 MiB/,
    ],
    [
      'an SVG with a script',
      { write: { 'media/plan.svg': '<svg>\n<script>alert(1)</script></svg>' } },
      /^media\/plan\.svg:2: an SVG may not contain scripts/,
    ],
    [
      'raw HTML in a Markdown field',
      { edit: { 'departments/housing.yaml': ['- 负责住房登记', '- 负责<b>住房</b>登记'] } },
      /^departments\/housing\.yaml:5: raw HTML is not allowed/,
    ],
    [
      'raw HTML in a notice body',
      { edit: { 'notices/hello.md': ['欢迎', '<div>欢迎</div>\n\n欢迎'] } },
      /^notices\/hello\.md:7: raw HTML is not allowed/,
    ],
    [
      'a locale the hall does not declare (field)',
      { edit: { 'hall.yaml': ['{ zh-CN: 测试大厅, en: Test Hall }', '{ zh-CN: 测试大厅, fr: Salle }'] } },
      /^hall\.yaml:2: "fr" is not a language this hall declares/,
    ],
    [
      'a locale the hall does not declare (notice file)',
      { write: { 'notices/hello.fr.md': 'Bonjour' } },
      /^notices\/hello\.fr\.md:1: "fr" is not a language this hall declares/,
    ],
    [
      'an urgent notice with no end',
      { edit: { 'notices/hello.md': ['attract: true', 'urgent: true'] } },
      /^notices\/hello\.md:2: "this" an urgent notice must have "expires"|^notices\/hello\.md:\d+: .*urgent notice must have "expires"/,
    ],
    ['a missing hall.yaml', { remove: ['hall.yaml'] }, /^hall\.yaml:1: hall\.yaml is missing/],
  ];
  it.each(cases)('should report %s with its file and line', (_name, change, expected) => {
    const { errors } = run(change);
    expect(
      errors.some((e) => expected.test(e)),
      `got:\n${errors.join('\n')}`,
    ).toBe(true);
  });

  it('should report every error of the folder in one run', () => {
    const { errors } = run({
      edit: {
        'hall.yaml': ['topics:', 'topic:'],
        'services/transfer.yaml': ['department: housing-bureau', 'department: nobody'],
        'fees/registration.yaml': ['amount: 8000', 'amount: 80.5'],
        'attract.yaml': ['notice: hello', 'notice: goodbye'],
      },
      write: { 'notices/hello.fr.md': 'Bonjour' },
    });
    expect(errors.map((e) => e.split(':')[0])).toEqual(
      expect.arrayContaining([
        'hall.yaml',
        'services/transfer.yaml',
        'fees/registration.yaml',
        'attract.yaml',
        'notices/hello.fr.md',
      ]),
    );
    // A fee with an error of its own still exists: services naming it get no second, misleading error.
    expect(errors.filter((e) => e.includes('fee "registration" does not exist'))).toEqual([]);
  });

  it('should not warn that fees of a service with a schema error are not charged', () => {
    const { errors, warnings } = run({
      edit: { 'services/transfer.yaml': ['department: housing-bureau', 'departmnet: housing-bureau'] },
    });
    expect(errors.some((e) => e.startsWith('services/transfer.yaml:'))).toBe(true);
    expect(warnings.filter((w) => w.includes('is not charged by any service'))).toEqual([]);
  });

  it.each<[string, Change, RegExp]>([
    [
      'a missing translation',
      { edit: { 'hall.yaml': ['{ zh-CN: 测试大厅, en: Test Hall }', '测试大厅'] } },
      /^hall\.yaml:2: "name" has no en translation/,
    ],
    [
      'a notice with no English body',
      { remove: ['notices/hello.en.md'] },
      /^notices\/hello\.md:1: the notice has no en body/,
    ],
    [
      'an unreferenced fee',
      { edit: { 'services/transfer.yaml': ['[registration, copy]', '[registration]'] } },
      /^fees\/more\.csv:2: fee "copy" is not charged by any service/,
    ],
    [
      'a notice already expired',
      { edit: { 'notices/hello.md': ['attract: true', 'expires: 2026-11-20'] } },
      /^notices\/hello\.md:5: notice "hello" expired on 2026-11-20/,
    ],
    [
      'a channel value in Chinese with no English form',
      { edit: { 'channels.yaml': ['value: 12345', 'value: 一楼服务台'] } },
      /^channels\.yaml:4: "0\.value" has no en form/,
    ],
    [
      'a document number in Chinese with no English form',
      {
        edit: {
          'services/transfer.yaml': [
            'complaints: [hotline]\n',
            'complaints: [hotline]\nbasis:\n  - title: { zh-CN: 办法, en: Measures }\n    docNo: 示政发〔2024〕9号\n',
          ],
        },
      },
      /^services\/transfer\.yaml:11: "basis\.0\.docNo" has no en form/,
    ],
    [
      "an official's name with no pinyin",
      {
        edit: {
          'departments/housing.yaml': [
            'windows: ["1"]\n',
            'windows: ["1"]\nleaders:\n  - { name: 王建国, title: { zh-CN: 局长, en: Director } }\n',
          ],
        },
      },
      /^departments\/housing\.yaml:11: "leaders\.0\.name" has no en form/,
    ],
    [
      'Chinese left in an English text',
      { edit: { 'departments/housing.yaml': ['- Registers housing', '- Registers 住房 and 房屋'] } },
      /^departments\/housing\.yaml:6: "responsibilities\.en" has Chinese in it \(住房, 房屋\)/,
    ],
    [
      'money in English written another way than the kiosk writes it',
      { edit: { 'departments/housing.yaml': ['- Registers housing', '- Registers housing for CNY 80'] } },
      /^departments\/housing\.yaml:6: "responsibilities\.en" writes money as "CNY 80": write ¥80/,
    ],
  ])('should warn of %s without failing', (_name, change, expected) => {
    const { errors, warnings } = run(change);
    expect(errors).toEqual([]);
    expect(
      warnings.some((w) => expected.test(w)),
      `got:\n${warnings.join('\n')}`,
    ).toBe(true);
  });

  it.each<[string, Change]>([
    ['a plain number', {}],
    [
      'a text in every language',
      {
        edit: {
          'channels.yaml': ['value: 12345', 'value: { zh-CN: 一楼服务台, en: "Help desk, 1st floor" }'],
        },
      },
    ],
    [
      'a web address',
      { edit: { 'channels.yaml': ['value: 12345', 'value: https://hall.example/complaints'] } },
    ],
    [
      'Chinese given beside its English, in brackets',
      { edit: { 'departments/housing.yaml': ['- Registers housing', '- Registers housing (住房登记)'] } },
    ],
  ])('should take %s as a channel value or an English text without a warning', (_name, change) => {
    expect(run(change)).toEqual({ errors: [], warnings: [] });
  });
});
