import { idCheckChar } from '../../shared/rules/idCard.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

const first17 = '44060619800521015';
const ID = first17 + idCheckChar(first17);

test('姓名 that is a formula is refused beside the field with a Chinese reason; a minority name keeps its 间隔号', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '干部档案');
  await page.getByRole('button', { name: '新建档案' }).click();
  const name = page.getByLabel(/^姓名( \*)?$/);
  await name.fill('=HYPERLINK("http://evil.example","点我")');
  await page.getByLabel(/^身份证号码( \*)?$/).fill(ID);
  await page.getByRole('button', { name: '保存' }).first().click();
  const reason = '姓名不能以“=”开头（像是 Excel 公式），请只填写姓名';
  await expect(page.getByTestId('form-errors')).toContainText(reason);
  await expect(page.locator('.mantine-InputWrapper-root', { has: name })).toContainText(reason);
  expect((await api<unknown[]>(app, 'cadre.list', {})).length).toBe(0);

  await name.fill('阿卜杜拉•艾尼');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByTestId('cadre-title')).toHaveText('阿卜杜拉·艾尼');
});
