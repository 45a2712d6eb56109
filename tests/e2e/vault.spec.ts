import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBridge } from '../../electron/bridge/server.js';
import { api, createVault, expect, openModule, PASSWORD, test } from './fixtures.js';
import type { BackupInfo } from '../../shared/contract/vault.js';

test('back up, change a setting, lock, and restore the backup from the unlock screen', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '设置');
  const autoLock = page.getByLabel('无操作自动锁定（分钟）');
  const security = page.locator('.mantine-Card-root').filter({ has: autoLock });
  await autoLock.fill('30');
  await security.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  // In a row of inputs the 原密码 box collapsed to the width of its eye icon; it must be wide enough to type in.
  for (const label of ['原密码', '新密码（至少 8 位）']) expect((await page.getByLabel(label).boundingBox())!.width).toBeGreaterThan(120);

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();

  await autoLock.fill('45');
  await security.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(async () => (await api<{ autoLockMinutes: number }>(app, 'settings.get')).autoLockMinutes).toBe(45);

  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '解锁档案库' })).toBeVisible();
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog.getByRole('row')).toHaveCount(2); // header + the one backup
  await dialog.getByRole('row').nth(1).click();
  await dialog.getByLabel('该备份的密码').fill('wrong-password');
  await dialog.getByRole('button', { name: '恢复所选备份' }).click();
  await expect(dialog.getByText('密码错误')).toBeVisible();
  await dialog.getByLabel('该备份的密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: '恢复所选备份' }).click();

  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
  await openModule(page, '设置');
  await expect(page.getByLabel('无操作自动锁定（分钟）')).toHaveValue('30');
  // The state the restore replaced (45 minutes) was kept as a backup, so the restore can be undone.
  const backups = await api<BackupInfo[]>(app, 'vault.backups', {});
  expect(backups).toHaveLength(2);
  const audit = await api<{ entries: { action: string; operator: string }[] }>(app, 'audit.list', {});
  expect(audit.entries[0]).toMatchObject({ action: 'vault.restore', operator: '李组织' });
});

test('an idle lock on the server sends the page to the unlock screen with the reason', async ({ page, app }) => {
  await createVault(page, app);
  app.bridge.app.lock('idle'); // what the idle timer does after the configured minutes
  await expect(page.getByRole('heading', { name: '解锁档案库' })).toBeVisible();
  await expect(page.getByText('长时间未操作，档案库已自动锁定')).toBeVisible();
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
  await expect(page.getByText('长时间未操作，档案库已自动锁定')).toHaveCount(0);
});

test('a missed lock event still ends at the unlock screen: the next call gets LOCKED', async ({ page, app }) => {
  await createVault(page, app);
  // Lock on the server without the event (as if the event stream dropped while the PC slept).
  const state = app.bridge.app;
  state.session?.vault.close();
  state.session = null;
  await openModule(page, '设置'); // the page asks for settings and is told the vault is locked
  await expect(page.getByRole('heading', { name: '解锁档案库' })).toBeVisible();
  await expect(page.getByText('长时间未操作，档案库已自动锁定')).toBeVisible();
});

test('a second instance on the same vault opens read-only and says why', async ({ page, browser, app }) => {
  await createVault(page, app);
  const second = await startBridge({ rendererDir: resolve('dist/renderer'), vaultPath: app.vaultPath });
  const other = await browser.newPage();
  try {
    await other.goto(second.openUrl);
    await other.getByLabel('操作人姓名').fill('王办事');
    await other.getByLabel('密码').fill(PASSWORD);
    await other.getByRole('button', { name: '解锁' }).click();
    await expect(other.getByText(/档案库正被另一个程序使用（进程 \d+，自 .+ 起），本窗口只读/)).toBeVisible();
    const res = await fetch(`${second.url}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cadre-token': second.token },
      body: JSON.stringify({ method: 'settings.update', input: { autoLockMinutes: 20 } }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  } finally {
    await other.close();
    await second.close();
  }
});

test('browser mode: the setup path must be a new .cdv file in a folder that exists; nothing is created elsewhere', async ({ page, app }) => {
  await page.goto(app.bridge.openUrl);
  const where = page.getByLabel('档案库保存位置');
  await page.getByLabel('操作人姓名').fill('李组织');
  await page.getByLabel('设置密码').fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  const missing = join(app.dir, '不存在', 'v.cdv');
  await where.fill(missing);
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByText(`文件夹不存在：${join(app.dir, '不存在')}（请先建好文件夹再选择）`)).toBeVisible();
  expect(existsSync(join(app.dir, '不存在'))).toBe(false);
  await where.fill('relative.cdv');
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByText('请填写档案库文件的完整路径（从盘符或根目录“/”开始）')).toBeVisible();
  await where.fill(join(app.dir, '大良.cdv'));
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible({ timeout: 60_000 });
  expect(existsSync(join(app.dir, '大良.cdv'))).toBe(true);
});
