import { api, createVault, expect, openModule, test } from './fixtures.js';
import { sheetFrom, workbookBytes } from '../fixtures/roster.js';

test('村居名册: import from 村居信息, then undo the whole batch from 导入导出', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '逢简村', townCode: '440606105', note: '原备注' } });
  await openModule(page, '村居信息');
  await expect(page.getByText('逢简村')).toBeVisible();

  const buffer = workbookBytes({
    村居: sheetFrom([
      ['杏坛镇村（社区）基本情况表'],
      ['序号', '镇（街道）', '村（社区）名称', '类型', '战斗力'],
      [1, '杏坛', '逢简村', '村', '强'],
      [2, '杏坛', '马齐村', '村', '较弱'],
      [3, '杏坛', '光华社区', '社区', '一般'],
    ], ['A1:E1']),
  });
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 导入村（社区）' });
  await dialog.locator('input[type=file]').setInputFiles({ name: '杏坛村居.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(dialog.getByTestId('village-accepted-table').getByRole('row')).toHaveCount(3); // header + 马齐村 + 光华社区
  await dialog.getByLabel('同时按文件更新 1 个已有村（社区）的信息').check();
  await dialog.getByRole('button', { name: '导入 3 个（新建 2，更新 1）' }).click();
  await expect(page.getByText('可在“导入导出 → 导入批次”中撤销本批')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('马齐村')).toBeVisible();

  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '导入批次' }).click();
  const row = page.getByTestId('batch-table').getByRole('row', { name: /杏坛村居\.xlsx/ });
  await expect(row).toContainText('村居名册');
  await expect(row).toContainText('有效');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('已撤销：删除 2 个，恢复 1 个')).toBeVisible();
  await expect(row).toContainText('已撤销');

  const villages = await api<Array<{ name: string; strength: string; note: string }>>(app, 'village.list', {});
  expect(villages.map((v) => `${v.name} ${v.strength} ${v.note}`)).toEqual(['逢简村 一般 原备注']);
});
