/**
 * Empty and waiting states (issue 19 item 5): a list with nothing in it yet says what to do to fill it, and a search or
 * filter that matches nobody says so and offers 清除筛选, which brings the list back.
 */
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

test('every list says what to do when it is empty, and a search with no match offers 清除筛选', async ({ page, app }) => {
  test.setTimeout(200_000);
  await createVault(page, app);
  const firstUse: Array<[module: string, title: string]> = [
    ['干部档案', '还没有干部档案'],
    ['村居信息', '还没有村（社区）'],
    ['书记跟班', '还没有跟班期次'],
    ['智库结对', '还没有智库专家'],
    ['跨村任职', '还没有跨村任职试点'],
    ['村居结对', '还没有村居结对'],
  ];
  for (const [module, title] of firstUse) {
    await openModule(page, module);
    await expect(page.getByRole('main').getByText(title)).toBeVisible();
  }
  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '导入批次' }).click();
  await expect(page.getByText(/还没有导入过。.*选择文件导入后/)).toBeVisible();

  const village = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  await api(app, 'cadre.create', { data: { name: '王建国', sex: '男', birth: '1968.07', idNumber: makeIdNumber(1968, 7, 10, true, 41), villageId: village.id, villagePost: '党组织委员' } });
  await api(app, 'cadre.create', { data: { name: '李华', sex: '女', birth: '1985.05', idNumber: makeIdNumber(1985, 5, 10, false, 42), villageId: village.id, villagePost: '党组织委员' } });

  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toContainText('显示 2 人');
  await page.getByRole('textbox', { name: '搜索干部' }).fill('zzq');
  const none = page.getByTestId('no-match');
  await expect(none).toContainText('没有符合条件的干部');
  await none.getByRole('button', { name: '清除筛选' }).click();
  await expect(none).toBeHidden();
  await expect(page.getByRole('textbox', { name: '搜索干部' })).toHaveValue('');
  await expect(page.getByTestId('cadre-count')).toContainText('显示 2 人');

  await openModule(page, '村居信息');
  await page.getByRole('textbox', { name: '名称' }).fill('不存在');
  await expect(page.getByTestId('no-match')).toContainText('没有符合条件的村（社区）');
  await page.getByTestId('no-match').getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByRole('table', { name: '大良村（社区）' })).toContainText('金榜社区');
});
