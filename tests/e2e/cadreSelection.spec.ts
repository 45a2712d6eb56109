import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, PASSWORD, test, type AppFixture } from './fixtures.js';

async function seed(app: AppFixture) {
  const daliang = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  const ronggui = await api<{ id: string }>(app, 'village.create', { data: { name: '细滘村', townCode: '440606006' } });
  const people: Array<[string, string, number, boolean, string]> = [
    ['陈志强', '1975.03', 1975, true, daliang.id],
    ['陈丽', '1980.10', 1980, false, daliang.id],
    ['王建国', '1968.07', 1968, true, daliang.id],
    ['陈东', '1990.01', 1990, true, ronggui.id],
    ['李华', '1985.05', 1985, false, ronggui.id],
    ['黄明', '1979.11', 1979, true, ronggui.id],
  ];
  let seq = 41;
  for (const [name, birth, year, male, villageId] of people) {
    const month = Number(birth.slice(5));
    await api(app, 'cadre.create', {
      data: { name, sex: male ? '男' : '女', birth, idNumber: makeIdNumber(year, month, 10, male, seq++), villageId, villagePost: '党组织委员' },
    });
  }
}

/** The 姓名 column of the downloaded 花名册, body rows only, and its 范围 line. */
async function exportedNames(file: Download): Promise<{ names: string[]; scope: string }> {
  const wb = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  const aoa = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['花名册'], { header: 1, raw: false, defval: '' });
  const nameCol = aoa[2].indexOf('姓名');
  return { names: aoa.slice(3).filter((r) => r.some((c) => c !== '')).map((r) => r[nameCol]), scope: aoa[1][0] };
}

async function exportExcel(page: Page, label: string) {
  const download = page.waitForEvent('download');
  await page.locator('[data-cadre-list-actions]').getByRole('button', { name: label, exact: true }).click();
  return exportedNames(await download);
}

