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
  // Nothing is saved before the user confirms.
  expect((await api<Cadre>(app, 'cadre.get', { id: cadre.id })).appointmentReason).toBe(cadre.appointmentReason);

  await preview.getByRole('button', { name: '确认导入 1 份审批表' }).click();
  await expect(page.getByTestId('lrmx-report')).toContainText('已更新');
  await expect(page.getByText('导入的文件已记为一个导入批次')).toBeVisible();
  expect((await api<Cadre>(app, 'cadre.get', { id: cadre.id })).appointmentReason).toBe('经镇党委研究，同意推荐。');
});

test('考察 step with its record, then the 考察材料 as Word from the pilot page', async ({ page, app }) => {
  await createVault(page, app);
  const v = (name: string, over: Record<string, unknown>) => api<{ id: string }>(app, 'village.create', { data: { name, townCode: '440606105', ...over } });
  const target = await v('马宁村', { strength: '弱', weakLax: { year: 2025, status: '整顿中' } });
  const source = await v('逢简村', { strength: '强' });
  const cadre = await api<Cadre>(app, 'cadre.create', { data: { ...fullCadreInput(), villageId: source.id, villagePost: '书记、主任一肩挑', postSince: '2021.05', villageWorkSince: '1999.12' } });
  const pilot = await api<{ id: string }>(app, 'cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', reason: '软弱涣散村整顿', periodStart: '2026.12.01', periodEnd: '2029.11.30' } });
  const cand = await api<{ candidate: { id: string } }>(app, 'cross.candidateAdd', { pilotId: pilot.id, cadreId: cadre.id });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.10.10' } });

  await page.goto(`${app.bridge.url}#/cross/${pilot.id}`);
  await page.getByTestId('candidate-何志强').getByRole('button', { name: '下一步' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: '考察' })).toBeChecked();
  await dialog.getByLabel('考察日期').fill('2026.10.20');
  await dialog.getByRole('switch', { name: /填写考察记录/ }).check({ force: true });
  const f = dialog.getByTestId('inspection-fields');
  await f.getByLabel('考察组成员').fill('区委组织部 陈志明、镇组织办 李组织');
  await f.getByLabel('考察开始').fill('2026.10.18');
  await f.getByLabel('考察结束').fill('2026.10.20');
  await f.getByLabel('谈话人数').fill('23');
  await f.getByLabel('参加测评人数').fill('10');
  for (const [label, n] of [['优秀', '30'], ['称职', '9'], ['基本称职', '2'], ['不称职', '0']]) await f.getByLabel(label, { exact: true }).fill(n);
  await f.getByLabel('主要优点').fill('抓集体经济有办法，马东村集体收入三年翻番。');
  await f.getByLabel('考察结论').fill('同意推荐为马宁村党组织书记人选。');
  await dialog.getByRole('button', { name: '确认考察' }).click();
  // More votes than people: refused, the field named.
  await expect(f.getByText('民主测评各等次票数合计 41 票，多于参加测评人数 10 人')).toBeVisible();
  await f.getByLabel('参加测评人数').fill('41');
  await dialog.getByRole('button', { name: '确认考察' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('candidate-何志强').getByRole('button', { name: '考察材料' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '宋体（官方样式）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^考察材料-何志强_\d{8}\.docx$/);
  const t = strFromU8(unzipSync(new Uint8Array(readFileSync(await file.path())))['word/document.xml']).replace(/<[^>]+>/g, '');
  expect(t).toContain('关于何志强同志的考察材料');
  expect(t).toContain('共与 23 人进行了个别谈话，41 人参加了民主测评');
  expect(t).toContain('同意推荐为马宁村党组织书记人选。');
});
