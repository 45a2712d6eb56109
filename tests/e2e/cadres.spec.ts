import type { Page } from '@playwright/test';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, PASSWORD, test } from './fixtures.js';

/** A valid 18-digit number for a birth date and sequence (odd sequence = 男). */
function idNumber(birth8: string, seq3: string): string {
  const first17 = `440606${birth8}${seq3}`;
  return first17 + idCheckChar(first17);
}

/** A form field by its label; required fields carry a trailing asterisk. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

/** A Mantine Select by its label (its option list carries the same label, so ask for the combobox). */
function combo(page: Page, label: string) {
  return page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) });
}

/** The Mantine input wrapper around a labelled field, where its error text appears. */
function fieldBox(page: Page, label: string) {
  return page.locator('.mantine-InputWrapper-root', { has: field(page, label) });
}

async function seed(app: Parameters<typeof api>[0]) {
  const shuiteng = await api<{ id: string }>(app, 'village.create', { data: { name: '水藤村', townCode: '440606105' } });
  const daliang = await api<{ id: string }>(app, 'village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
  await api(app, 'cadre.create', { data: { name: '陈丽娟', sex: '女', birth: '1988.07', idNumber: idNumber('19880715', '026'), villageId: daliang.id, villagePost: '村委会主任' } });
  await api(app, 'cadre.create', { data: { name: '王佳琪', sex: '女', birth: '1992.01', idNumber: idNumber('19920101', '048'), villageId: shuiteng.id, villagePost: '后备干部', tags: ['后备'] } });
  return { shuiteng, daliang };
}

test('create a cadre: bad ID shown at the field, fixed, saved; found by pinyin initials; filtered by 镇街', async ({ page, app }) => {
  await createVault(page, app);
  await seed(app);
  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 2 人（共 2 人）');

  await page.getByRole('button', { name: '新建档案' }).click();
  await field(page, '姓名').fill('王建国');
  const good = idNumber('19750312', '013');
  const bad = good.slice(0, 17) + (good[17] === '5' ? '6' : '5');
  await field(page, '身份证号码').fill(bad);
  await field(page, '联系电话').click(); // leave the field
  await expect(fieldBox(page, '身份证号码')).toContainText(`身份证号码校验位错误（末位应为 ${good[17]}）`);

  // Saving anyway is refused with the error still beside the field and nothing created.
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByTestId('form-errors')).toContainText(`身份证号码校验位错误（末位应为 ${good[17]}）`);
  await expect(fieldBox(page, '身份证号码')).toContainText('校验位错误');
  expect((await api<unknown[]>(app, 'cadre.list', {})).length).toBe(2);

  // Fixing it clears the error and fills 出生年月 and 性别 from the number.
  await field(page, '身份证号码').fill(good.slice(0, 17) + good[17].toLowerCase());
  await field(page, '联系电话').fill('13902281234');
  await expect(fieldBox(page, '身份证号码')).not.toContainText('校验位错误');
  await expect(field(page, '出生年月')).toHaveValue('1975.03');
  await expect(fieldBox(page, '出生年月')).toContainText(/1975\.03（\d+岁）/);
  await expect(combo(page, '性别')).toHaveValue('男');

  await combo(page, '所在村（社区）').click();
  await page.getByRole('option', { name: '杏坛 · 水藤村' }).click();
  await combo(page, '村职务').click();
  await page.getByRole('option', { name: '党组织书记', exact: true }).click();
  await field(page, '入党时间').fill('1998年7月');
  await field(page, '入党时间').blur();
  await expect(field(page, '入党时间')).toHaveValue('1998.07');

  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByTestId('cadre-title')).toHaveText('王建国');
  await expect(page.getByRole('button', { name: '编辑' })).toBeVisible();
  const saved = (await api<Array<{ name: string; idNumber: string; birth: string; sex: string }>>(app, 'cadre.list', {})).find((r) => r.name === '王建国');
  expect(saved).toMatchObject({ idNumber: good, birth: '1975.03', sex: '男' }); // lowercase x stored as X when relevant

  // Back to the list: `/` focuses the search box; pinyin initials find him.
  await page.getByRole('button', { name: '← 干部列表' }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 3 人（共 3 人）');
  await page.getByTestId('cadre-count').click(); // focus leaves the search box (it has autofocus)
  await expect(page.getByLabel('搜索干部')).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByLabel('搜索干部')).toBeFocused();
  await page.keyboard.type('wjg');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 3 人）');
  const grid = page.getByRole('grid', { name: '干部列表' });
  await expect(grid.getByRole('row').nth(1)).toContainText('王建国');
  await expect(grid.getByRole('row').nth(1)).toContainText('水藤村');
  await expect(grid).not.toContainText('王佳琪'); // wjq, not wjg

  // Full pinyin, full and initials mixed (wangjg, not 王佳琪's wangjq), and an ID fragment find him too.
  await page.getByLabel('搜索干部').fill('wangjianguo');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 3 人）');
  await page.getByLabel('搜索干部').fill('wangjg');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 3 人）');
  await expect(grid.getByRole('row').nth(1)).toContainText('王建国');
  await page.getByLabel('搜索干部').fill('19750312');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 3 人）');
  await page.getByLabel('搜索干部').fill('');

  // 镇街 filter: 大良 holds only 陈丽娟.
  await combo(page, '镇街').click();
  await page.getByRole('option', { name: '大良' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 3 人）');
  await expect(grid).toContainText('陈丽娟');
  await expect(grid).not.toContainText('王建国');
  await expect(page.getByText('镇街：大良')).toBeVisible();
});

test('keyboard opens a file; edit shows in 历史记录; delete to 回收站 and restore', async ({ page, app }) => {
  await createVault(page, app);
  await seed(app);
  await openModule(page, '干部档案');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 2 人（共 2 人）');

  // Sort by 姓名 (pinyin order: 陈 before 王), then ↓ ↓ selects the second row and Enter opens it.
  await page.getByRole('columnheader', { name: /姓名/ }).click();
  const grid = page.getByRole('grid', { name: '干部列表' });
  await expect(grid.getByRole('row').nth(1)).toContainText('陈丽娟');
  await page.getByLabel('搜索干部').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row', { selected: true })).toContainText('王佳琪');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cadre-title')).toHaveText('王佳琪');

  // View mode until 编辑; then change a field and a family row.
  await expect(field(page, '联系电话')).toHaveAttribute('readonly', '');
  await page.getByRole('button', { name: '编辑' }).click();
  await field(page, '联系电话').fill('0757-22223333');
  await page.getByRole('button', { name: '添加家庭成员' }).click();
  await page.getByLabel('第1行称谓').fill('父亲');
  await page.getByLabel('第1行姓名').fill('王志强');
  await page.getByLabel('第1行出生年月').fill('1965.13');
  await page.getByRole('button', { name: '保存' }).first().click();
  // The bad month is refused beside its cell, in Chinese.
  await expect(page.locator('[data-rows-editor="family"]')).toContainText('月份 13 不存在');
  await page.getByLabel('第1行出生年月').fill('1965.3');
  await page.getByLabel('第1行出生年月').blur();
  await expect(page.getByLabel('第1行出生年月')).toHaveValue('1965.03');
  // Photo: a PNG is refused by name, a JPEG is kept and shown.
  const photoInput = page.locator('input[type="file"][accept="image/jpeg"]');
  const pngBase64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 30;
    c.height = 40;
    c.getContext('2d')!.fillRect(0, 0, 30, 40);
    return { png: c.toDataURL('image/png').split(',')[1], jpeg: c.toDataURL('image/jpeg').split(',')[1] };
  });
  await photoInput.setInputFiles({ name: '证件照.png', mimeType: 'image/jpeg', buffer: Buffer.from(pngBase64.png, 'base64') });
  await expect(page.getByText('“证件照.png”不是 JPEG 图片，请选择 .jpg 照片', { exact: true })).toBeVisible();
  await photoInput.setInputFiles({ name: '证件照.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(pngBase64.jpeg, 'base64') });
  await expect(page.getByRole('img', { name: '干部照片' })).toBeVisible();
  expect(await page.getByRole('img', { name: '干部照片' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(30);

  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByRole('button', { name: '编辑' })).toBeVisible();
  const stored = await api<{ photo: string }>(app, 'cadre.get', { id: await page.locator('[data-cadre-actions]').getAttribute('data-cadre-id') });
  expect(stored.photo).toBe(pngBase64.jpeg);

  await page.getByRole('tab', { name: '历史记录' }).click();
  const history = page.getByTestId('cadre-history');
  await expect(history).toContainText('修改干部档案：王佳琪');
  await expect(history).toContainText('新建干部档案：王佳琪');
  await expect(history.getByRole('row', { name: /联系电话/ })).toContainText('0757-22223333');
  await expect(history.getByRole('row', { name: /家庭成员/ })).toContainText('父亲 王志强 1965.03');

  // Delete → 回收站 → restore.
  await page.getByRole('tab', { name: '档案' }).click();
  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '移入回收站' }).click();
  await expect(page.getByText('已在回收站')).toBeVisible();
  await page.getByRole('button', { name: '← 干部列表' }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 1 人）');
  await page.getByText('回收站', { exact: true }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText('回收站：显示 1 人（共 1 人）');
  await grid.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('已恢复 王佳琪 的档案')).toBeVisible();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  await page.getByText('在册档案', { exact: true }).click();
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 2 人（共 2 人）');

  // Columns can be hidden and come back.
  await expect(grid.getByRole('columnheader', { name: '联系电话' })).toBeVisible();
  await page.getByRole('button', { name: '选择列' }).click();
  await page.getByRole('checkbox', { name: '联系电话' }).uncheck();
  await expect(grid.getByRole('columnheader', { name: '联系电话' })).toHaveCount(0);
  await expect(grid).not.toContainText('0757-22223333');
  await page.getByRole('checkbox', { name: '联系电话' }).check();
  await expect(grid).toContainText('0757-22223333');
  await page.keyboard.press('Escape');

  // Typing a name and pressing Enter opens the first match.
  await page.getByLabel('搜索干部').fill('chenlijuan');
  await page.getByLabel('搜索干部').press('Enter');
  await expect(page.getByTestId('cadre-title')).toHaveText('陈丽娟');
  // Back on the list, the search is still there.
  await page.goBack();
  await expect(page.getByLabel('搜索干部')).toHaveValue('chenlijuan');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 1 人（共 2 人）');

  // Lock and unlock: the list comes back from the vault, not from what the window remembered.
  await api(app, 'cadre.create', { data: { name: '周文斌', sex: '男', birth: '1990.01', idNumber: idNumber('19900101', '031') } });
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await openModule(page, '干部档案');
  await page.getByLabel('搜索干部').fill('');
  await expect(page.getByTestId('cadre-count')).toHaveText('显示 3 人（共 3 人）');
});
