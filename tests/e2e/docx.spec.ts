/**
 * Word 审批表 in browser mode: 导出 Word from a cadre's page (a real .docx with the form's text),
 * and a Word 审批表 edited elsewhere read back on the 导入 page — matched, differences shown
 * before anything is saved, then imported as one batch.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { rmbDocx } from '../../electron/docx/rmbDocx.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { fullCadreInput } from '../fixtures/print/fullCadre.js';
import { api, createVault, expect, openModule, test } from './fixtures.js';

test('导出 Word on a cadre page, then an edited copy imported with its differences previewed', async ({ page, app }) => {
  await createVault(page, app);
  const cadre = await api<Cadre>(app, 'cadre.create', { data: fullCadreInput() });
  await page.goto(`${app.bridge.url}#/cadres/${cadre.id}`);
  await page.locator('[data-cadre-actions]').getByRole('button', { name: '导出 Word' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '仿宋_GB2312' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^干部任免审批表-何志强_\d{8}\.docx$/);
  const parts = unzipSync(new Uint8Array(readFileSync(await file.path())));
  expect(strFromU8(parts['word/document.xml'])).toContain('何志强');
  expect(strFromU8(parts['word/styles.xml'])).toContain('w:eastAsia="仿宋_GB2312"');
  await page.screenshot({ path: '/tmp/docx-export.png' });

  // The 呈报单位 rewrote the 任免理由 in Word and sent the file back.
  const edited = (await rmbDocx([{ ...cadre, appointmentReason: '经镇党委研究，同意推荐。' }], { refDate: '2026.11', familyColumn: '出生年月', font: '宋体' })).bytes;
  await openModule(page, '导入导出');
  await page.getByRole('tab', { name: '任免审批表（LRMX）' }).click();
  await page.locator('input[type=file][accept*=".docx"]').setInputFiles([{ name: '何志强-改.docx', mimeType: 'application/octet-stream', buffer: edited }]);
  await page.getByRole('button', { name: '导入 1 个文件' }).click();
  const preview = page.getByTestId('docx-preview');
  await expect(preview.getByTestId('docx-item')).toContainText('将更新');
  const diff = preview.getByTestId('docx-differences');
  await expect(diff.getByRole('row')).toHaveCount(2);
  await expect(diff).toContainText('任免理由');
  await expect(diff).toContainText('经镇党委研究，同意推荐。');
  await page.screenshot({ path: '/tmp/docx-import-preview.png', fullPage: true });
  // Nothing is saved before the user confirms.
  expect((await api<Cadre>(app, 'cadre.get', { id: cadre.id })).appointmentReason).toBe(cadre.appointmentReason);

  await preview.getByRole('button', { name: '确认导入 1 个 Word 文件' }).click();
  await expect(page.getByTestId('lrmx-report')).toContainText('已更新');
  await expect(page.getByText('导入的文件已记为一个导入批次')).toBeVisible();
  expect((await api<Cadre>(app, 'cadre.get', { id: cadre.id })).appointmentReason).toBe('经镇党委研究，同意推荐。');
});
