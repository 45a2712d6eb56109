/**
 * What an official sees when the vault's disk cannot be written, and after a password change:
 * the read-only banner with its reason, and the note saying what became of the older backups.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDocument } from '../../shared/domain/document.js';
import { deriveMasterKey, encodeVault, newKdf } from '../../electron/vault/format.js';
import { encodePayload } from '../../electron/vault/payload.js';
import { api, createVault, expect, openModule, PASSWORD, test } from './fixtures.js';
import type { BackupInfo } from '../../shared/contract/vault.js';

test('设置 → 修改密码 re-encrypts the older backups and says how many; the old password opens none of them', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '设置');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：/)).toBeVisible();
  await expect(page.getByLabel(/较早的备份改用新密码重新加密/)).toBeChecked();
  await page.getByLabel('原密码').fill(PASSWORD);
  await page.getByLabel('新密码（至少 8 位）').fill('New-pass-2026-x');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('password-changed')).toHaveText('密码已修改。1 份较早的备份已一并改用新密码重新加密（均已读回校验）。原密码已打不开档案库和任何备份。');

  expect(await api<BackupInfo[]>(app, 'vault.backups', {})).toHaveLength(1);
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await dialog.getByRole('row').nth(1).click(); // the one backup, made under the old password
  await dialog.getByLabel('该备份的密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: '恢复所选备份' }).click();
  await expect(dialog.getByText('密码错误')).toBeVisible();
});

test('a vault on a write-protected disk opens read-only, and the banner says 只读磁盘', async ({ page, app }) => {
  test.skip(process.getuid?.() !== 0, 'needs root to make the folder a read-only bind mount');
  await createVault(page, app);
  await page.getByRole('button', { name: '锁定' }).click();
  // The vault's folder, mounted over itself read-only: as a USB stick with its write switch on.
  execFileSync('mount', ['--bind', app.dir, app.dir]);
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', app.dir]);
    await page.getByLabel('操作人姓名').fill('王办事');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    const why = '档案库以只读方式打开（只读磁盘）：档案库所在的磁盘不能写入（U 盘的写保护开关是否打开？）。可以查看和打印，不能保存修改';
    await expect(page.getByText(why)).toBeVisible();
    await openModule(page, '设置');
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(why)).toHaveCount(2); // the banner, and the refused backup's notice
    await page.getByRole('button', { name: '锁定' }).click();
  } finally {
    execFileSync('umount', [app.dir]);
  }
});

test('a backup under an earlier password is pointed out in 设置, and 删除较早的备份 removes it with the rest', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'vault.backupNow', {});
  // As 0.1.x left backups after a password change: encrypted under the password of that time.
  const kdf = newKdf();
  writeFileSync(
    join(`${app.vaultPath}.backups`, '20240101T000000Z-000000-vault.cdv'),
    encodeVault(encodePayload(emptyDocument('2024-01-01T00:00:00.000Z')), await deriveMasterKey('Earlier-pass-2024', kdf), kdf),
    { mode: 0o600 },
  );
  await openModule(page, '首页');
  await page.reload();
  await openModule(page, '设置');
  await expect(page.getByTestId('copies-other-password')).toContainText('有 1 份较早的备份不是用当前密码加密的');
  await expect(page.getByTestId('copies-other-password')).toContainText('20240101T000000Z-000000-vault.cdv');

  await page.getByLabel(/删除较早的备份/).check();
  await page.getByLabel('原密码').fill(PASSWORD);
  await page.getByLabel('新密码（至少 8 位）').fill('New-pass-2026-x');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('password-changed')).toHaveText('密码已修改。已删除 2 份较早的备份。原密码已打不开档案库和任何备份。');
  await expect(page.getByTestId('copies-other-password')).toHaveCount(0);
  expect(await api<BackupInfo[]>(app, 'vault.backups', {})).toEqual([]);
});