test('tick cadres by click, Space and Shift+click; 导出 Excel takes just them, hidden ones included', async ({ page, app }) => {
  await createVault(page, app);
  await seed(app);
  await openModule(page, '干部档案');
  const count = page.getByTestId('cadre-count');
  await expect(count).toHaveText('显示 6 人（共 6 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  const bar = page.getByTestId('cadre-selection-bar');
  const actions = page.locator('[data-cadre-list-actions]');
  const listOrder = (await grid.getByRole('row').allInnerTexts()).slice(1).map((t) => t.split(/\s+/)[0]);
  expect([...listOrder].sort()).toEqual(['李华', '王建国', '陈东', '陈丽', '陈志强', '黄明'].sort());

  // Space in the search box still types a space.
  const search = page.getByLabel('搜索干部');
  await search.fill('陈');
  await search.press('Space');
  await expect(search).toHaveValue('陈 ');
  await search.fill('');
  await expect(bar).toHaveCount(0);

  // Two by click.
  await page.getByRole('checkbox', { name: '选择 王建国' }).click();
  await page.getByRole('checkbox', { name: '选择 陈东' }).click();
  await expect(bar).toContainText('已选 2 人');

  // One by the keyboard: the cursor moves with ↑↓ and Space ticks the row under it.
  await grid.getByRole('row').filter({ hasText: '李华' }).getByRole('gridcell').nth(2).click();
  const liIndex = listOrder.indexOf('李华');
  const below = listOrder[liIndex + 1] ?? listOrder[liIndex - 1];
  await page.keyboard.press(liIndex + 1 < listOrder.length ? 'ArrowDown' : 'ArrowUp');
  await expect(grid.locator('[aria-selected="true"]')).toContainText(below);
  await page.keyboard.press(liIndex + 1 < listOrder.length ? 'ArrowUp' : 'ArrowDown');
  await expect(grid.locator('[aria-selected="true"]')).toContainText('李华');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: '选择 李华' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '选择 陈丽' })).not.toBeChecked();

  await expect(bar).toContainText('已选 3 人');
  await expect(bar).not.toContainText('不在当前列表中');
  const header = page.getByRole('checkbox', { name: '选择当前列表全部 6 人' });
  expect(await header.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
  await expect(actions.getByRole('button', { name: '导出 Excel（已选 3 人）' })).toBeVisible();
  await expect(actions.getByRole('button', { name: '导出任免审批表（LRMX）（已选 3 人）' })).toBeVisible();
  await expect(actions.getByRole('button', { name: '批量打印审批表（已选 3 人）' })).toBeVisible();

  const picked = ['王建国', '陈东', '李华'];
  const inListOrder = listOrder.filter((n) => picked.includes(n));
  let sheet = await exportExcel(page, '导出 Excel（已选 3 人）');
  expect(sheet.names).toEqual(inListOrder);
  expect(sheet.scope).toContain('共 3 人');
  expect(sheet.scope).toContain('已选 3 人');

  // A filter to 大良 hides 陈东 and 李华 (容桂): they stay selected, the bar says so, and the export still has them.
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '大良' }).click();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('显示 3 人（共 6 人）');
  await expect(bar).toContainText('已选 3 人（其中 2 人不在当前列表中）');
  await expect(bar).toContainText('含不在当前列表中的');
  sheet = await exportExcel(page, '导出 Excel（已选 3 人）');
  expect(sheet.names).toEqual(inListOrder);

  // The other two actions read the same decision.
  await actions.getByRole('button', { name: '导出任免审批表（LRMX）（已选 3 人）' }).click();
  const lrmx = page.getByRole('dialog', { name: '导出任免审批表（LRMX）' });
  await expect(lrmx.getByTestId('lrmx-export-confirm')).toHaveText(/^将已选的 3 人导出为 3 个 \.lrmx/);
  await expect(lrmx).toContainText('范围：已选 3 人');
  await lrmx.getByRole('button', { name: '取消' }).click();
  await actions.getByRole('button', { name: '批量打印审批表（已选 3 人）' }).click();
  const chooser = page.getByRole('dialog', { name: '批量打印干部任免审批表' });
  await expect(chooser).toContainText('从已选人员中选择（已选 3 人）');
  const offered = await chooser.getByRole('checkbox').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  expect(offered).toEqual(inListOrder);
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);

  // The header checkbox ticks the 3 shown, leaving the hidden ticks alone; again unticks just them.
  await page.getByRole('checkbox', { name: '选择当前列表全部 3 人' }).click();
  await expect(bar).toContainText('已选 5 人（其中 2 人不在当前列表中）');
  await page.getByRole('checkbox', { name: '选择当前列表全部 3 人' }).click();
  await expect(bar).toContainText('已选 2 人（其中 2 人不在当前列表中）');

  // 清除选择: the actions are back to the whole shown list.
  await bar.getByRole('button', { name: '清除选择' }).click();
  await expect(bar).toHaveCount(0);
  await expect(actions.getByRole('button', { name: '导出 Excel', exact: true })).toBeVisible();
  sheet = await exportExcel(page, '导出 Excel');
  expect([...sheet.names].sort()).toEqual(['王建国', '陈丽', '陈志强'].sort());
});

test('Shift+click ticks a range; switching to 回收站 and locking clear the selection', async ({ page, app }) => {
  await createVault(page, app);
  await seed(app);
  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 6 人（共 6 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  const bar = page.getByTestId('cadre-selection-bar');
  const boxes = grid.getByRole('checkbox', { name: /^选择 / });
  await boxes.nth(1).click();
  await boxes.nth(4).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('已选 4 人');
  for (const i of [1, 2, 3, 4]) await expect(boxes.nth(i)).toBeChecked();
  for (const i of [0, 5]) await expect(boxes.nth(i)).not.toBeChecked();
  // Shift on a ticked row unticks the range back to it.
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('已选 1 人');

  // All shown, then 回收站 and back: gone.
  await page.getByRole('checkbox', { name: '选择当前列表全部 6 人' }).click();
  await expect(bar).toContainText('已选 6 人');
  await page.getByText('回收站', { exact: true }).click();
  await expect(page.getByTestId('cadre-count')).toContainText('回收站');
  await expect(grid.getByRole('checkbox')).toHaveCount(0);
  await page.getByText('在册档案', { exact: true }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 6 人（共 6 人）');
  await expect(bar).toHaveCount(0);

  // After a click on a box, ↓ and Space tick the next row (the box does not keep the focus).
  await boxes.nth(0).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(bar).toContainText('已选 2 人');
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();

  // Locking clears it too.
  await expect(bar).toContainText('已选 2 人');
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 6 人（共 6 人）');
  await expect(bar).toHaveCount(0);
  await expect(page.locator('[data-cadre-list-actions]').getByRole('button', { name: '导出 Excel', exact: true })).toBeVisible();
});
