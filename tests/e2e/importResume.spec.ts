import { makeIdNumber } from '../../electron/demo/generate.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';
import { sheetFrom, workbookBytes } from '../fixtures/roster.js';

test('a 花名册 with 简历 and 年度考核结果 columns: warning for an undated line, lines and grades on the cadre page', async ({ page, app }) => {
  await createVault(page, app);
  await api(app, 'village.create', { data: { name: '水藤村', townCode: '440606105' } });
  await openModule(page, '导入导出');

  const chen = makeIdNumber(1972, 4, 3, true, 41);
  const li = makeIdNumber(1980, 5, 12, false, 42);
  const buffer = workbookBytes({
    花名册: sheetFrom([
      ['杏坛镇村（社区）干部花名册'],
      ['姓名', '身份证号码', '所在村（社区）', '个人简历', '年度考核结果'],
      ['陈强', chen, '水藤村', '1990.09--1994.07 华南师范大学政治系学习\n1994.07-2003.05　顺德区杏坛镇水藤村村委会干事\n2003.05— 杏坛镇水藤村党支部书记', '2023年度称职；2024年度优秀；2025年度优秀'],
      ['李丽', li, '水藤村', '2001.07--2010.03 杏坛镇水藤村会计\n曾在广州务工多年\n2010.03至今 水藤村妇联主席', '2024年优秀；2025年度良好'],
    ], ['A1:E1']),
  });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '杏坛花名册.xlsx', mimeType: 'application/octet-stream', buffer });

  await expect(page.getByText('工作表“花名册”，表头在第 2 行')).toBeVisible();
  await expect(page.getByTestId('mapping-table').getByRole('row', { name: /个人简历/ })).toContainText('简历');
  await page.getByRole('tab', { name: /有警告/ }).click();
  const warned = page.getByRole('row', { name: /^4 李丽/ });
  await expect(warned).toContainText('【个人简历】简历第 2 行“曾在广州务工多年”没有“1990.09--1994.07”形式的起止年月，已原样保留为一行，请核对');
  await expect(warned).toContainText('【年度考核结果】“2025年度良好”无法识别为“2024年度优秀”的形式');

  await page.getByRole('button', { name: '导入 2 人（新建 2，更新 0）' }).click();
  await expect(page.getByTestId('import-result')).toContainText('新建 2 人，更新 0 人');

  const list = await api<{ id: string; name: string }[]>(app, 'cadre.list', {});
  await page.evaluate((id) => { location.hash = `#/cadres/${id}`; }, list.find((c) => c.name === '陈强')!.id);
  await expect(page.getByLabel('第1行简历内容')).toHaveValue('华南师范大学政治系学习');
  await expect(page.getByLabel('第1行起')).toHaveValue('1990.09');
  await expect(page.getByLabel('第1行止')).toHaveValue('1994.07');
  await expect(page.getByLabel('第2行简历内容')).toHaveValue('顺德区杏坛镇水藤村村委会干事');
  await expect(page.getByLabel('第3行简历内容')).toHaveValue('杏坛镇水藤村党支部书记');
  await expect(page.getByLabel('第3行止')).toHaveValue('');
  await expect(page.getByLabel('第4行简历内容')).toHaveCount(0);
  await expect(page.getByLabel('第3行年度')).toHaveValue('2025');
  await expect(page.getByRole('combobox', { name: '第3行等次' })).toHaveValue('优秀');
  await page.getByLabel('第1行简历内容').scrollIntoViewIfNeeded();
});
