import { buildLrmxZip } from '../../electron/lrmx/exportMany.js';
import { fullCadre } from '../fixtures/lrmx.js';
import { createVault, expect, openModule, test } from './fixtures.js';

test('the receiving office imports the .zip of 任免审批表 another office exported', async ({ page, app }) => {
  // The sending office's export, made by the same builder as 批量导出任免审批表.
  const sent = [fullCadre(31), fullCadre(32), fullCadre(33)].map(
    (f, i) => ({ ...f, id: `c${i}`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }),
  );
  const zip = buildLrmxZip(sent, [], { date: '2026.11.25', demo: false });

  await createVault(page, app);
  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '任免审批表（LRMX）' }).click();
  await page.locator('input[type=file][accept*=".zip"]').setInputFiles([
    { name: zip.fileName, mimeType: 'application/zip', buffer: Buffer.from(zip.bytes) },
  ]);
  await expect(page.getByText(`已选：${zip.fileName}`)).toBeVisible();
  await page.getByRole('button', { name: '导入 1 个文件' }).click();

  const report = page.getByTestId('lrmx-report');
  for (const [i, c] of sent.entries()) {
    const row = report.getByRole('row', { name: new RegExp(`› ${zip.entries[i].replace(/[.()]/g, '\\$&')}`) });
    await expect(row).toContainText(`${zip.fileName} › ${zip.entries[i]}`);
    await expect(row).toContainText('新建');
    await expect(row).toContainText(c.name);
  }
  await expect(page.getByTestId('lrmx-zip-skipped')).toHaveText(`压缩包中以下文件不是任免审批表，未导入：${zip.fileName} › 清单.csv`);
  await expect(page.getByText('导入的文件已记为一个导入批次')).toBeVisible();

  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 3 人（共 3 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  for (const c of sent) await expect(grid).toContainText(c.name);
});

test('a damaged zip is refused with its name, and nothing is imported', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '任免审批表（LRMX）' }).click();
  await page.locator('input[type=file][accept*=".zip"]').setInputFiles([
    { name: '对方发来的.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 只有开头的压缩包') },
  ]);
  await page.getByRole('button', { name: '导入 1 个文件' }).click();
  const row = page.getByTestId('lrmx-report').getByRole('row', { name: /对方发来的\.zip/ });
  await expect(row).toContainText('未导入');
  await expect(row).toContainText('压缩包已损坏或不是 zip 文件：对方发来的.zip');
  await expect(page.getByText('没有导入任何文件。')).toBeVisible();
});
