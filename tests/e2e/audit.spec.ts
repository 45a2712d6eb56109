import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, test, lookAt } from './fixtures.js';

const first17 = '44060619750312013';
const ID = first17 + idCheckChar(first17);
const XINGTAN = '440606105';

test('操作日志: entries newest first, filter by 业务, see an edit\'s fields, export, open the cadre', async ({ page, app }) => {
  await createVault(page, app);
  const village = await api<{ id: string }>(app, 'village.create', { data: { name: '逢简村', townCode: XINGTAN } });
  const cadre = await api<{ id: string }>(app, 'cadre.create', {
    data: { name: '梁国良', sex: '男', birth: '1975.03', idNumber: ID, politicalStatus: '中共党员', phone: '0757-22221234', villageId: village.id },
  });
  await api(app, 'cadre.update', { id: cadre.id, data: { phone: '0757-22225678', villagePost: '党组织书记' } });

  await openModule(page, '操作日志');
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  await expect(page.getByTestId('audit-chain')).toContainText('审计记录共 4 条，校验通过');
  const table = page.getByRole('table', { name: '操作日志' });
  const rows = table.locator(':scope > tbody > tr');
  await expect(rows).toHaveCount(4);
  // Newest first: the edit on top, the creation of the vault at the bottom.
  await expect(rows.locator('td:nth-child(6)')).toHaveText(['修改干部档案：梁国良', '新建干部档案：梁国良', '新建村（社区）：杏坛逢简村', '创建档案库']);
  await expect(rows.first().locator('td').nth(1)).toHaveText(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$/);
  await expect(rows.first().locator('td').nth(2)).toHaveText('李组织');
  await expect(rows.first().locator('td').nth(3)).toHaveText('干部档案');
  await expect(rows.first().locator('td').nth(4)).toHaveText('修改');

  // Only the cadre files.
  await page.getByRole('combobox', { name: '业务' }).click();
  await page.getByRole('option', { name: '干部档案', exact: true }).click();
  await expect(page.getByTestId('audit-count')).toContainText('符合条件的记录 2 条');
  await expect(rows.locator('td:nth-child(6)')).toHaveText(['修改干部档案：梁国良', '新建干部档案：梁国良']);

  // The edit opens to the fields it changed, with their Chinese names.
  await rows.first().getByRole('button', { name: '查看改动' }).click();
  const changes = page.getByRole('table', { name: '字段改动' });
  await expect(changes.locator('tbody tr')).toHaveText(['联系电话0757-222212340757-22225678', '村职务（空）党组织书记']);
  await lookAt(page, 'audit-log', { fullPage: true });

  // The creation shows the village by name, not by its id.
  await page.getByRole('button', { name: '收起改动' }).click();
  await expect(changes).toBeHidden();
  await rows.nth(1).getByRole('button', { name: '查看改动' }).click();
  await expect(changes.getByRole('row').filter({ hasText: '所在村（社区）' })).toHaveText('所在村（社区）（空）杏坛逢简村');

  // A day with no entries.
  await page.getByLabel('起始日期').fill('2000.01.01');
  await page.getByLabel('截止日期').fill('2000.12.31');
  await page.getByLabel('截止日期').blur();
  await expect(page.getByText('没有符合条件的操作记录。')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('audit-count')).toContainText('共 4 条记录');

  // The export holds what the filter shows.
  await page.getByLabel('搜索说明').fill('梁国良');
  await expect(page.getByTestId('audit-count')).toContainText('符合条件的记录 2 条');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^操作日志_\d{8}\.xlsx$/);
  const wb = XLSX.read(readFileSync((await file.path())));
  const sheet = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['操作日志'], { header: 1 });
  expect(sheet.map((r) => r.slice(1))).toEqual([
    ['操作人', '业务', '操作', '说明', '记录编号'],
    ['李组织', '干部档案', '修改', '修改干部档案：梁国良', cadre.id],
    ['李组织', '干部档案', '新建', '新建干部档案：梁国良', cadre.id],
  ]);

  // Through to the file itself.
  await rows.first().getByRole('button', { name: '修改干部档案：梁国良' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cadres/${cadre.id}$`));
  await expect(page.getByText('梁国良').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeHidden();
});
