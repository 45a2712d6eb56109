import { createVault, expect, openModule, test } from './fixtures.js';
import { sheetFrom, workbookBytes } from '../fixtures/roster.js';

test('a 花名册 with a header and no data rows is answered with just that, not “no header found”', async ({ page, app }) => {
  await createVault(page, app);
  await openModule(page, '导入导出');
  const buffer = workbookBytes({ 花名册: sheetFrom([['大良街道村干部花名册'], ['序号', '姓名', '性别', '身份证号码']]) });
  await page.locator('input[type=file][accept*=".xlsx"]').setInputFiles({ name: '空花名册.xlsx', mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('import-error')).toContainText('“空花名册.xlsx”的工作表“花名册”只有表头（第 2 行），下面没有数据行；请在表头下方逐行填写后再导入');
  await expect(page.getByText('没有在文件中找到花名册表头')).toHaveCount(0);
});
