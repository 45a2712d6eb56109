import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

function idFor(birth: string, male: boolean, n: number): string {
  const [y, m] = birth.split('.');
  const first17 = `440606${y}${m}15${String(n * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

test('bulk add villages, see them grouped by 镇街, open one with its 班子, delete and restore', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '村居信息');
  await page.getByRole('button', { name: '批量添加' }).click();
  const dialog = page.getByRole('dialog', { name: '批量添加村（社区）' });
  const box = dialog.getByLabel('每行一个：镇街 名称 类型');

  // A bad line blocks the whole paste and is named.
  await box.fill('杏坛 逢简村 村\n佛山 某某村\n乐从 水藤村\n大良 金榜社区');
  await expect(dialog.getByText('第 2 行：镇街“佛山”不是顺德区的十个镇街之一')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^添加/ })).toBeDisabled();
  await box.fill('杏坛 逢简村 村\n乐从 水藤村\n大良 金榜社区');
  await expect(dialog.getByText('将添加 3 个：杏坛·逢简村（村）、乐从·水藤村（村）、大良·金榜社区（社区）')).toBeVisible();
  await dialog.getByRole('button', { name: '添加 3 个' }).click();
  await expect(dialog).toBeHidden();

  // Grouped in the fixed order of the ten 镇街.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['大良（1）', '乐从（1）', '杏坛（1）']);
  await expect(page.getByText('共 3 个村（社区）')).toBeVisible();

  // Team members come from the cadre files that point at the village.
  const villages = await api<Array<{ id: string; name: string }>>(app, 'village.list', { deleted: false });
  const fengjian = villages.find((v) => v.name === '逢简村')!;
  await api(app, 'cadre.create', { data: { name: '梁国良', sex: '男', birth: '1970.05', idNumber: idFor('1970.05', true, 1), villageId: fengjian.id, villagePost: '党组织书记', politicalStatus: '中共党员' } });
  await api(app, 'cadre.create', { data: { name: '何丽娟', sex: '女', birth: '1990.06', idNumber: idFor('1990.06', false, 2), villageId: fengjian.id, villagePost: '村委会委员' } });
  await api(app, 'cadre.create', { data: { name: '苏婉婷', sex: '女', birth: '1995.01', idNumber: idFor('1995.01', false, 3), villageId: fengjian.id, villagePost: '后备干部' } });
  await page.reload();
  const row = page.getByRole('table', { name: '杏坛村（社区）' }).getByRole('row').filter({ hasText: '逢简村' });
  await expect(row.getByRole('cell')).toHaveText(['逢简村', '村', '一般', '', '未评定', '梁国良', '2', '1', '编辑删除']);

  // Filter by town via the 镇街 select.
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '乐从', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['乐从（1）']);
  await expect(page.getByText('共 1 个村（社区）（全部 3 个）')).toBeVisible();
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '全部镇街' }).click();

  await row.getByRole('button', { name: '逢简村' }).click();
  await expect(page.getByRole('heading', { name: '逢简村', level: 1 })).toBeVisible();
  const team = page.getByRole('table', { name: '班子成员' });
  await expect(team.getByRole('row')).toHaveCount(3); // header + 书记 + 委员
  await expect(team.getByRole('row').nth(1).getByRole('cell')).toHaveText(['梁国良', '党组织书记', '男', /^1970\.05（\d+岁）$/, '—', '中共党员', '—']);
  await expect(page.getByRole('table', { name: '后备干部及其他人员' }).getByText('苏婉婷')).toBeVisible();

  // Soft delete to the 回收站, warned about the team, and back.
  await page.getByRole('button', { name: '← 村居信息' }).click();
  await page.getByRole('combobox', { name: '镇街' }).click();
  await page.getByRole('option', { name: '全部镇街' }).click();
  await page.getByRole('table', { name: '杏坛村（社区）' }).getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '移入回收站' });
  await expect(confirm.getByText(/登记有 2 名班子成员/)).toBeVisible();
  await confirm.getByRole('button', { name: '移入回收站' }).click();
  await expect(page.getByText('共 2 个村（社区）')).toBeVisible();
  await page.getByText('回收站', { exact: true }).click();
  await expect(page.getByText('回收站中 1 个村（社区）')).toBeVisible();
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('回收站中 0 个村（社区）')).toBeVisible();
  await page.getByText('在用', { exact: true }).click();
  await expect(page.getByText('共 3 个村（社区）')).toBeVisible();
});

test('载入示例数据 from 设置 fills an empty vault, marks it 示例, and can be cleared', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '设置');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  await expect(page.getByText('示例数据 · 仅供演示，非真实人员信息')).toBeVisible({ timeout: 30_000 });

  await openModule(page, '村居信息');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(10);
  await expect(page.getByText('跨村任职试点').first()).toBeVisible();
  await openModule(page, '结构分析');
  await expect(page.getByRole('heading', { name: /^年龄结构（全区，班子 \d+ 人）$/ })).toBeVisible();

  // Once a real record exists nothing more can be mixed in; clearing keeps it.
  await api(app, 'village.create', { data: { name: '真实村', townCode: '440606105' } });
  await openModule(page, '设置');
  await page.getByRole('button', { name: '清除示例数据' }).click();
  await page.getByRole('dialog', { name: '清除示例数据' }).getByRole('button', { name: '清除' }).click();
  await expect(page.getByText('示例数据 · 仅供演示，非真实人员信息')).toBeHidden();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  await expect(page.getByRole('dialog', { name: '载入示例数据' }).getByRole('alert')).toContainText('档案库中已有 1 条正式记录，不能再载入示例数据');
  const left = await api<Array<{ name: string }>>(app, 'village.list', { deleted: false });
  expect(left.map((v) => v.name)).toEqual(['真实村']);
});

test('edit a village: 活力指数 per year and 整顿 status, shown on the list and the village page', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '马东村', townCode: '440606006', strength: '弱', weakLax: { year: 2023, status: '整顿中' }, vitality: [{ year: 2024, stars: 2 }] } });
  await openModule(page, '村居信息');
  const row = page.getByRole('table', { name: '容桂村（社区）' }).getByRole('row').filter({ hasText: '马东村' });
  await expect(row.getByLabel('2024年活力指数2星')).toBeVisible();
  await row.getByRole('button', { name: '编辑' }).click();

  const form = page.getByRole('dialog', { name: '编辑村（社区）：马东村' });
  await form.getByRole('button', { name: '添加一年星级' }).click();
  await expect(form.getByLabel('第2行年度')).toHaveValue('2025');
  // Click the fifth star (the radio itself is visually hidden behind its star label).
  const fifth = await form.getByLabel('2025年星级').getByRole('radio', { name: '5' }).getAttribute('id');
  await form.locator(`label[for="${fifth}"]`).click();
  await expect(form.getByText('5 星')).toBeVisible();
  await form.getByRole('combobox', { name: '整顿情况' }).click();
  await page.getByRole('option', { name: '已整顿' }).click();
  // The same year twice is refused before saving.
  await form.getByRole('button', { name: '添加一年星级' }).click();
  await form.getByLabel('第3行年度').fill('2024');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('活力指数 2024 年填了两次')).toBeVisible();
  await form.getByRole('button', { name: '删除2024年星级' }).last().click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  await expect(row.getByLabel('2025年活力指数5星')).toBeVisible();
  await expect(row.getByText('软弱涣散 2023 · 已整顿')).toBeVisible();
  await row.getByRole('button', { name: '马东村' }).click();
  await expect(page.getByText('2024').locator('..')).toContainText('2 星');
  await expect(page.getByText('2025').locator('..')).toContainText('5 星');
  // The village's own history, newest first, names what changed.
  await expect(page.getByRole('table', { name: '修改记录' }).getByRole('row').nth(1)).toContainText('李组织修改村（社区）：容桂马东村（改了：软弱涣散、活力指数）');
  await expect(page.getByRole('table', { name: '修改记录' }).getByRole('row').nth(2)).toContainText('新建村（社区）：容桂马东村');
});
