/**
 * Sync never breaks the terminal it runs on: a waiting version shown while another downloads keeps the
 * download's files; a version with a file lost is set aside at boot and fetched again; a feed restored
 * from a backup is refused loudly; and the staff panel remembers when sync last worked.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { signText } from '../scripts/keys.ts';
import { copyOfSample, DEV_PRIVATE_KEY, kioskOnFeed, publish } from './fixtures/feed.ts';
import { fact, openPanel } from './fixtures/staff.ts';
import { storedPointers } from './fixtures/terminal-store.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';

const FAULT_SCREEN = '本机暂时出现故障';

/** Marks the hall's name and the passport service's name, so a version shows on screen and changes the index. */
function markVersion(folder: string, mark: string): void {
  for (const [file, line] of [
    ['hall.yaml', /^ {2}zh-CN: 示例市政务服务中心.*$/m],
    ['services/passport.yaml', /^ {2}zh-CN: 普通护照签发.*$/m],
  ] as const) {
    const path = join(folder, file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(line, (text) => `${text}${mark}`),
    );
  }
}

/** The sample hall published on a new feed, and the built kiosk beside it; `beforeFeed` may hold requests. */
async function terminalOnFeed(beforeFeed?: (path: string) => Promise<void>) {
  const folder = copyOfSample();
  return { folder, ...(await kioskOnFeed(folder, beforeFeed)) };
}

/** The network drops and returns: the kiosk checks the feed at once. */
async function nudgeSync(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.context().setOffline(false);
}

/** The version the terminal's storage names as shown: the attract screen between visits does not say it. */
const activeVersion = async (page: Page) => (await storedPointers(page)).active;

const shows = (page: Page, version: number) => expect(page.getByText(`内容版本 ${version}`)).toBeVisible();

test('a waiting version shown while the next one downloads leaves that download whole, across a reload', async ({
  page,
}) => {
  test.setTimeout(60_000);
  let hold: ((path: string) => Promise<void>) | undefined;
  const kiosk = await terminalOnFeed(async (path) => hold?.(path));
  await page.clock.install({ time: TEST_DAY });
  await page.clock.pauseAt(TEST_DAY.getTime() + 1000);
  // The fake clock jumps 46 s below in a few real milliseconds while files are held on purpose: long feed
  // timeouts, so the jump is not read as a stalled download (e2e/bad-feed-server.spec.ts tests those).
  await page.goto(`${kiosk.url}/?idle=30&feedTimeout=3600&feedStall=3600`);
  await shows(page, 1);
  // A visitor starts using the screen: new versions now wait.
  await page.getByRole('button', { name: /办事指南/ }).click();

  markVersion(kiosk.folder, '（二版）');
  const v2 = publish(kiosk.folder, kiosk.feed);
  const staged = page.waitForResponse((r) => r.url().endsWith(v2.manifest));
  await nudgeSync(page);
  await staged;
  await page.waitForTimeout(500);
  await shows(page, 1);

  // Version 3 downloads: its first file arrives, the others are held until the visitor has left.
  markVersion(kiosk.folder, '（三版）');
  const v3 = publish(kiosk.folder, kiosk.feed);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let files = 0;
  hold = async (path) => {
    if (path.startsWith('files/') && !v3.manifest.endsWith(path) && ++files > 1) await held;
  };
  const firstFile = page.waitForResponse(
    (r) => r.url().includes('/feed/files/') && !r.url().endsWith(v3.manifest),
  );
  await nudgeSync(page);
  await firstFile;
  await page.waitForTimeout(300);

  // The visitor walks away: "still there?", the wipe, and version 2 is shown (its clean-up runs now).
  await page.clock.runFor(30_000 + 15_000 + 1000);
  await expect.poll(() => activeVersion(page)).toBe(2);
  release();
  // The screen is still idle, so version 3 is shown as soon as it is complete; the next visitor sees it.
  await expect.poll(() => activeVersion(page)).toBe(3);
  await page.mouse.click(960, 540);
  await shows(page, 3);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心（二版）（三版）');

  // The next boot reads version 3 whole: no fault screen.
  await page.reload();
  await shows(page, 3);
  await expect(page.getByText(FAULT_SCREEN)).toBeHidden();
  await page.getByRole('button', { name: /办事指南/ }).click();
  await expect(page.getByRole('button', { name: /^普通护照签发（二版）（三版）/ })).toBeVisible();
  await kiosk.close();
});

