import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCopy } from '../content/fixtures/scratch.ts';
import { TEST_DAY } from '../e2e/fixtures/test-day.ts';
import { serveFeed } from './feed-server.ts';
import { generateKeys } from './keys.ts';
import { publishBundle } from './publish.ts';

// libfaketime sets the CLI's clock below; without it every such test would fail on a null exit code.
if (spawnSync('faketime', ['-f', '+0d', 'true']).error) {
  throw new Error(
    'faketime is not installed: these tests run the CLI on a set clock with it (Debian package faketime; .ci/run installs it)',
  );
}

// The build config's keys, not the environment's, are the default of verify-feed here.
const env = { ...process.env, KIOSK_TRUSTED_KEYS: '' };
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout + r.stderr };
};
/** The CLI on a machine whose clock reads `at` (libfaketime), for what depends on the publish time. */
const cliAt = (at: Date, ...args: string[]) => {
  const clock = `@${at.toISOString().slice(0, 19).replace('T', ' ')}`;
  const r = spawnSync(
    'faketime',
    ['-f', clock, process.execPath, '--import', 'tsx', 'scripts/cli.ts', ...args],
    {
      encoding: 'utf8',
      env: { ...env, TZ: 'UTC' },
    },
  );
  return { code: r.status, out: r.stdout + r.stderr };
};
/** The CLI as a child process that runs beside others (races, a feed served by this process); at a time. */
const cliAsync = (args: string[], at?: Date) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const command = [process.execPath, '--import', 'tsx', 'scripts/cli.ts', ...args];
    const clock = at && ['faketime', '-f', `@${at.toISOString().slice(0, 19).replace('T', ' ')}`];
    const [file, ...rest] = clock ? [...clock, ...command] : command;
    const child = spawn(file!, rest, { env: { ...env, TZ: 'UTC' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });

const KEYS = generateKeys();
const keyDir = mkdtempSync(join(tmpdir(), 'sunlight-keys-'));
const PRIVATE_KEY = join(keyDir, 'private.key');
const PUBLIC_KEY = join(keyDir, 'public.key');
writeFileSync(PRIVATE_KEY, `${KEYS.privateKey}\n`);
writeFileSync(PUBLIC_KEY, `${KEYS.publicKey}\n`);
const newFeed = () => mkdtempSync(join(tmpdir(), 'sunlight-feed-'));
const publishArgs = (folder: string, feed: string) => [
  'publish',
  folder,
  '--feed',
  feed,
  '--key',
  PRIVATE_KEY,
];
const versionIn = (out: string) => Number(/✓ Published .* version (\d+)/.exec(out)?.[1]);
const channelVersion = (feed: string) =>
  JSON.parse(JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8')).payload).version as number;

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

  it('should give a feed published from a fresh folder a version above one published before elsewhere', () => {
    const first = newFeed();
    const anHourBefore = new Date(TEST_DAY.getTime() - 3600e3);
    expect(cliAt(anHourBefore, ...publishArgs('content/fixtures/minimal', first)).code).toBe(0);
    const second = cliAt(anHourBefore, ...publishArgs('content/fixtures/minimal', first));
    expect(second.code).toBe(0);
    // Another machine, or a new staging copy: the folder knows nothing of the versions above.
    const fresh = newFeed();
    const elsewhere = cliAt(TEST_DAY, ...publishArgs('content/fixtures/minimal', fresh));
    expect(elsewhere.code).toBe(0);
    expect(versionIn(elsewhere.out)).toBeGreaterThan(versionIn(second.out));
    expect(channelVersion(fresh)).toBe(versionIn(elsewhere.out));
  }, 90_000);

  it('should never let two racing publishes both claim the same version', async () => {
    const feed = newFeed();
    // The sample hall takes seconds to publish, so the two runs overlap; they publish different content.
    const changedSample = scratchCopy('content/sample', {
      edit: { 'hall.yaml': ['zh-CN: 示例市政务服务中心', 'zh-CN: 示例市政务服务中心（新）'] },
    });
    const results = await Promise.all([
      cliAsync(publishArgs('content/sample', feed)),
      cliAsync(publishArgs(changedSample, feed)),
    ]);
    const won = results.filter((r) => r.code === 0);
    const lost = results.filter((r) => r.code !== 0);
    expect(won.length).toBeGreaterThan(0);
    for (const r of lost) expect(r.out).toMatch(/\.publish\.lock: another publish \(pid \d+/);
    const versions = won.map((r) => versionIn(r.out));
    // Every ✓ names its own version, and the feed holds the highest of them: nothing claimed was lost.
    expect(new Set(versions).size).toBe(won.length);
    expect(channelVersion(feed)).toBe(Math.max(...versions));
  }, 90_000);

  it('should check a feed as a terminal would: exit 0 with a summary, 1 naming each bad file', () => {
    const feed = newFeed();
    expect(cli(...publishArgs('content/fixtures/minimal', feed)).code).toBe(0);
    const good = cli('verify-feed', feed, '--key', PUBLIC_KEY);
    expect(good.out).toMatch(/^✓ .*channel "stable" of hall "test-hall", version \d+/);
    expect(good.code).toBe(0);

    const manifest = JSON.parse(
      readFileSync(
        join(
          feed,
          `files/${JSON.parse(JSON.parse(readFileSync(join(feed, 'channels/stable.json'), 'utf8')).payload).manifest.hash}.json`,
        ),
        'utf8',
      ),
    );
    const svg = manifest.media.find((m: { ext: string }) => m.ext === 'svg');
    rmSync(join(feed, `files/${svg.hash}.svg`));
    const bad = cli('verify-feed', feed, '--key', PUBLIC_KEY);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`✗ ${svg.path} (files/${svg.hash}.svg): missing from the feed`);
    // The default keys are the build config's: the dev key, which did not sign this feed.
    expect(cli('verify-feed', feed).out).toMatch(/signed by a key this terminal does not trust/);
  }, 90_000);

  it('should fail loudly, not say ✓, when what it wrote would be refused by terminals', () => {
    // Metadata that expires the moment it is signed: every terminal refuses it.
    const r = cliAt(TEST_DAY, ...publishArgs('content/fixtures/minimal', newFeed()), '--expires', '0h');
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('✓');
    expect(r.out).toMatch(/✗ channels\/stable\.json: version \d+ expired at 2026-12-04T02:00/);
    expect(r.out).toMatch(/does not pass the checks a terminal makes .*: do not upload it/);
  }, 90_000);

  it('should go above the live feed with --live, and refuse a live feed of another hall', async () => {
    // The live feed was published tomorrow, from a machine this folder knows nothing of.
    const liveFeed = newFeed();
    const tomorrow = new Date(TEST_DAY.getTime() + 86400e3);
    const options = { feed: liveFeed, privateKey: KEYS.privateKey, channel: 'stable', expires: '30d' };
    const live = publishBundle({
      ...options,
      folder: 'content/fixtures/minimal',
      now: tomorrow,
      versions: 'clock',
    });
    if (!live.ok) throw new Error(live.reason);
    const server = await serveFeed(liveFeed, 0);
    try {
      const staging = newFeed();
      const above = await cliAsync(
        [...publishArgs('content/fixtures/minimal', staging), '--live', server.url],
        TEST_DAY,
      );
      expect(above.out).toContain(
        `live: ${server.url} is at version ${live.version}; this publish goes above it`,
      );
      expect(above.code).toBe(0);
      expect(versionIn(above.out)).toBe(live.version + 1);

      const other = await cliAsync(
        [...publishArgs('content/sample', newFeed()), '--live', server.url],
        TEST_DAY,
      );
      expect(other.code).toBe(1);
      expect(other.out).toMatch(
        /--live .* is the feed of hall "test-hall", but content\/sample is hall "[a-z-]+": check the URL/,
      );
    } finally {
      await server.close();
    }
  }, 90_000);
});
