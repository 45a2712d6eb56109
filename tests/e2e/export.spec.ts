import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

const IDS = {
  chenZq: makeIdNumber(1975, 3, 12, true, 31),
  chenLi: makeIdNumber(1980, 10, 2, false, 32),
  wang: makeIdNumber(1968, 7, 9, true, 33),
  chenDong: makeIdNumber(1990, 1, 5, true, 34),
};

test('导出 Excel on the cadre list exports exactly the rows shown, IDs and dates as text', async ({ page, app }) => {
  await createVault(page, app);
  const daliang = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  const ronggui = await api<{ id: string }>(app, 'village.create', { data: { name: '细滘村', townCode: '440606006' } });
  const add = (name: string, sex: string, birth: string, idNumber: string, villageId: string, extra: object = {}) =>
    api(app, 'cadre.create', { data: { name, sex, birth, idNumber, villageId, villagePost: '党组织委员', ...extra } });
  await add('陈志强', '男', '1975.03', IDS.chenZq, daliang.id, { currentPosition: '=HYPERLINK("http://x")' });
  await add('陈丽', '女', '1980.10', IDS.chenLi, daliang.id);
  await add('王建国', '男', '1968.07', IDS.wang, daliang.id);
  await add('陈东', '男', '1990.01', IDS.chenDong, ronggui.id);

  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 4 人（共 4 人）');
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '大良' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('搜索干部').fill('陈');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 2 人（共 4 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  const shownNames = (await grid.getByRole('row').allInnerTexts()).slice(1).map((t) => t.split(/\s+/)[0]);
  expect([...shownNames].sort()).toEqual(['陈丽', '陈志强']);

  const download = page.waitForEvent('download');
  await page.locator('[data-cadre-list-actions]').getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^干部花名册_\d{8}\.xlsx$/);
  await expect(page.getByText(/^已导出 2 人到“干部花名册_\d{8}\.xlsx”$/)).toBeVisible();

  const wb = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  const ws = wb.Sheets['花名册'];
  const aoa = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
  expect(aoa[0][0]).toBe('顺德区村（社区）干部花名册');
  // The sheet says what it holds: count and the filters in words.
  expect(aoa[1][0]).toContain('共 2 人');
  expect(aoa[1][0]).toContain('范围：镇街：大良；搜索：“陈”');
  const header = aoa[2];
  const col = (label: string) => {
    const i = header.indexOf(label);
    expect(i, `表头“${label}”`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const body = aoa.slice(3).filter((r) => r.some((c) => c !== ''));
  expect(body).toHaveLength(2);
  const byName = new Map(body.map((r) => [r[col('姓名')], r]));
  // Same people, in the order the list shows them.
  expect(body.map((r) => r[col('姓名')])).toEqual(shownNames);
  expect(byName.get('陈志强')![col('出生年月')]).toBe('1975.03');
  expect(byName.get('陈丽')![col('出生年月')]).toBe('1980.10');
  expect(byName.get('陈丽')![col('镇街')]).toBe('大良');
  expect(byName.get('陈丽')![col('所在村（社区）')]).toBe('金榜社区');
  // A formula typed into a field comes out as inert text.
  expect(byName.get('陈志强')![col('现任职务')]).toBe(`'=HYPERLINK("http://x")`);

  // IDs and dates are text cells, so Excel neither rounds the ID nor turns 1980.10 into 1980.1.
  const idCol = col('身份证号码');
  const birthCol = col('出生年月');
  const rowOf = (name: string) => 3 + body.findIndex((r) => r[col('姓名')] === name);
  for (const [name, id, birth] of [['陈志强', IDS.chenZq, '1975.03'], ['陈丽', IDS.chenLi, '1980.10']] as const) {
    const idCell = ws[XLSX.utils.encode_cell({ r: rowOf(name), c: idCol })] as XLSX.CellObject;
    expect(idCell).toMatchObject({ t: 's', v: id });
    const birthCell = ws[XLSX.utils.encode_cell({ r: rowOf(name), c: birthCol })] as XLSX.CellObject;
    expect(birthCell).toMatchObject({ t: 's', v: birth });
  }
});

test('导出 Excel is disabled in the 回收站', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '干部档案');
  const actions = page.locator('[data-cadre-list-actions]');
  await expect(actions.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  await page.getByText('回收站', { exact: true }).click();
  await expect(actions.getByRole('button', { name: '导出 Excel' })).toBeDisabled();
});
