import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../content/fixtures/scratch.ts';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe('the staff command line', () => {
  it('should exit 0 on a valid folder and 1 on a folder with errors, listing errors before warnings', () => {
    expect(cli('validate', 'content/fixtures/minimal').code).toBe(0);
    const broken = scratchCopy('content/fixtures/minimal', {
      edit: {
        'hall.yaml': ['{ zh-CN: 测试大厅, en: Test Hall }', '测试大厅'],
        'fees/registration.yaml': ['amount: 8000', 'amount: 80.5'],
      },
    });
    const { code, out } = cli('validate', broken);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^fees\/registration\.yaml:4: .*whole number of fen/);
    expect(lines[1]).toMatch(/^hall\.yaml:2: "name" has no en translation \(warning\)$/);
    expect(lines.at(-1)).toMatch(/1 error, 1 warning\. Fix the errors/);
  });

  it('should write a key pair whose public key is one line, and never overwrite it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sunlight-keys-')), 'keys');
    expect(cli('keygen', '--out', out).code).toBe(0);
    const lines = readFileSync(join(out, 'public.key'), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(Buffer.from(lines[0]!, 'base64')).toHaveLength(32);
    const again = cli('keygen', '--out', out);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/already exists/);
  });
});
