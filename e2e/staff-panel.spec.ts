/** Staff open the hidden panel with a PIN, check versions, sync now, roll back and switch the mode. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfSample, kioskOnFeed, publish } from './fixtures/feed.ts';
import { DEV_PIN, enterPin, fact, openPanel, staffGesture } from './fixtures/staff.ts';
import { expect, test } from './fixtures/test.ts';
import { TEST_DAY } from './fixtures/test-day.ts';
import { ORIENTATIONS } from './fixtures/visitor.ts';

const SCREENS = 'e2e/.artifacts/screens';

test('wrong PINs lock the panel for longer each time, and a reload does not reset the count', async ({
  page,
}) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');

  await staffGesture(page);
  const dialog = page.getByRole('dialog', { name: '工作人员面板' });
  await expect(dialog.getByRole('heading', { name: '工作人员：请输入密码' })).toBeVisible();
  await enterPin(page, '1111');
  await expect(dialog.getByText('密码不对。再错 2 次后需要等待。')).toBeVisible();
  await enterPin(page, '2222');
  await enterPin(page, '3333');
  await expect(dialog.getByText('密码错误次数过多。请 0:30 后再试。')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '5', exact: true })).toBeDisabled();
  await page.screenshot({ path: `${SCREENS}/staff-pin-locked-landscape-zh.png` });

  await page.clock.runFor(30_000);
  await enterPin(page, '4444');
  await expect(dialog.getByText('密码错误次数过多。请 1:00 后再试。')).toBeVisible();

  // Reloading does not bypass the wait.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');
  await staffGesture(page);
  await expect(dialog.getByText(/密码错误次数过多。请 \d:\d\d 后再试。/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '2', exact: true })).toBeDisabled();

  await page.clock.runFor(61_000);
  // Left alone for a minute, the dialog closed itself; open it again, and now the right PIN works.
  await expect(dialog).toBeHidden();
  await openPanel(page);
  await kiosk.close();
});

test("a visitor's stray wrong PINs are forgotten by the evening: staff have their three free tries again", async ({
  page,
}) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');

  // A visitor finds the pad. A tap of a digit or two is not a guess: OK waits for four digits.
  await staffGesture(page);
  const dialog = page.getByRole('dialog', { name: '工作人员面板' });
  for (const digit of ['1', '2']) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await expect(dialog.getByRole('button', { name: '确定' })).toBeDisabled();
  await dialog.getByRole('button', { name: '删除' }).click();
  await dialog.getByRole('button', { name: '删除' }).click();
  // Then they try three PINs: the pad makes them wait.
  for (const pin of ['1234', '0000', '1111']) await enterPin(page, pin);
  await expect(dialog.getByText('密码错误次数过多。请 0:30 后再试。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // Twelve quiet hours later (one failure is forgotten every four), a staff member mistypes once.
  await page.clock.fastForward('12:00:00');
  await staffGesture(page);
  await enterPin(page, '2468');
  await expect(dialog.getByText('密码不对。再错 2 次后需要等待。')).toBeVisible();
  await enterPin(page, DEV_PIN);
  await expect(dialog.getByRole('heading', { name: '内容' })).toBeVisible();
  await kiosk.close();
});

test('the panel shows the versions sync reports; sync now shows progress; roll back restores the previous version', async ({
  page,
}) => {
  const folder = copyOfSample();
  let slowFiles = false;
  const kiosk = await kioskOnFeed(folder, async (path) => {
    // A slow network, so the progress bar stays long enough to be seen.
    if (slowFiles && path.startsWith('files/')) await new Promise((r) => setTimeout(r, 1500));
  });
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/?device=lobby-1`);
  await expect(page.getByText(/内容版本 1/)).toBeVisible();

  await openPanel(page);
  await expect(fact(page, '正在显示')).toContainText('版本 1 · 发布于');
  await expect(fact(page, '已下载，等待显示')).toContainText('无');
  await expect(fact(page, '上一版本')).toContainText('无');
  await expect(fact(page, '终端编号')).toContainText('lobby-1');
  await expect(fact(page, '本机时钟')).toContainText('正常');
  await expect(fact(page, '存储空间')).toContainText(/已用 .+，共 .+/);
  await expect(page.getByRole('img', { name: /最近 \d+ 次检查：更新 1 次/ })).toBeVisible();

  const path = join(folder, 'services/passport.yaml');
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace('zh-CN: 普通护照签发', 'zh-CN: 普通护照签发（新规）'),
  );
  publish(folder, kiosk.feed);
  slowFiles = true;
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByRole('progressbar', { name: '下载进度' })).toBeVisible();
  await expect(page.getByText('已更新：现在显示版本 2')).toBeVisible();
  await expect(fact(page, '正在显示')).toContainText('版本 2 · 发布于');
  await expect(fact(page, '上一版本')).toContainText('版本 1 · 发布于');
  await page.screenshot({ path: `${SCREENS}/staff-panel-landscape-zh.png` });

  await page.getByRole('button', { name: '回退到版本 1' }).click();
  await expect(page.getByRole('alertdialog', { name: '回退到版本 1？' })).toBeVisible();
  await page.getByRole('button', { name: '确认回退' }).click();
  await expect(page.getByText('已回退：现在显示版本 1')).toBeVisible();
  await expect(fact(page, '上一版本')).toContainText('版本 2');

  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.mouse.click(960, 700);
  await expect(page.getByText(/内容版本 1/)).toBeVisible();
  await page.getByRole('button', { name: /办事指南/ }).click();
  await expect(page.getByRole('button', { name: /^普通护照签发 / })).toBeVisible();
  await expect(page.getByRole('button', { name: /新规/ })).toBeHidden();
  await kiosk.close();
});

test('the panel says why the terminal refused an update, and keeps showing its version', async ({ page }) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/`);
  await expect(page.getByText(/内容版本 1/)).toBeVisible();

  // Someone alters the signed channel file on the feed.
  const channelFile = join(kiosk.feed, 'channels/stable.json');
  const signed = JSON.parse(readFileSync(channelFile, 'utf8'));
  signed.payload = signed.payload.replace('"version":1', '"version":9');
  writeFileSync(channelFile, JSON.stringify(signed));

  await openPanel(page);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText(/^同步失败：signature check failed/)).toBeVisible();
  await expect(page.getByRole('region', { name: '最近一次被拒绝的更新' })).toContainText(
    'signature check failed on channels/stable.json',
  );
  await expect(fact(page, '正在显示')).toContainText('版本 1 · 发布于');
  await expect(page.getByRole('img', { name: /失败 1 次/ })).toBeVisible();

  // Staff who do not read Chinese switch the panel to English.
  await page.getByRole('dialog').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Last refused update' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/staff-panel-refusal-landscape-en.png` });
  await kiosk.close();
});

test('the panel lists ignored start-URL values, flags a wrong clock, and a mode switch survives a reload', async ({
  page,
}) => {
  const kiosk = await kioskOnFeed();
  await page.setViewportSize(ORIENTATIONS.portrait);
  // The terminal's clock says a week before the content was published (on TEST_DAY): it must be wrong.
  await page.clock.install({ time: TEST_DAY.getTime() - 7 * 86_400_000 });
  await page.goto(`${kiosk.url}/?idle=abc&lang=fr`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('示例市政务服务中心');

  await openPanel(page);
  const notes = page.getByRole('region', { name: '启动网址中被忽略的设置' });
  await expect(notes).toContainText('?idle=abc should be a whole number of seconds');
  await expect(notes).toContainText(
    "?lang=fr is not one of the content's languages (zh-CN, en): using zh-CN",
  );
  await expect(fact(page, '本机时钟')).toContainText('可疑');
  await expect(fact(page, '模式')).toContainText('互动');
  await expect(fact(page, '模式')).toContainText('默认设置');
  await page.screenshot({ path: `${SCREENS}/staff-panel-portrait-zh.png` });

  await page.getByRole('button', { name: '切换为仅轮播' }).click();
  await expect(fact(page, '模式')).toContainText('仅轮播');
  await expect(fact(page, '模式')).toContainText('工作人员');
  await page.getByRole('button', { name: '关闭' }).click();
  // Attract-only: a touch does not start a visit.
  await page.mouse.click(540, 1200);
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();

  await page.reload();
  await openPanel(page);
  await expect(fact(page, '模式')).toContainText('仅轮播');
  await page.getByRole('button', { name: '恢复启动网址的模式' }).click();
  await expect(fact(page, '模式')).toContainText('互动');
  await expect(fact(page, '模式')).toContainText('默认设置');
  await kiosk.close();
});

test('?lang= sets the language a visit starts in', async ({ page }) => {
  const kiosk = await kioskOnFeed();
  await page.clock.install({ time: TEST_DAY });
  await page.goto(`${kiosk.url}/?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shili City Government Service Center');
  await kiosk.close();
});
