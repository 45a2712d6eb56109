import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, test, type AppFixture } from './fixtures.js';

const DALIANG = '440606005';
const RONGGUI = '440606006';

/** A valid 18-digit ID for the birth month and sex (day 15, serial by n). */
function idFor(birth: string, sex: '男' | '女', n: number): string {
  const [y, m] = birth.split('.');
  const seq = String(n * 2 + (sex === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `440606${y}${m}15${seq}`;
  return first17 + idCheckChar(first17);
}

/** Clicks 导出 Excel and reads the 汇总 sheet back: file name, and each row as the text Excel shows. */
async function exportXlsx(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  const wb = XLSX.read(readFileSync((await file.path())));
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['汇总'], { header: 1, raw: false, defval: '' });
  return { name: file.suggestedFilename(), sheets: wb.SheetNames, rows, row: (label: string) => rows.find((r) => r[0] === label) };
}

async function seed(app: AppFixture) {
  const v1 = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: DALIANG, kind: '社区' } });
  const v2 = await api<{ id: string }>(app, 'village.create', { data: { name: '五沙村', townCode: DALIANG } });
  const v3 = await api<{ id: string }>(app, 'village.create', { data: { name: '马东村', townCode: RONGGUI } });
  const people = [
    { name: '梁国良', sex: '男', birth: '1970.05', villageId: v1.id, villagePost: '党组织书记', politicalStatus: '中共党员', edu: '大专' }, // 56
    { name: '何丽娟', sex: '女', birth: '1990.06', villageId: v1.id, villagePost: '村委会主任', politicalStatus: '群众', edu: '高中' }, // 36
    { name: '陈志强', sex: '男', birth: '1980.07', villageId: v2.id, villagePost: '书记、主任一肩挑', politicalStatus: '中共党员', edu: '大学' }, // 45
    { name: '苏婉婷', sex: '女', birth: '1995.01', villageId: v2.id, villagePost: '后备干部', politicalStatus: '中共党员', edu: '大学' }, // reserve
    { name: '黄建国', sex: '男', birth: '1966.12', villageId: v3.id, villagePost: '党组织书记', politicalStatus: '中共党员', edu: '研究生' }, // 59
  ] as const;
  let n = 1;
  for (const p of people) {
    const { edu, ...rest } = p;
    await api(app, 'cadre.create', { data: { ...rest, idNumber: idFor(p.birth, p.sex, n++), fullTimeEducation: { level: edu } } });
  }
}

