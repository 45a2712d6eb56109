import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, test, type AppFixture, lookAt } from './fixtures.js';

let seq = 20;
function idFor(birth: string): string {
  seq += 2;
  const first17 = `440606${birth.replace('.', '')}08${String(seq + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

async function seed(app: AppFixture) {
  const v = (name: string, over: Record<string, unknown> = {}) => api<{ id: string }>(app, 'village.create', { data: { name, townCode: '440606005', ...over } });
  const target = await v('弱村', { strength: '弱', weakLax: { year: 2025, status: '整顿中' } });
  const strong = await v('强村', { strength: '强', vitality: [{ year: 2025, stars: 5 }] });
  const demo = await v('示范村', { strength: '一般', demonstration: '区级', vitality: [{ year: 2025, stars: 3 }] });
  const plain = await v('平村', { strength: '一般' });
  const c = (name: string, villageId: string, over: Record<string, unknown> = {}) => {
    const birth = (over.birth as string) ?? '1982.04';
    return api<{ id: string }>(app, 'cadre.create', {
      data: {
        name, sex: '男', birth, idNumber: idFor(birth), politicalStatus: '中共党员', partyJoinDate: '2006.07', villageWorkSince: '2012.03',
        fullTimeEducation: { level: '大学' }, villageId, villagePost: '党组织副书记', postSince: '2021.03', currentPosition: '副书记',
        resume: [{ from: '2021.03', to: '', text: '党组织副书记' }],
        assessments: [{ year: 2023, grade: '称职' }, { year: 2024, grade: '优秀' }, { year: 2025, grade: '称职' }],
        ...over,
      },
    });
  };
  await c('何书记', target.id, { villagePost: '党组织书记', birth: '1968.01' });
  const chen = await c('陈志强', strong.id);
  await c('梁家豪', demo.id, { birth: '1986.06', fullTimeEducation: { level: '大专' }, assessments: [{ year: 2023, grade: '优秀' }, { year: 2024, grade: '优秀' }, { year: 2025, grade: '优秀' }] });
  await c('黄老伯', strong.id, { birth: '1970.02' });
  await c('平村人', plain.id);
  const pilot = await api<{ id: string }>(app, 'cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', reason: '软弱涣散 整顿', periodStart: '2026.12.01', periodEnd: '2029.11.30' } });
  return { pilot, chen };
}

test('跨村任职: pool, hand-added ineligible person, comparison of three, appointment updates the cadre file', async ({ page, app }) => {
  await createVault(page, app);
  const { pilot, chen } = await seed(app);

  // Overview → the pilot.
  await openModule(page, '跨村任职');
  const row = page.getByRole('table', { name: '跨村任职试点' }).getByRole('row', { name: /弱村/ });
  await expect(row).toContainText('党组织书记');
  await expect(row).toContainText('未提名');
  await row.click();
  await expect(page.getByRole('heading', { name: '大良 弱村 · 党组织书记' })).toBeVisible();

  // The suggested pool: strong and 示范 villages of 大良 only; not 平村, not the target's own 书记.
  const pool = page.getByRole('table', { name: '推荐人选' });
  await expect(pool.getByTestId('pool-陈志强')).toBeVisible();
  await expect(pool.getByTestId('pool-梁家豪')).toBeVisible();
  await expect(pool.getByTestId('pool-黄老伯')).toContainText('不符合');
  await expect(pool.getByTestId('pool-平村人')).toHaveCount(0);
  await expect(pool.getByTestId('pool-何书记')).toHaveCount(0);
  // The reason is on the badge (hover) for the over-age cadre.
  await pool.getByTestId('pool-黄老伯').getByText('✗ 年龄').hover();
  await expect(page.getByRole('tooltip')).toHaveText('出生年月 1970.02，至 2026.12.01 为 56 岁，上限 50 岁，超龄');

  // Add an ineligible person by hand and read why.
  await page.getByRole('combobox', { name: '选择干部' }).fill('平村人');
  await page.getByRole('option', { name: /平村人/ }).click();
  const preview = page.getByTestId('manual-preview');
  await expect(preview).toContainText('来源村为强村或示范村：来源村 平村：班子强弱“一般”，非示范村，不是强村或示范村');
  await preview.getByRole('button', { name: '列入人选' }).click();
  const candidates = page.getByRole('table', { name: '人选名单' });
  await expect(candidates.getByTestId('candidate-平村人')).toContainText('不符合');
  await expect(candidates.getByTestId('candidate-平村人')).toContainText('手动添加');

  // Put two pool people on the list.
  await pool.getByTestId('pool-陈志强').getByRole('button', { name: '列入人选' }).click();
  await expect(candidates.getByTestId('candidate-陈志强')).toBeVisible();
  await pool.getByTestId('pool-梁家豪').getByRole('button', { name: '列入人选' }).click();
  await expect(candidates.getByTestId('candidate-梁家豪')).toBeVisible();

  // Compare three.
  for (const name of ['陈志强', '梁家豪', '平村人']) await candidates.getByLabel(`比较 ${name}`).check();
  await page.getByRole('button', { name: '比较所选' }).click();
  const grid = page.getByRole('grid', { name: '人选比较' });
  const heads = grid.locator('th[data-candidate]');
  await expect(heads).toHaveText([/陈志强/, /梁家豪/, /平村人/]);
  // 学历 differs (大学 vs 大专) and 大学 is marked better; 考核 best is 梁家豪's three 优秀.
  const edu = grid.locator('tr[data-row="education"]');
  await expect(edu).toHaveAttribute('data-differ', 'true');
  await expect(edu.locator('td').nth(0)).toHaveAttribute('data-best', 'true');
  await expect(edu.locator('td').nth(1)).not.toHaveAttribute('data-best', 'true');
  await expect(grid.locator('tr[data-row="assessments"] td').nth(1)).toContainText('较优');
  await expect(grid.locator('tr[data-row="rule:strongSource"] td').nth(2)).toContainText('不符合');
  // Keyboard: move 陈志强 one place right, then remove 平村人 with Delete.
  await heads.first().focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(heads).toHaveText([/梁家豪/, /陈志强/, /平村人/]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(heads).toHaveText([/梁家豪/, /陈志强/]);
  await lookAt(page, 'cross-compare');
  // The printed comparison.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印 / 导出 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^跨村任职人选比较表_弱村_\d{8}\.pdf$/);
  expect(readFileSync(await file.path()).subarray(0, 5).toString()).toBe('%PDF-');

  // Back to the pilot: 陈志强 through 提名 → 考察 → 公示 → 任命.
  await page.getByText('← 返回试点').click();
  const chenRow = candidates.getByTestId('candidate-陈志强');
  const dialog = page.getByRole('dialog');
  for (const stage of ['提名', '考察', '公示', '任命']) {
    await chenRow.getByRole('button', { name: '下一步' }).click();
    await expect(dialog.getByRole('radio', { name: stage })).toBeChecked();
    if (stage === '公示') {
      await dialog.getByLabel('公示开始').fill('2026.11.25');
      await dialog.getByLabel('公示结束').fill('2026.11.27');
      await expect(dialog).toContainText('共 3 个工作日');
    }
    if (stage === '提名') await dialog.getByRole('textbox', { name: /备注/ }).fill('镇党委会议推荐');
    await dialog.getByRole('button', { name: `确认${stage}` }).click();
    await expect(dialog).toBeHidden();
    if (stage === '公示') await expect(page.getByRole('alert').filter({ hasText: '只有 3 个工作日' })).toBeVisible();
  }
  await expect(chenRow).toContainText('任命');
  // The other two were closed in the same save, and the page says so.
  await expect(page.getByRole('alert').filter({ hasText: '其余人选已按“未通过”结束（该试点已任命他人）' })).toContainText(/梁家豪|平村人/);
  for (const name of ['梁家豪', '平村人']) {
    await expect(candidates.getByTestId(`candidate-${name}`)).toContainText('未通过');
    await expect(candidates.getByTestId(`candidate-${name}`).getByRole('button', { name: '下一步' })).toHaveCount(0);
  }
  await candidates.getByTestId('candidate-梁家豪').getByRole('button', { name: '详情' }).click();
  await expect(candidates.getByTestId('details-梁家豪')).toContainText('原因：该试点已任命他人');
  await candidates.getByTestId('candidate-梁家豪').getByRole('button', { name: '收起' }).click();
  const notice = page.getByTestId('filled-notice');
  await expect(notice).toContainText('已任命：陈志强');
  await expect(notice).toContainText('现任职务：弱村党组织书记');
  await expect(notice).toContainText('大良弱村党组织书记（跨村任职）');
  // Each step keeps date, operator, notes and the checks as they were.
  await chenRow.getByRole('button', { name: '详情' }).click();
  const details = candidates.getByTestId('details-陈志强');
  await expect(details).toContainText('经办：李组织');
  await expect(details).toContainText('备注：镇党委会议推荐');
  await expect(details).toContainText('公示期 2026.11.25–2026.11.27');
  await expect(details).toContainText('任命时）');
  await lookAt(page, 'cross-pilot', { fullPage: true });

  // The cadre file itself says so.
  const file2 = await api<{ villageId: string; villagePost: string; currentPosition: string; resume: { text: string; to: string }[] }>(app, 'cadre.get', { id: chen.id });
  expect(file2.villagePost).toBe('党组织书记');
  expect(file2.currentPosition).toBe('弱村党组织书记');
  expect(file2.resume.map((l) => l.text)).toEqual(['党组织副书记', '大良弱村党组织书记（跨村任职）']);

  await openModule(page, '跨村任职');
  await expect(page.getByRole('table', { name: '跨村任职试点' }).getByRole('row', { name: /弱村/ })).toContainText('已任命 陈志强');
  expect(pilot.id).toBeTruthy();
});

test('跨村任职: a removed candidate is listed apart with its steps and restored to the list', async ({ page, app }) => {
  await createVault(page, app);
  const { pilot, chen } = await seed(app);
  const cand = await api<{ candidate: { id: string } }>(app, 'cross.candidateAdd', { pilotId: pilot.id, cadreId: chen.id, origin: '推荐' });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.11.02', notes: '镇党委推荐' } });

  await openModule(page, '跨村任职');
  await page.getByRole('table', { name: '跨村任职试点' }).getByRole('row', { name: /弱村/ }).click();
  const candidates = page.getByRole('table', { name: '人选名单' });
  await expect(candidates.getByTestId('candidate-陈志强')).toContainText('提名');
  await expect(page.getByTestId('removed-candidates')).toHaveCount(0);

  page.once('dialog', (d) => void d.accept());
  await candidates.getByRole('button', { name: '移出 陈志强' }).click();
  await expect(page.getByText('还没有人选。')).toBeVisible();
  const removed = page.getByTestId('removed-candidates');
  await removed.getByText('已移出的人选（1）').click();
  const row = removed.getByTestId('removed-陈志强');
  await expect(row).toContainText('强村 党组织副书记');
  await expect(row).toContainText('提名');

  await row.getByRole('button', { name: '恢复到名单' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '已将 陈志强 恢复到人选名单' })).toBeVisible();
  await expect(candidates.getByTestId('candidate-陈志强')).toContainText('提名');
  await expect(page.getByTestId('removed-candidates')).toHaveCount(0);
  // The steps came back with it: the next step follows 提名.
  await candidates.getByTestId('candidate-陈志强').getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('dialog').getByRole('radio', { name: '考察' })).toBeChecked();
  await page.keyboard.press('Escape');

  const audit = await api<{ entries: { action: string; summary: string; operator: string }[] }>(app, 'audit.list', { recordId: cand.candidate.id });
  expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual(['crossCandidates.restore', 'crossCandidates.delete']);
  expect(audit.entries[0]).toMatchObject({ summary: '从回收站恢复：跨村任职人选 大良 弱村 · 党组织书记 — 陈志强', operator: '李组织' });
});

test('跨村任职: a pilot created from a flagged village through the form; thresholds from 设置 change the verdicts', async ({ page, app }) => {
  await createVault(page, app);
  const target = await api<{ id: string }>(app, 'village.create', { data: { name: '试点村', townCode: '440606004', strength: '弱', crossPilot: true } });
  const strong = await api<{ id: string }>(app, 'village.create', { data: { name: '勒流强村', townCode: '440606004', strength: '强' } });
  await api(app, 'cadre.create', {
    data: { name: '四十六', sex: '男', birth: '1980.03', idNumber: idFor('1980.03'), politicalStatus: '中共党员', partyJoinDate: '2006.07', villageWorkSince: '2012.03', fullTimeEducation: { level: '大学' }, villageId: strong.id, villagePost: '村委会主任', assessments: [{ year: 2023, grade: '称职' }, { year: 2024, grade: '称职' }, { year: 2025, grade: '称职' }] },
  });
  expect(target.id).toBeTruthy();

  await openModule(page, '跨村任职');
  await page.getByRole('button', { name: '勒流 试点村' }).click();
  const form = page.getByRole('dialog', { name: '新建跨村任职试点' });
  await expect(form.getByRole('combobox', { name: /目标村/ })).toHaveValue('勒流 · 试点村');
  await form.getByRole('textbox', { name: /任职开始/ }).fill('2026-12-01');
  await form.getByRole('textbox', { name: /任职结束/ }).fill('2026.01.01');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('任职结束日期 2026.01.01 早于开始日期 2026.12.01');
  await form.getByRole('textbox', { name: /任职结束/ }).fill('2029.11.30');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '勒流 试点村 · 党组织书记' })).toBeVisible();
  await expect(page.getByTestId('pool-四十六').locator('[data-verdict]')).toHaveText('符合');

  // Lower the default age limit in 设置: the same person now fails on age, with the new limit quoted.
  await openModule(page, '设置');
  await page.getByRole('textbox', { name: '年龄上限（岁）' }).fill('45');
  await page.getByText('跨村任职资格条件（默认值）').locator('..').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await openModule(page, '跨村任职');
  await page.getByRole('table', { name: '跨村任职试点' }).getByRole('row', { name: /^勒流 试点村/ }).click();
  await page.getByTestId('pool-四十六').getByText('✗ 年龄').hover();
  await expect(page.getByRole('tooltip')).toHaveText('出生年月 1980.03，至 2026.12.01 为 46 岁，上限 45 岁，超龄');
});

test('跨村任职: 公示 working days skip 国庆 and count a 2027 holiday entered in 设置', async ({ page, app }) => {
  await createVault(page, app);
  const { pilot, chen } = await seed(app);
  const cand = await api<{ candidate: { id: string } }>(app, 'cross.candidateAdd', { pilotId: pilot.id, cadreId: chen.id, origin: '推荐' });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.09.01' } });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '考察', date: '2026.09.10' } });

  const openStep = async () => {
    await openModule(page, '跨村任职');
    await page.getByRole('table', { name: '跨村任职试点' }).getByRole('row', { name: /弱村/ }).click();
    await page.getByRole('table', { name: '人选名单' }).getByTestId('candidate-陈志强').getByRole('button', { name: '下一步' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('radio', { name: '公示' })).toBeChecked();
    return dialog;
  };
  const count = page.getByTestId('publicity-workdays');

  // 国庆 2026: Monday–Friday would give 10 days; the holiday leaves 5.
  let dialog = await openStep();
  await dialog.getByLabel('公示开始').fill('2026.09.28');
  await dialog.getByLabel('公示结束').fill('2026.10.09');
  await expect(count).toHaveText('共 5 个工作日（已扣除法定节假日、计入调休上班日）');
  // 2027 has no data yet: Fri 1.1 – Thu 1.7 counts five weekdays, and the dialog says why.
  await dialog.getByLabel('公示开始').fill('2027.01.01');
  await dialog.getByLabel('公示结束').fill('2027.01.07');
  await expect(count).toHaveText('共 5 个工作日（2027 年的节假日安排尚未录入，按周一至周五计，可在 设置 → 法定节假日与调休 中补充）');
  await page.keyboard.press('Escape');

  // Enter 元旦 2027 in 设置; a bad line is refused with its line number first.
  await openModule(page, '设置');
  const card = page.getByText('法定节假日与调休', { exact: true }).locator('..');
  await expect(card).toContainText('已内置 2025、2026 年的安排');
  const box = card.getByRole('textbox', { name: '补充或更正的日期' });
  await box.fill('2027-01-01 休 元旦\n2027.02.30 休');
  await card.getByRole('button', { name: '保存节假日安排' }).click();
  await expect(card.getByRole('alert')).toContainText('第 2 行：2027年2月没有30日');
  await box.fill('2027-01-01 休 元旦');
  await card.getByRole('button', { name: '保存节假日安排' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect(box).toHaveValue('2027.01.01 休 元旦');
  await expect(card).toContainText('已补充：2027 年。');
  await card.getByRole('button', { name: '查看内置安排' }).click();
  await expect(card.getByRole('table', { name: '内置节假日安排' }).getByRole('row').filter({ hasText: '2026' }).filter({ hasText: '国庆节' })).toContainText('9月20日（周日）、10月10日（周六）');
  await card.scrollIntoViewIfNeeded();

  // The same 公示 period now has 4 working days, and the stored step says so.
  dialog = await openStep();
  await dialog.getByLabel('公示开始').fill('2027.01.01');
  await dialog.getByLabel('公示结束').fill('2027.01.07');
  await expect(count).toHaveText('共 4 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日');
  await dialog.getByRole('button', { name: '确认公示' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: '公示期 2027.01.01–2027.01.07 只有 4 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日' })).toBeVisible();
  const saved = await api<{ candidates: { candidate: { id: string; steps: { stage: string; warnings: string[] }[] } }[] }>(app, 'cross.pilotGet', { id: pilot.id });
  const steps = saved.candidates.find((c) => c.candidate.id === cand.candidate.id)?.candidate.steps ?? [];
  expect(steps.at(-1)).toMatchObject({ stage: '公示', warnings: ['公示期 2027.01.01–2027.01.07 只有 4 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日'] });
});
