/**
 * The open 村居结对: the drawer body it shares with 智库结对 (PairDetail). programs.spec.ts covers
 * the 智库 side's activity log; this covers the 村居 side end to end: heading, activity, end with
 * a reason, and the 回收站.
 */
import { api, createVault, expect, openModule, test } from './fixtures.js';

test('村居结对: record an activity, end the pair with a reason, then move it to the 回收站', async ({ page, app }) => {
  await createVault(page, app);
  const weak = await api<{ id: string }>(app, 'village.create', { data: { name: '马东村', townCode: '440606105', strength: '弱' } });
  const strong = await api<{ id: string }>(app, 'village.create', { data: { name: '水藤村', townCode: '440606105', strength: '强' } });
  await api(app, 'villagePair.create', { data: { helpedVillageId: weak.id, partnerKind: '村（社区）', partnerVillageId: strong.id, year: 2023, goals: '发展集体物业经济' } });

  await openModule(page, '村居结对');
  await page.getByTestId('village-pair-table').getByText('马东村').click();
  const drawer = page.getByRole('dialog', { name: /水藤村 — 马东村（2023）/ });
  await expect(drawer.getByText('2023 年 · 帮扶方：水藤村（村（社区））')).toBeVisible();
  await expect(drawer.getByText('结对目标：发展集体物业经济')).toBeVisible();

  await drawer.getByLabel('活动日期').fill('2023.05.10');
  await drawer.getByLabel('时长（小时）').fill('2');
  await drawer.getByLabel('活动内容').fill('两村书记座谈集体物业招租');
  await drawer.getByRole('button', { name: '记录活动' }).click();
  await expect(drawer.getByTestId('activity-table').getByRole('row', { name: /2023\.05\.10.*座谈.*2 小时.*两村书记座谈/ })).toBeVisible();
  await expect(page.getByTestId('village-pair-table').getByRole('row', { name: /马东村.*1 次 \/ 2 小时/ })).toBeVisible();

  await drawer.getByRole('button', { name: '结束结对' }).click();
  const closing = page.getByRole('dialog', { name: '结束结对' });
  await closing.getByLabel('结束时间').fill('2023.12');
  await expect(closing.getByRole('button', { name: '结束结对' })).toBeDisabled(); // a reason is required
  await closing.getByLabel('原因').fill('年度帮扶任务完成');
  await closing.getByRole('button', { name: '结束结对' }).click();
  await expect(closing).toBeHidden();
  await expect(drawer.getByText('已结束于 2023.12：年度帮扶任务完成')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '编辑' })).toBeHidden();
  await expect(page.getByRole('dialog', { name: '取消结对' })).toBeHidden(); // the end dialog has faded out

  await drawer.getByRole('button', { name: '移入回收站' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('first-use')).toContainText('还没有村居结对');
});