test('结构分析 shows the charts and the exact counts behind them, per town and exported', async ({ page, app }) => {
  await createVault(page, app);
  await seed(app);
  await openModule(page, '结构分析');
  await page.getByLabel('年龄计算参考日期').fill('2026.06.01');

  // District-wide: 4 team members (the reserve is not one), two 36–45 and two over 55.
  await expect(page.getByRole('heading', { name: '年龄结构（全区，班子 4 人）' })).toBeVisible();
  await expect(page.getByText('4人', { exact: true })).toBeVisible(); // the donut's centre label
  expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByText('36–45岁：2 人（50%）')).toBeVisible();

  const table = page.getByRole('table', { name: '结构分析数据表' });
  await expect(table.getByRole('columnheader')).toHaveText([
    '镇街', '村（社区）数', '班子人数', '35岁及以下', '36–45岁', '46–55岁', '56岁及以上',
    '书记人数', '书记平均年龄', '女性', '女性占比', '大专及以上', '大专及以上占比',
    '党员', '党员占比', '一肩挑', '一肩挑占书记比例', '后备干部', '后备目标（1:2）', '后备与书记岗位比',
  ]);
  const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) }).getByRole('cell');
  await expect(row('大良')).toHaveText(['大良', '2', '3', '0', '2', '0', '1', '2', '50.5', '1', '33.3%', '2', '66.7%', '2', '66.7%', '1', '50.0%', '1', '4', '1:0.50']);
  await expect(row('容桂')).toHaveText(['容桂', '1', '1', '0', '0', '0', '1', '1', '59.0', '0', '0.0%', '1', '100.0%', '1', '100.0%', '0', '0.0%', '0', '2', '1:0.00']);
  await expect(row('伦教')).toHaveText(['伦教', '0', '0', '0', '0', '0', '0', '0', '—', '0', '—', '0', '—', '0', '—', '0', '—', '0', '0', '—']);
  // All ten 镇街 shown: the district row is their 合计.
  await expect(row('全区合计')).toHaveText(['全区合计', '3', '4', '0', '2', '0', '2', '3', '53.3', '1', '25.0%', '3', '75.0%', '3', '75.0%', '1', '33.3%', '1', '6', '1:0.33']);

  // The Excel file holds the same table: its 合计 row reads as the page's, cell for cell.
  const xlsx = await exportXlsx(page);
  expect(xlsx.name).toBe('结构分析_2026.06.01.xlsx');
  expect(xlsx.sheets).toEqual(['汇总']);
  expect(xlsx.rows[0][0]).toBe('顺德区村（社区）两委干部结构分析（截至 2026.06.01）');
  expect(xlsx.rows[2]).toEqual(await table.getByRole('columnheader').allInnerTexts());
  expect(xlsx.row('全区合计')).toEqual(await row('全区合计').allInnerTexts());
  expect(xlsx.row('大良')).toEqual(await row('大良').allInnerTexts());
  // Same rows in the same order, ten 镇街 then the 合计, right under the header.
  const labels = await table.locator('tbody tr td:first-child').allInnerTexts();
  expect(labels).toHaveLength(11);
  expect(xlsx.rows.slice(3, 3 + labels.length).map((r) => r[0])).toEqual(labels);
  // The 镇街 column is squeezed by the wide table; the name must stay on one line, not "大\n良".
  const town = (await table.getByRole('button', { name: '大良' }).boundingBox())!;
  expect(town.width).toBeGreaterThan(town.height);

  // The reference date moves everyone's age: a year earlier 何丽娟 is 35.
  await page.getByLabel('年龄计算参考日期').fill('2025.06.01');
  await expect(row('大良')).toHaveText(['大良', '2', '3', '1', '1', '1', '0', '2', '49.5', '1', '33.3%', '2', '66.7%', '2', '66.7%', '1', '50.0%', '1', '4', '1:0.50']);
  await page.getByLabel('年龄计算参考日期').fill('2025.13.01');
  await expect(page.getByText('参考日期月份 13 不存在（应为 1–12）')).toBeVisible();
  await page.getByLabel('年龄计算参考日期').fill('2026.06.01');

  // One town: its own donut, and its row beside the district's.
  await page.getByRole('combobox', { name: '范围' }).click();
  await page.getByRole('option', { name: '大良', exact: true }).click();
  await expect(page.getByRole('heading', { name: '年龄结构（大良，班子 3 人）' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(row('全区')).toHaveText(['全区', '3', '4', '0', '2', '0', '2', '3', '53.3', '1', '25.0%', '3', '75.0%', '3', '75.0%', '1', '33.3%', '1', '6', '1:0.33']);

  const townXlsx = await exportXlsx(page);
  expect(townXlsx.name).toBe('结构分析_大良_2026.06.01.xlsx');
  expect(townXlsx.rows[0][0]).toBe('顺德区村（社区）两委干部结构分析（大良，截至 2026.06.01）');
  expect(townXlsx.rows.slice(3, 5)).toEqual([await row('大良').allInnerTexts(), await row('全区').allInnerTexts()]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('结构分析_大良_2026.06.01.csv');
  const csv = readFileSync((await file.path()), 'utf8');
  expect(csv).toContain('顺德区村（社区）两委干部结构分析（大良，截至 2026.06.01）');
  expect(csv).toContain('年龄按 2026.06.01 计算');
  expect(csv).toContain('\r\n大良,2,3,0,2,0,1,2,50.5,1,33.3%,2,66.7%,2,66.7%,1,50.0%,1,4,1:0.50\r\n');
  expect(csv).toContain('\r\n全区,3,4,0,2,0,2,3,53.3,');

  // From a town's row to its villages.
  await table.getByRole('button', { name: '大良' }).click();
  await expect(page.getByRole('heading', { name: '村居信息' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['大良（2）']);
});

test('结构分析 on an empty vault says what to enter instead of drawing empty charts', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '结构分析');
  await expect(page.getByText('还没有可分析的干部')).toBeVisible();
  // Nothing to put in a report, so no empty workbook either.
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeDisabled();
});

test('create a village through the form, with flags and 活力指数, and see it in its 镇街', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '村居信息');
  await expect(page.getByText('还没有村（社区）')).toBeVisible();
  await page.getByRole('button', { name: '新建村（社区）' }).click();
  const form = page.getByRole('dialog', { name: '新建村（社区）' });

  // Saving without a 镇街 is refused next to the field.
  await form.getByLabel('名称').fill('逢简村');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请选择所属镇街').first()).toBeVisible();

  await form.getByRole('combobox', { name: '所属镇街' }).click();
  await page.getByRole('option', { name: '杏坛' }).click();
  await form.getByLabel('软弱涣散村党组织').check();
  await form.getByLabel('列入年份').fill('2023');
  await form.getByRole('combobox', { name: '示范村' }).click();
  await page.getByRole('option', { name: '市级示范村' }).click();
  await form.getByLabel('红色村').check();
  await form.getByRole('button', { name: '添加一年星级' }).click();
  await form.getByLabel('第1行年度').fill('2025');
  await expect(form.getByText('3 星')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  const group = page.getByRole('table', { name: '杏坛村（社区）' });
  await expect(page.getByRole('heading', { name: '杏坛（1）' })).toBeVisible();
  const cells = group.getByRole('row').filter({ hasText: '逢简村' });
  await expect(cells.getByText('软弱涣散 2023 · 整顿中')).toBeVisible();
  await expect(cells.getByText('市级示范村')).toBeVisible();
  await expect(cells.getByText('红色村')).toBeVisible();
  await expect(cells.getByLabel('2025年活力指数3星')).toBeVisible();

  // A second village of the same name in the same town is refused.
  await page.getByRole('button', { name: '新建村（社区）' }).click();
  const again = page.getByRole('dialog', { name: '新建村（社区）' });
  await again.getByLabel('名称').fill('逢简村');
  await again.getByRole('combobox', { name: '所属镇街' }).click();
  await page.getByRole('option', { name: '杏坛' }).click();
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again.getByRole('alert')).toHaveText('杏坛已有“逢简村”');
});
