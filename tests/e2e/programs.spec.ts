import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, test, lookAt } from './fixtures.js';

/** Picks an option in a Mantine Select/MultiSelect found by its label. */
async function pick(page: Page, label: string | RegExp, option: string | RegExp, scope = page.getByRole('dialog')) {
  const exact = typeof label === 'string';
  await scope.getByRole('combobox', { name: label, exact }).or(scope.getByRole('textbox', { name: label, exact })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

test('书记跟班: batch with two hosts, place a cadre, overlapping placement refused with its reason, 结业 with evaluation', async ({ page, app }) => {
  await createVault(page, app);
  const strong = await api<{ id: string }>(app, 'village.create', { data: { name: '水藤村', townCode: '440606105', strength: '强' } });
  const home = await api<{ id: string }>(app, 'village.create', { data: { name: '光华村', townCode: '440606005' } });
  await api(app, 'cadre.create', { data: { name: '梁志强', sex: '男', birth: '1970.01', idNumber: makeIdNumber(1970, 1, 15, true, 1), villageId: strong.id, villagePost: '党组织书记' } });
  await api(app, 'cadre.create', { data: { name: '陈建国', sex: '男', birth: '1980.05', idNumber: makeIdNumber(1980, 5, 12, true, 2), villageId: home.id, villagePost: '村委会委员' } });

  await openModule(page, '书记跟班');
  await page.getByRole('button', { name: '新建期次' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('期次名称').fill('2023年第一期');
  await dialog.getByLabel('开始日期').fill('2023.4.1');
  await dialog.getByLabel('结束日期').fill('2023-06-30');
  await dialog.getByLabel('期次名称').click(); // blur: dates are normalised as officials write them
  await expect(dialog.getByLabel('开始日期')).toHaveValue('2023.04.01');
  await expect(dialog.getByLabel('结束日期')).toHaveValue('2023.06.30');

  await pick(page, '跟班村（社区）1', /水藤村/);
  // The host village's 书记 becomes the mentor.
  await expect(dialog.getByLabel('导师（档案中的干部）').first()).toHaveValue(/梁志强/);
  await dialog.getByRole('button', { name: '添加跟班单位' }).click();
  const second = dialog.getByTestId('host-row').nth(1);
  await second.getByText('镇街部门').click();
  await pick(page, '镇街', '大良', second);
  await second.getByLabel('部门2').fill('组织');
  await second.getByLabel('或导师姓名').fill('黄科长');
  await dialog.getByRole('button', { name: '保存期次' }).click();

  await expect(page.getByRole('heading', { name: '2023年第一期' })).toBeVisible();
  await expect(page.getByText('2023.04.01–2023.06.30 · 2 个跟班单位 · 已安排 0/4 人')).toBeVisible();
  await expect(page.getByRole('row', { name: '水藤村 村（社区） 梁志强 0 / 2' })).toBeVisible();
  await expect(page.getByRole('row', { name: '大良组织 镇街部门 黄科长 0 / 2' })).toBeVisible();

  await page.getByRole('button', { name: '安排干部' }).click();
  await pick(page, '跟班干部', /陈建国/);
  await pick(page, '跟班单位', /水藤村/);
  await dialog.getByRole('button', { name: '保存安排' }).click();
  const table = page.getByTestId('placements-table');
  await expect(table.getByRole('row', { name: /陈建国.*光华村.*水藤村.*2023\.04\.01–2023\.06\.30.*计划/ })).toBeVisible();
  await expect(page.getByTestId('placement-timeline').getByText('陈建国')).toBeVisible();

  // A second batch overlapping the first by one month.
  const b2 = await api<{ record: { id: string } }>(app, 'shadow.batchCreate', {
    data: { name: '2023年第二期', year: 2023, start: '2023.06.01', end: '2023.08.31', hosts: [{ kind: '镇街部门', townCode: '440606105', department: '农业', mentorName: '罗主任', capacity: 3 }] },
  });
  await page.getByText('← 全部期次').click();
  await expect(page.getByTestId('batch-table').getByRole('row', { name: /2023年第一期 2023 2023\.04\.01–2023\.06\.30 水藤村、大良组织 1 \/ 4/ })).toBeVisible();
  await page.getByTestId('batch-table').getByText('2023年第二期').click();
  await expect(page.getByRole('heading', { name: '2023年第二期' })).toBeVisible();
  await page.getByRole('button', { name: '安排干部' }).click();
  await pick(page, '跟班干部', /陈建国/);
  const refusal = dialog.getByRole('alert').filter({ hasText: '不能保存' });
  await expect(refusal).toContainText('陈建国 已在“2023年第一期”（水藤村）跟班（2023.04.01–2023.06.30），与本次 2023.06.01–2023.08.31 时间重叠');
  await expect(dialog.getByRole('button', { name: '保存安排' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('placements-table').getByRole('row')).toHaveCount(1); // header only
  // The server refuses it too, whatever the page does.
  await expect(api(app, 'shadow.placementCreate', { data: { batchId: b2.record.id, hostKey: 'x', cadreId: 'y' } })).rejects.toThrow();

  // Finish the first placement with an evaluation.
  await page.getByText('← 全部期次').click();
  await page.getByTestId('batch-table').getByText('2023年第一期').click();
  await page.getByRole('button', { name: '陈建国 的操作' }).click();
  await page.getByRole('menuitem', { name: '到岗' }).click();
  await expect(table.getByRole('row', { name: /陈建国.*在岗/ })).toBeVisible();
  await page.getByRole('button', { name: '陈建国 的操作' }).click();
  await page.getByRole('menuitem', { name: '结业评价' }).click();
  await dialog.getByText('优秀').click();
  await dialog.getByLabel('导师评语').fill('学习认真，主动参与股份社换届工作');
  await dialog.getByLabel('心得体会').fill('学到了集体经济物业管理的经验');
  await dialog.getByLabel(/附件/).fill('跟班心得.docx');
  await dialog.getByLabel(/附件/).press('Enter');
  await dialog.getByRole('button', { name: '确认结业' }).click();
  await expect(table.getByRole('row', { name: /陈建国.*结业.*优秀/ })).toBeVisible();
  await expect(dialog).toBeHidden();
  await lookAt(page, 'shadow-batch', { fullPage: true });

  // The roster downloads as Excel with the ID number kept as text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出花名册' }).click()]);
  expect(download.suggestedFilename()).toBe('2023年第一期-跟班花名册.xlsx');
  const sheet = XLSX.read(readFileSync(await download.path())).Sheets['跟班花名册'];
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
  expect(rows[2].slice(1, 5)).toEqual(['陈建国', '男', '1980.05', makeIdNumber(1980, 5, 12, true, 2)]);
  expect(sheet['E3'].t).toBe('s');

  const history = await api<{ placements: { status: string; evaluation: { grade: string; attachments: string[] } }[] }>(app, 'programs.cadreHistory', {
    cadreId: (await api<{ id: string; name: string }[]>(app, 'cadre.list', { deleted: false })).find((c) => c.name === '陈建国')!.id,
  });
  expect(history.placements.map((p) => [p.status, p.evaluation.grade, p.evaluation.attachments])).toEqual([['结业', '优秀', ['跟班心得.docx']]]);
});

test('智库结对: a 多对一 pair and an activity in its log', async ({ page, app }) => {
  await createVault(page, app);
  const home = await api<{ id: string }>(app, 'village.create', { data: { name: '光华村', townCode: '440606005' } });
  await api(app, 'cadre.create', { data: { name: '陈建国', sex: '男', birth: '1980.05', idNumber: makeIdNumber(1980, 5, 12, true, 2), villageId: home.id } });
  await api(app, 'mentoring.expertCreate', { data: { name: '王教授', unit: '华南农业大学', fields: ['乡村振兴'], joined: '2023.01' } });
  await api(app, 'mentoring.expertCreate', { data: { name: '赵律师', unit: '顺德律师协会', fields: ['法律'], joined: '2023.01' } });

  await openModule(page, '智库结对');
  await page.getByRole('button', { name: '新建结对' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('多对一').click();
  await pick(page, '结对专家（两位及以上）', /王教授/);
  await pick(page, '结对专家（两位及以上）', /赵律师/);
  await pick(page, '结对干部', /陈建国/);
  await dialog.getByLabel('开始时间').fill('2023.04');
  await dialog.getByLabel('结对目标').fill('提升集体经济发展能力');
  await dialog.getByRole('button', { name: '保存结对' }).click();
  await expect(dialog).toBeHidden();

  const pairs = page.getByTestId('pair-table');
  await expect(pairs.getByRole('row', { name: /多对一.*王教授、赵律师.*陈建国.*大良.*2023\.04–至今.*0 次/ }).first()).toBeVisible();
  await pairs.getByText('陈建国').first().click();

  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('活动日期').fill('2023.05.10');
  await pick(page, '形式', '实地指导', drawer);
  await drawer.getByLabel('时长（小时）').fill('3');
  await drawer.getByLabel('活动内容').fill('走访村集体物业，研究招商方案');
  await drawer.getByLabel('成效').fill('形成物业升级改造计划');
  await drawer.getByRole('button', { name: '记录活动' }).click();
  await expect(drawer.getByTestId('activity-table').getByRole('row', { name: /2023\.05\.10.*实地指导.*3 小时.*走访村集体物业/ })).toBeVisible();
  await expect(drawer.getByText('活动记录（1 次，共 3 小时）')).toBeVisible();
  await lookAt(page, 'mentoring-pair', { fullPage: true });

  // Edit the activity in place: a date before the pair began is saved with a warning.
  await drawer.getByRole('button', { name: '修改 2023.05.10 的活动' }).click();
  const form = drawer.getByTestId('activity-form');
  await expect(form).toContainText('修改活动：2023.05.10 实地指导');
  await expect(form.getByLabel('活动内容')).toHaveValue('走访村集体物业，研究招商方案');
  await form.getByLabel('活动日期').fill('2023.3.28');
  await form.getByLabel('时长（小时）').fill('4.5');
  await form.getByLabel('成效').fill('形成物业升级改造计划，报镇审批');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '活动日期 2023.03.28 不在结对期限 2023.04–至今 内' })).toBeVisible();
  const activities = drawer.getByTestId('activity-table');
  await expect(activities.getByRole('row', { name: /2023\.03\.28.*实地指导.*4\.5 小时.*走访村集体物业.*报镇审批/ })).toBeVisible();
  await expect(activities.getByRole('row')).toHaveCount(2); // header + the one edited, none added
  await expect(drawer.getByText('活动记录（1 次，共 4.5 小时）')).toBeVisible();
  await expect(form.getByRole('button', { name: '记录活动' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '年度汇总' }).click();
  await expect(page.getByTestId('mentoring-summary').getByRole('row', { name: '2023 1 1 4.5' })).toBeVisible();
});

test('智库结对: edit an expert, and 退出智库 refused while a pair runs past the date, then recorded', async ({ page, app }) => {
  await createVault(page, app);
  const home = await api<{ id: string }>(app, 'village.create', { data: { name: '光华村', townCode: '440606005' } });
  const chen = await api<{ id: string }>(app, 'cadre.create', { data: { name: '陈建国', sex: '男', birth: '1980.05', idNumber: makeIdNumber(1980, 5, 12, true, 2), villageId: home.id } });
  const wang = await api<{ id: string }>(app, 'mentoring.expertCreate', { data: { name: '王教授', unit: '华南农业大学', fields: ['乡村振兴'], joined: '2023.01' } });
  const pair = await api<{ record: { id: string } }>(app, 'mentoring.pairCreate', { data: { kind: '一对一', expertIds: [wang.id], cadreId: chen.id, start: '2023.04' } });

  await openModule(page, '智库结对');
  await page.getByRole('tab', { name: '智库专家' }).click();
  const experts = page.getByTestId('expert-table');
  const row = experts.getByRole('row', { name: /王教授/ });
  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑专家：王教授' });
  await expect(dialog.getByLabel('单位')).toHaveValue('华南农业大学');
  await dialog.getByLabel('单位').fill('广东省农业科学院');
  await dialog.getByLabel('职称/职务').fill('研究员');
  await dialog.getByLabel('联系电话').fill('020-8888 1234');
  await dialog.getByRole('button', { name: '保存专家' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('广东省农业科学院');
  await expect(row).toContainText('研究员');
  await expect(row).toContainText('020-8888 1234');
  await expect(row).toContainText('2023.01–至今');
  await expect(row).toContainText('1 / 3');

  // Leaving while the pair runs on is refused with the pair named.
  await row.getByRole('button', { name: '退出智库' }).click();
  const leave = page.getByRole('dialog', { name: '退出智库：王教授' });
  await leave.getByLabel('退出时间').fill('2024.06');
  await leave.getByLabel('原因').fill('工作调动');
  await leave.getByRole('button', { name: '确认退出' }).click();
  await expect(leave.getByRole('alert')).toHaveText('王教授 还有 1 个进行中且超过 2024.06 的结对（王教授—陈建国），请先结束这些结对或调整其中的专家');
  await leave.getByRole('button', { name: '取消' }).click();
  await expect(row).toContainText('2023.01–至今');

  await api(app, 'mentoring.pairClose', { id: pair.record.id, status: '已结束', date: '2024.05', reason: '目标完成' });
  // Leave the module and come back so the list is read afresh.
  await openModule(page, '村居结对');
  await openModule(page, '智库结对');
  await page.getByRole('tab', { name: '智库专家' }).click();
  await row.getByRole('button', { name: '退出智库' }).click();
  await leave.getByLabel('退出时间').fill('2024.06');
  await leave.getByLabel('原因').fill('工作调动');
  await leave.getByRole('button', { name: '确认退出' }).click();
  await expect(leave).toBeHidden();
  await expect(row).toContainText('2023.01–2024.06');
  await expect(row).toContainText('工作调动');
  await expect(row).toContainText('0 / 3');
  await expect(row.getByRole('button', { name: '退出智库' })).toHaveCount(0);

  const list = await api<{ name: string; unit: string; title: string; phone: string; left: string; leftReason: string }[]>(app, 'mentoring.expertList', { deleted: false });
  expect(list).toMatchObject([{ name: '王教授', unit: '广东省农业科学院', title: '研究员', phone: '020-8888 1234', left: '2024.06', leftReason: '工作调动' }]);
});

test('村居结对: a village cannot pair with itself; pairs formed per year against an editable target', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '马东村', townCode: '440606105', strength: '弱' } });
  await api(app, 'village.create', { data: { name: '水藤村', townCode: '440606105', strength: '强' } });

  await openModule(page, '村居结对');
  const summary = page.getByTestId('village-pair-summary');
  await expect(summary.getByRole('row', { name: '2023 0 10 0%' })).toBeVisible();

  await page.getByRole('button', { name: '新建结对' }).click();
  const dialog = page.getByRole('dialog');
  await pick(page, '被帮扶村（社区）', /马东村/);
  await pick(page, '帮扶村（社区）', /马东村/);
  await dialog.getByLabel('结对年度').fill('2023');
  await expect(dialog.getByRole('alert').filter({ hasText: '不能保存' })).toContainText('马东村 不能与自己结对，帮扶方应是另一个村（社区）');
  await expect(dialog.getByRole('button', { name: '保存结对' })).toBeDisabled();
  await pick(page, '帮扶村（社区）', /水藤村/);
  await expect(dialog.getByRole('alert')).toBeHidden();
  await dialog.getByLabel('结对目标').fill('发展集体物业经济');
  await dialog.getByRole('button', { name: '保存结对' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('village-pair-table').getByRole('row', { name: /马东村 杏坛 水藤村 2023 发展集体物业经济 0 次/ })).toBeVisible();
  await expect(summary.getByRole('row', { name: '2023 1 10 10% 1' })).toBeVisible();

  await page.getByRole('textbox', { name: '年度' }).fill('2023');
  await page.getByLabel('目标（对）').fill('12');
  await page.getByRole('button', { name: '保存目标' }).click();
  await expect(summary.getByRole('row', { name: '2023 1 12 8% 1' })).toBeVisible();
  await lookAt(page, 'village-pairs', { fullPage: true });
});

test('书记跟班: import a batch roster, rows with problems listed by row number', async ({ page, app }) => {
  await createVault(page, app);
  const strong = await api<{ id: string }>(app, 'village.create', { data: { name: '水藤村', townCode: '440606105', strength: '强' } });
  const home = await api<{ id: string }>(app, 'village.create', { data: { name: '光华村', townCode: '440606005' } });
  const chenId = makeIdNumber(1980, 5, 12, true, 2);
  await api(app, 'cadre.create', { data: { name: '陈建国', sex: '男', birth: '1980.05', idNumber: chenId, villageId: home.id } });
  await api(app, 'cadre.create', { data: { name: '何俊杰', sex: '男', birth: '1985.01', idNumber: makeIdNumber(1985, 1, 3, true, 3), villageId: strong.id } });
  await api(app, 'shadow.batchCreate', { data: { name: '2024年第一期', year: 2024, start: '2024.03.01', end: '2024.05.31', hosts: [{ kind: '村（社区）', villageId: strong.id, mentorName: '梁书记', capacity: 2 }] } });

  const ws = XLSX.utils.aoa_to_sheet([
    ['序号', '姓名', '身份证号码', '跟班单位', '跟班目标'],
    [1, '陈建国', chenId, '水藤村', '学习集体经济管理'],
    [2, '何俊杰', '', '水藤村', ''],
    [3, '黄家豪', '', '水藤村', ''],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

  await openModule(page, '书记跟班');
  await page.getByTestId('batch-table').getByText('2024年第一期').click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({ name: '跟班名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const preview = dialog.getByTestId('roster-preview');
  await expect(preview.getByRole('row', { name: /^2 陈建国 水藤村 2024\.03\.01–2024\.05\.31 可导入$/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /^3 何俊杰/ })).toContainText('第 3 行：水藤村 是 何俊杰 本人所在的村（社区）');
  await expect(preview.getByRole('row', { name: /^4 黄家豪/ })).toContainText('第 4 行：干部档案中没有“黄家豪”，请先建档');
  await dialog.getByRole('button', { name: '导入 1 人' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('placements-table').getByRole('row', { name: /陈建国.*水藤村.*2024\.03\.01–2024\.05\.31.*计划/ })).toBeVisible();
  await expect(page.getByTestId('placements-table').getByRole('row')).toHaveCount(2);
});
