/**
 * 设置 → 数据交换, one round trip through the UI: the page's vault is 大良组织办 (with 示例 data); the
 * district's vault is a second vault opened here in Node, as the other office's PC would hold it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDocument } from '../../shared/domain/document.js';
import { exportPackage } from '../../electron/exchange/exportPackage.js';
import { ownPublicKeyFile, setOffice, trustOffice } from '../../electron/exchange/identity.js';
import { commitPackage } from '../../electron/exchange/landing.js';
import { applyReceipt } from '../../electron/exchange/receipts.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { createVault, expect, openModule, test } from './fixtures.js';

test('数据交换: set the office, trust the district by fingerprint, send a package, take its receipt, review and accept the district’s package', async ({ page, app }) => {
  test.setTimeout(240_000);
  await createVault(page, app, { demo: true });
  const districtDir = mkdtempSync(join(tmpdir(), 'cadre-e2e-district-'));
  const vault = await OpenVault.create(join(districtDir, 'district.cdv'), 'district-pass-1', emptyDocument());
  const district = new Session(vault, '区组织部操作员');
  try {
    await setOffice(district, '440606');
    await openModule(page, '设置');
    const card = page.getByTestId('exchange-settings');
    await card.getByLabel('本单位', { exact: true }).click();
    await page.getByRole('option', { name: '大良组织办（440606005）' }).click();
    await card.getByRole('button', { name: '设定本单位' }).click();
    const own = card.getByTestId('own-fingerprint');
    await expect(own).toHaveText(/^\d{4}( \d{4}){7}$/);

    // Our public key goes to the district, which trusts it after checking the digits we read out.
    const keyDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: '导出本单位公钥' }).click();
    const ourKey = readFileSync(await (await keyDownload).path(), 'utf8');
    await trustOffice(district, ourKey, (await own.textContent())!);

    // The district's key file comes the other way; the dialog shows its fingerprint to compare.
    const dk = ownPublicKeyFile(district.doc);
    const dkPath = join(app.dir, 'district.pub');
    writeFileSync(dkPath, dk.text);
    await card.locator('input[type=file][accept=".pub"]').setInputFiles(dkPath);
    const dialog = page.getByRole('dialog', { name: '添加受信任单位' });
    await expect(dialog.getByTestId('key-fingerprint')).toHaveText(dk.fingerprint);
    await expect(dialog.getByRole('button', { name: '添加' })).toBeDisabled();
    await dialog.getByLabel('已与对方电话核对，指纹完全一致').check();
    await dialog.getByRole('button', { name: '添加' }).click();
    await expect(card.getByTestId('trusted-table')).toContainText('区委组织部');
    await expect(card.getByTestId('trusted-table')).toContainText(dk.fingerprint);

    // Send: a full package (nothing acknowledged yet), imported by the district.
    await card.getByLabel('接收单位', { exact: true }).click();
    await page.getByRole('option', { name: '区委组织部（440606）' }).click();
    const pkgDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: '导出数据包' }).click();
    const pkg = readFileSync(await (await pkgDownload).path());
    await expect(page.getByText(/^已导出第 1 号完整数据包：新增或修改 \d+ 条，删除 0 条/)).toBeVisible();
    const landed = await commitPackage(district, pkg, 'p1.cdx', 'all');
    expect(landed.created).toBeGreaterThan(100);
    expect(district.doc.cadres.every((c) => district.doc.villages.find((v) => v.id === c.villageId)?.townCode === '440606005')).toBe(true);

    // The district's receipt, read in here: the next package will be incremental.
    const receiptPath = join(app.dir, 'r1.cdr');
    writeFileSync(receiptPath, Buffer.from(landed.receipt.base64, 'base64'));
    await card.locator('input[type=file][accept=".cdr"]').setInputFiles(receiptPath);
    await expect(page.getByText('区委组织部已确认导入第 1 号数据包')).toBeVisible();
    await expect(card.getByTestId('exchange-history')).toContainText('第 1 号');

    // 下发: the district changes a threshold and sends it; we review it field by field and accept.
    await district.mutate((doc) => {
      doc.settings.youthAgeLimit = 40;
    });
    const down = await exportPackage(district, '440606005');
    const downPath = join(app.dir, 'down1.cdx');
    writeFileSync(downPath, down.bytes);
    await card.locator('input[type=file][accept=".cdx"]').setInputFiles(downPath);
    const review = page.getByRole('dialog', { name: /区委组织部的完整数据包第 1 号/ });
    await expect(review.getByTestId('exchange-counts')).toContainText('修改 1');
    await expect(review.getByTestId('exchange-preview')).toContainText('青年干部年龄上限：35 → 40');
    await page.screenshot({ path: '/tmp/exchange-preview.png' });
    const receiptDownload = page.waitForEvent('download');
    await review.getByRole('button', { name: '接受全部' }).click();
    await expect(review.getByTestId('exchange-result')).toContainText('修改 1 条');
    await review.getByRole('button', { name: '保存回执' }).click();
    const receipt = readFileSync(await (await receiptDownload).path());
    expect(await applyReceipt(district, receipt)).toMatchObject({ from: '440606005', sequence: 1 });
    await review.getByTestId('exchange-result').getByRole('button', { name: '关闭' }).click();

    // The same package again is refused, in Chinese, with nothing changed.
    await card.locator('input[type=file][accept=".cdx"]').setInputFiles(downPath);
    await expect(card.getByTestId('exchange-refusal')).toContainText('区委组织部的第 1 号数据包已于');
    await expect(card.getByTestId('exchange-refusal')).toContainText('不能重复导入');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/exchange-settings.png', fullPage: true });
  } finally {
    vault.close();
    rmSync(districtDir, { recursive: true, force: true });
  }
});
