import { idCheckChar } from '../../shared/rules/idCard.js';
import { today } from '../../shared/rules/dates.js';
import { addYears } from '../../shared/rules/postHistory.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

function idFor(birth: string, male: boolean, n: number): string {
  const [y, m] = birth.split('.');
  const first17 = `440606${y}${m}15${String(n * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

test('a cadre leaves a post and is found as 历史任职干部', async ({ page, app }) => {
  await createVault(page, app);
  const village = await api<{ id: string }>(app, 'village.create', { data: { name: '逢简村', townCode: '440606105' } });
  const cadre = await api<{ id: string }>(app, 'cadre.create', { data: { name: '梁国良', sex: '男', birth: '1964.05', idNumber: idFor('1964.05', true, 1), politicalStatus: '中共党员' } });
  await api(app, 'cadre.create', { data: { name: '何丽娟', sex: '女', birth: '1990.06', idNumber: idFor('1990.06', false, 2), villageId: village.id, villagePost: '村委会委员' } });
  await api(app, 'terms.appoint', { cadreId: cadre.id, data: { villageId: village.id, post: '党组织书记', start: '2016.03', basis: '杏坛镇党委〔2016〕8号' } });

  await page.goto(`${app.bridge.openUrl.split('#')[0]}#/cadres/${cadre.id}`);
  const history = page.getByTestId('post-history');
  await expect(history.getByRole('row').nth(1)).toContainText('杏坛逢简村党组织书记2016.03杏坛镇党委〔2016〕8号在任');
  await history.getByRole('button', { name: '离任' }).click();
  const dialog = page.getByRole('dialog', { name: '离任：逢简村党组织书记' });
  await dialog.getByLabel('离任时间').fill('2026.11.30');
  // No reason: refused, named in Chinese, nothing saved.
  await dialog.getByRole('button', { name: '确认离任' }).click();
  await expect(dialog.getByText('离任须选择离任原因')).toBeVisible();
  await dialog.getByRole('combobox', { name: '离任原因' }).click();
  await page.getByRole('option', { name: '退休' }).click();
  await dialog.getByLabel('去向').fill('退休');
  await dialog.getByRole('button', { name: '确认离任' }).click();
  await expect(dialog).toBeHidden();
  await expect(history.getByTestId('former-badge')).toHaveText('历史任职干部（已离任）');
  await expect(history.getByRole('row').nth(1)).toContainText('2026.11.30 · 退休去向：退休');

  // Still on file: the list finds the cadre under 历史任职干部, and not under 在任.
  await openModule(page, '干部档案');
  await page.getByRole('radiogroup', { name: '任职状态' }).getByText('历史任职干部').click();
  await expect(page.getByText('梁国良')).toBeVisible();
  await expect(page.getByText('何丽娟')).toBeHidden();
  await page.getByRole('radiogroup', { name: '任职状态' }).getByText('在任').click();
  await expect(page.getByText('何丽娟')).toBeVisible();
  await expect(page.getByText('梁国良')).toBeHidden();
});

test('the desk shows a term coming due; 暂缓 hides it until its day', async ({ page, app }) => {
  await createVault(page, app);
  const village = await api<{ id: string }>(app, 'village.create', { data: { name: '马齐村', townCode: '440606105' } });
  const on = today();
  // 任期起 five years less twenty days ago: due in twenty days.
  const start = addDaysLocal(addYears(on, -5), 20);
  const due = addYears(start, 5);
  await api(app, 'terms.saveTerm', { data: { villageId: village.id, number: 7, start } });

  await page.reload();
  const home = page.getByTestId('home-reminders');
  await expect(home.getByRole('row').filter({ hasText: '马齐村' })).toContainText(`任期届满${due}马齐村第7届两委任期`);

  await openModule(page, '提醒');
  const item = page.getByRole('row').filter({ hasText: '马齐村第7届两委任期' });
  await expect(item).toContainText(`应换届时间 ${due}`);
  await item.getByRole('button', { name: '暂缓' }).click();
  const dialog = page.getByRole('dialog', { name: '暂缓提醒' });
  const later = addDaysLocal(on, 10);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('暂缓须填写到哪一天')).toBeVisible();
  await dialog.getByLabel('暂缓至').fill(later);
  await dialog.getByLabel('说明（可不填）').fill('待镇党委部署');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();

  // Gone from the groups, listed as postponed with who did it.
  await expect(page.getByTestId('reminders-30天内')).toBeHidden();
  await expect(page.getByTestId('reminders-marked')).toContainText(`暂缓至 ${later}（李组织）`);
  // On the day itself it is back.
  await page.getByLabel('截至日期').fill(later);
  await expect(page.getByTestId('reminders-30天内').getByRole('row').filter({ hasText: '马齐村第7届两委任期' })).toBeVisible();
  // The postponement is in the 操作日志.
  await openModule(page, '操作日志');
  await expect(page.getByText(`提醒暂缓至 ${later}：任期届满（待镇党委部署）`)).toBeVisible();
});

function addDaysLocal(day: string, n: number): string {
  const [y, m, d] = day.split('.').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + n * 86_400_000);
  return `${t.getUTCFullYear()}.${String(t.getUTCMonth() + 1).padStart(2, '0')}.${String(t.getUTCDate()).padStart(2, '0')}`;
}