test('a boot that finds a file of the shown version lost falls back, fetches it again and shows the version', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const kiosk = await terminalOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await shows(page, 1);
  markVersion(kiosk.folder, '（二版）');
  publish(kiosk.folder, kiosk.feed);
  await nudgeSync(page);
  await shows(page, 2);

  // A file only version 2 uses disappears from the terminal's storage (a bug, a broken disk).
  const lost = await page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    type Doc = { kind: string; hash: string };
    type Version = { manifest: { documents: Doc[] } };
    const db = await request(indexedDB.open('sunlight-content'));
    const read = <T>(store: string, key: IDBValidKey) =>
      request<T>(db.transaction(store).objectStore(store).get(key));
    const p = await read<{ active: number; previous: number }>('pointers', 'pointers');
    const [active, previous] = [
      await read<Version>('versions', p.active),
      await read<Version>('versions', p.previous),
    ];
    const before = new Set(previous.manifest.documents.map((d) => d.hash));
    const hall = active.manifest.documents.find((d) => d.kind === 'hall' && !before.has(d.hash))!;
    await request(db.transaction('files', 'readwrite').objectStore('files').delete(hall.hash));
    db.close();
    return hall.hash;
  });

  const refetched = page.waitForResponse((r) => r.url().endsWith(`/feed/files/${lost}.json`));
  await page.reload();
  await refetched;
  await shows(page, 2);
  await expect(page.getByText(FAULT_SCREEN)).toBeHidden();
  await openPanel(page);
  await expect(page.getByRole('region', { name: /^同步日志/ })).toContainText(
    `version 2 cannot be read: hall "shili-center" (files/${lost}.json) is not stored; showing version 1 and syncing again`,
  );
  await kiosk.close();
});

test('a feed restored from a backup that offers the version shown with other content is refused on the panel', async ({
  page,
}) => {
  const kiosk = await terminalOnFeed();
  const backup = readFileSync(join(kiosk.feed, 'channels/stable.json'));
  markVersion(kiosk.folder, '（二版）');
  publish(kiosk.folder, kiosk.feed);
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await shows(page, 2);

  // The feed's channel file comes back from the backup (version 1) and staff publish other content: version 2 again.
  writeFileSync(join(kiosk.feed, 'channels/stable.json'), backup);
  markVersion(kiosk.folder, '（恢复）');
  expect(publish(kiosk.folder, kiosk.feed).version).toBe(2);

  await openPanel(page);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText(/^同步失败：version check failed/)).toBeVisible();
  await expect(page.getByRole('region', { name: '最近一次被拒绝的更新' })).toContainText(
    'version check failed: the feed offers version 2 again, with other content',
  );
  await expect(fact(page, '正在显示')).toContainText('版本 2 · 发布于');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.mouse.click(960, 700);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心（二版）');
  await kiosk.close();
});

type Entry = { kind: string; id: string; hash: string; size: number };

/** Signs, with the feed's real key, a next version whose manifest `edit` changed: what a buggy tool could publish. */
function publishEditedManifest(feed: string, edit: (documents: Entry[]) => Entry[]): void {
  const channelFile = join(feed, 'channels/stable.json');
  const payload = JSON.parse(JSON.parse(readFileSync(channelFile, 'utf8')).payload);
  const manifest = JSON.parse(readFileSync(join(feed, `files/${payload.manifest.hash}.json`), 'utf8'));
  manifest.documents = edit(manifest.documents);
  const bytes = Buffer.from(JSON.stringify(manifest));
  const hash = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(feed, `files/${hash}.json`), bytes);
  const text = JSON.stringify({
    ...payload,
    version: payload.version + 1,
    manifest: { hash, size: bytes.length },
  });
  writeFileSync(
    channelFile,
    JSON.stringify({ payload: text, signatures: [signText(DEV_PRIVATE_KEY, text)] }),
  );
}

test('validly signed bundles a terminal cannot show are refused on the panel, and the last good version stays', async ({
  page,
}) => {
  const kiosk = await terminalOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await shows(page, 1);
  await openPanel(page);
  const refusal = page.getByRole('region', { name: '最近一次被拒绝的更新' });

  // No hall document at all: it used to be shown as "正在准备内容…" for ever.
  let hall: Entry | undefined;
  publishEditedManifest(kiosk.feed, (docs) => {
    hall = docs.find((d) => d.kind === 'hall');
    return docs.filter((d) => d !== hall);
  });
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(refusal).toContainText(
    'bundle check failed: version 2 has no hall document (a bundle needs exactly one); keeping version 1',
  );

  // A service entry naming the hall document, which the terminal already holds: nothing to download.
  publishEditedManifest(kiosk.feed, (docs) => [
    hall!,
    ...docs.map((d) => (d.id === 'passport' ? { ...d, hash: hall!.hash, size: hall!.size } : d)),
  ]);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(refusal).toContainText(
    /schema check failed: service "passport" \(files\/[0-9a-f]{64}\.json\) does not match the content schema/,
  );
  await expect(fact(page, '正在显示')).toContainText('版本 1 · 发布于');

  await page.getByRole('button', { name: '关闭' }).click();
  await page.mouse.click(960, 700);
  await page.getByRole('button', { name: /办事指南/ }).click();
  await page.getByRole('button', { name: /^普通护照签发/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('普通护照签发');
  await kiosk.close();
});

test('the panel remembers the last successful sync after a restart with no network', async ({ page }) => {
  const kiosk = await terminalOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await shows(page, 1);
  await page.context().setOffline(true);
  await page.reload();
  await shows(page, 1);
  await openPanel(page);
  await expect(fact(page, '上次检查')).toContainText('刚刚');
  await expect(fact(page, '上次成功')).not.toContainText('从未');
  await expect(fact(page, '上次成功')).toContainText(/\d\d:\d\d/);
  await kiosk.close();
});
