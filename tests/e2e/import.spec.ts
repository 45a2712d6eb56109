import { readFileSync } from 'node:fs';
import { api, createVault, expect, openModule, test, lookAt } from './fixtures.js';
import { messyRosterRows, sheetFrom, workbookBytes } from '../fixtures/roster.js';
import { MALFORMED, XXE, fullCadre } from '../fixtures/lrmx.js';
import { serializeLrmx } from '../../electron/lrmx/lrmx.js';

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
  await page.getByRole('combobox', { name: '“现任岗位”列导入为' }).click();
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
  await lookAt(page, 'import-preview', { fullPage: true });

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
});

test('import several 任免审批表 files at once with a per-file report', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '任免审批表（LRMX）' }).click();
  const a = fullCadre(1);
  await page.locator('input[type=file][accept*=".lrmx"]').setInputFiles([
    { name: '陈志强1.lrmx', mimeType: 'application/xml', buffer: serializeLrmx(a) },
    { name: '损坏.lrmx', mimeType: 'application/xml', buffer: Buffer.from(MALFORMED) },
    { name: '恶意.lrmx', mimeType: 'application/xml', buffer: Buffer.from(XXE) },
  ]);
  await page.getByRole('button', { name: '导入 3 个文件' }).click();
  const report = page.getByTestId('lrmx-report');
  await expect(report.getByRole('row', { name: /陈志强1.lrmx/ })).toContainText('新建');
  await expect(report.getByRole('row', { name: /损坏.lrmx/ })).toContainText('不是完整的 XML 文件');
  await expect(report.getByRole('row', { name: /恶意.lrmx/ })).toContainText('含有 DTD 或实体声明');
  const list = await api<(Row & { id: string })[]>(app, 'cadre.list', {});
  expect(list.map((r) => r.name)).toEqual([a.name]);

  // Back out from the cadre's page: the same 任免审批表, 4.0 fields included.
  await page.evaluate((id) => { location.hash = `#/cadres/${id}`; }, list[0].id);
  const download = page.waitForEvent('download');
  await page.locator('[data-cadre-actions]').getByRole('button', { name: '导出 LRMX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${a.name}_任免审批表.lrmx`);
  const xml = readFileSync(await file.path(), 'utf8');
  expect(xml).toContain(`<ShenFenZheng>${a.idNumber}</ShenFenZheng>`);
  expect(xml).toContain('<DaoLingNianYue>203503</DaoLingNianYue>');
});

test('choose the sheet when several hold data, and save the corrected mapping as a template', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '导入导出');
  const id1 = fullCadre(5).idNumber;
  const id2 = fullCadre(6).idNumber;
  const buffer = workbookBytes({
    大良: sheetFrom([['姓名', '身份证号码', '工作单位'], ['甲某', id1, '大良街道']]),
    容桂: sheetFrom([['姓名', '身份证号码', '工作单位'], ['乙某', id2, '容桂街道']]),
  });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '两镇.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByText('文件中有多个工作表含有花名册')).toBeVisible();
  await page.getByRole('button', { name: '容桂（1 行）' }).click();
  await page.getByRole('combobox', { name: '“工作单位”列导入为' }).click();
  await page.getByRole('option', { name: '现任职务' }).click();
  await page.getByRole('button', { name: '保存为导入模板' }).click();
  await page.getByLabel('模板名称').fill('镇街通用格式');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存导入模板“镇街通用格式”')).toBeVisible();
  expect(await api(app, 'import.templates', {})).toEqual([{ name: '镇街通用格式', mapping: { 姓名: 'name', 身份证号码: 'idNumber', 工作单位: 'currentPosition' } }]);
  await page.getByRole('button', { name: '导入 1 人（新建 1，更新 0）' }).click();
  await expect(page.getByTestId('import-result')).toContainText('新建 1 人');
  const list = await api<{ name: string }[]>(app, 'cadre.list', {});
  expect(list.map((r) => r.name)).toEqual(['乙某']);
});

test('a person already on file: see the differences, choose 更新, import', async ({ page, app }) => {
  await createVault(page, app);
  const c = fullCadre(7);
  const created = await api<{ id: string }>(app, 'cadre.create', { data: { name: c.name, sex: c.sex, birth: c.birth, idNumber: c.idNumber, phone: '13800000000' } });
  await openModule(page, '导入导出');
  const buffer = workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '联系电话', '政治面貌'], [c.name, c.idNumber, '13911112222', '党员']]) });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '更新.xlsx', mimeType: 'application/octet-stream', buffer });
  await page.getByRole('tab', { name: /已有档案/ }).click();
  const row = page.getByRole('row', { name: new RegExp(c.name) });
  await expect(row).toContainText('联系电话：13800000000 → 13911112222');
  await expect(row).toContainText('政治面貌：群众 → 中共党员');
  await expect(page.getByRole('button', { name: '导入 0 人（新建 0，更新 0）' })).toBeDisabled();
  await row.getByText('更新', { exact: true }).click();
  await page.getByRole('button', { name: '导入 1 人（新建 0，更新 1）' }).click();
  await expect(page.getByTestId('import-result')).toContainText('新建 0 人，更新 1 人');
  expect(await api(app, 'cadre.get', { id: created.id })).toMatchObject({ phone: '13911112222', politicalStatus: '中共党员' });
});

test('村居信息: import a 村（社区） roster from Excel, refused rows shown, the rest saved at once', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '逢简村', townCode: '440606105' } });
  await openModule(page, '村居信息');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const buffer = workbookBytes({
    村居: sheetFrom([
      ['杏坛镇村（社区）基本情况'],
      ['镇街', '村（社区）名称', '类型', '战斗力', '软弱涣散年份', '示范村', '红色村', '试点'],
      ['杏坛', '逢简村', '村', '强', null, '市级', '是', '是'],
      [null, '马齐村', '村', '弱', 2023, null, null, null],
      [null, '光华社区', null, '一般', null, null, null, null],
      ['杏坛', '右滩村', '村', '很强', null, null, null, null],
    ], ['A1:H1', 'A3:A5']),
  });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '杏坛村居.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByText('工作表“村居”，表头在第 2 行')).toBeVisible();
  // The title merged straight above the header is not part of any column's name.
  await expect(page.getByRole('combobox', { name: '“镇街”列导入为' })).toHaveValue('镇街');
  const refused = page.getByTestId('village-refused-table');
  await expect(refused.getByRole('row', { name: /^6 右滩村/ })).toContainText('战斗力“很强”应为 强、一般 或 弱');
  await page.getByRole('tab', { name: /已有/ }).click();
  await expect(page.getByTestId('village-existing-table')).toContainText('示范村：否 → 市级');
  await page.getByRole('button', { name: '导入 3 个（新建 2，更新 1）' }).click();
  await expect(page.getByText('已导入村（社区）名册：新建 2 个，更新 1 个')).toBeVisible();
  const table = page.getByRole('table', { name: '杏坛村（社区）' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /马齐村/ })).toContainText('软弱涣散');
  const list = await api<{ name: string; strength: string; demonstration: string | null }[]>(app, 'village.list', { deleted: false });
  expect(list.map((v) => [v.name, v.strength, v.demonstration])).toEqual([['逢简村', '强', '市级'], ['马齐村', '弱', null], ['光华社区', '一般', null]]);
});
