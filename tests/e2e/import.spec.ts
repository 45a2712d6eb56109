import { api, createVault, expect, openModule, test } from './fixtures';
import { messyRosterRows, sheetFrom, workbookBytes } from '../fixtures/roster';

interface Row { name: string; villagePost?: string; villageName: string }

test('import a messy 花名册: fix the mapping, see refused rows, import, undo the batch', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '水藤村', townCode: '440606005' } });
  await openModule(page, '导入导出');

  // The 职务 column is headed "现任岗位" here, which the importer does not know.
  const { rows, merges } = messyRosterRows();
  rows[3][12] = '现任岗位';
  const buffer = workbookBytes({ 花名册: sheetFrom(rows, merges) });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({
    name: '大良街道花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });

  await expect(page.getByText('工作表“花名册”，表头在第 5 行')).toBeVisible();
  const mapping = page.getByTestId('mapping-table');
  await expect(mapping.getByRole('row', { name: /现任岗位/ })).toContainText('未识别');
  await page.getByRole('textbox', { name: '“现任岗位”列导入为' }).click();
  await page.getByRole('option', { name: '村（社区）职务' }).click();
  await expect(mapping.getByRole('row', { name: /现任岗位/ })).not.toContainText('未识别');

  // Refused rows with row number, column and reason.
  await page.getByRole('tab', { name: /被拒绝/ }).click();
  const refused = page.getByTestId('refused-table');
  await expect(refused.getByRole('row')).toHaveCount(8);
  await expect(refused.getByRole('row', { name: /^9 黄伟/ })).toContainText('身份证号码被 Excel 存成了数字（显示为 4.40606E+17），末几位已丢失');
  await expect(refused.getByRole('row', { name: /^10 / })).toContainText('姓名不能为空');
  await expect(refused.getByRole('row', { name: /^11 何明/ })).toContainText('“1978.13”不是有效年月：月份 13 不存在');
  await expect(refused.getByRole('row', { name: /^14 林志/ })).toContainText('身份证号码与第 15 行重复');
  await page.getByRole('tab', { name: /有警告/ }).click();
  await expect(page.getByText('在大良村居信息中找不到“不存在村”')).toBeVisible();
  await page.screenshot({ path: '/tmp/import-preview.png', fullPage: true });

  await page.getByRole('button', { name: '导入 3 人（新建 3，更新 0）' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('新建 3 人，更新 0 人');
  const imported = await api<Row[]>(app, 'cadre.list', {});
  expect(imported.map((r) => [r.name, r.villagePost ?? '', r.villageName]).sort()).toEqual([
    ['吴敏', '后备干部', '水藤村'], ['李丽', '村委会主任', ''], ['陈强', '党组织书记', '水藤村'],
  ]);

  await result.getByRole('button', { name: '撤销本批' }).click();
  await expect(page.getByText('已撤销本批导入', { exact: true })).toBeVisible();
  expect(await api<Row[]>(app, 'cadre.list', {})).toEqual([]);
  await page.getByRole('tab', { name: '导入批次' }).click();
  await expect(page.getByTestId('batch-table')).toContainText('大良街道花名册.xlsx');
  await expect(page.getByTestId('batch-table')).toContainText('已撤销');
  await page.screenshot({ path: '/tmp/import-batches.png', fullPage: true });
});
