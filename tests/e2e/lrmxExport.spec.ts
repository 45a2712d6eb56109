import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

test('导出任免审批表（LRMX） zips one .lrmx per cadre shown, with a 清单', async ({ page, app }) => {
  await createVault(page, app);
  const daliang = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  const ronggui = await api<{ id: string }>(app, 'village.create', { data: { name: '细滘村', townCode: '440606006' } });
  const add = (name: string, sex: string, birth: string, idNumber: string, villageId: string) =>
    api(app, 'cadre.create', {
      data: { name, sex, birth, idNumber, villageId, villagePost: '党组织委员', resume: [{ from: '2010.01', to: '', text: `${name}任村干部` }] },
    });
  await add('陈志强', '男', '1975.03', makeIdNumber(1975, 3, 12, true, 51), daliang.id);
  await add('陈志强', '男', '1980.10', makeIdNumber(1980, 10, 2, true, 52), daliang.id);
  await add('李丽', '女', '1968.07', makeIdNumber(1968, 7, 9, false, 53), daliang.id);
  await add('陈东', '男', '1990.01', makeIdNumber(1990, 1, 5, true, 54), ronggui.id);

  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 4 人（共 4 人）');
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '大良' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 3 人（共 4 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  const shownNames = (await grid.getByRole('row').allInnerTexts()).slice(1).map((t) => t.split(/\s+/)[0]);
  expect(shownNames).toHaveLength(3);

  const actions = page.locator('[data-cadre-list-actions]');
  await actions.getByRole('button', { name: '导出任免审批表（LRMX）' }).click();
  const dialog = page.getByRole('dialog', { name: '导出任免审批表（LRMX）' });
  await expect(dialog.getByTestId('lrmx-export-confirm')).toContainText('将当前列表的 3 人导出为 3 个 .lrmx 任免审批表文件');
  await expect(dialog).toContainText('范围：镇街：大良');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出 3 个文件' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^任免审批表_大良_\d{4}\.\d{2}\.\d{2}_3人\.zip$/);
  await expect(page.getByText(/^已导出 3 份任免审批表到“任免审批表_大良_.*_3人\.zip”$/)).toBeVisible();
  await expect(dialog).toBeHidden();

  const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const lrmx = Object.keys(files).filter((n) => n.endsWith('.lrmx'));
  expect(lrmx).toHaveLength(3);
  expect(Object.keys(files)).toContain('清单.csv');
  // The namesakes get distinct files; everyone outside 大良 is left out.
  expect(new Set(lrmx).size).toBe(3);
  expect(lrmx.filter((n) => n.startsWith('陈志强_'))).toHaveLength(2);
  expect(lrmx.some((n) => n.startsWith('陈东'))).toBe(false);
  for (const name of lrmx) expect(strFromU8(files[name])).toContain('<Person>');
  // The 清单 lists the people in the order the list showed them.
  const manifest = strFromU8(files['清单.csv']).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
  expect(manifest.map((r) => r[1])).toEqual(shownNames);
  expect(manifest.every((r) => r[3] === '金榜社区')).toBe(true);
});

test('导出任免审批表 is disabled in the 回收站', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '干部档案');
  const actions = page.locator('[data-cadre-list-actions]');
  await expect(actions.getByRole('button', { name: '导出任免审批表（LRMX）' })).toBeEnabled();
  await page.getByText('回收站', { exact: true }).click();
  await expect(actions.getByRole('button', { name: '导出任免审批表（LRMX）' })).toBeDisabled();
});
