/**
 * Printing in browser mode: the 审批表 preview from a cadre's page (warnings first, age at the
 * chosen 计算年龄时间, 保存 PDF → a real 2-page A4 PDF), batch printing from the list into one
 * PDF, and the 跨村任职 dossier through the contract with page numbers on every page.
 */
import { readFileSync } from 'node:fs';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { FULL_FAMILY, fullCadreInput } from '../fixtures/print/fullCadre.js';
import { pdfInfo, pdfText, squash, writeTempPdf } from '../fixtures/print/poppler.js';
import { api, createVault, expect, openModule, test, type AppFixture, lookAt } from './fixtures.js';

async function seedFull(app: AppFixture, over: Record<string, unknown> = {}) {
  return api<{ id: string; name: string }>(app, 'cadre.create', { data: { ...fullCadreInput(), ...over } });
}

function idFor(birth: string, serial: number, male = true): string {
  const first17 = `440606${birth.replace('.', '')}15${String(serial * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

test('审批表 from a cadre page: preview with warnings, age at 计算年龄时间, 保存 PDF gives 2 A4 pages', async ({ page, app }) => {
  await createVault(page, app);
  const family = [...FULL_FAMILY!, { relation: '弟弟', name: '何志明', birth: '1983.05', politicalStatus: '群众', workUnit: '杏坛镇个体经营' }];
  const cadre = await seedFull(app, { family });
  await page.goto(`${app.bridge.url}#/cadres/${cadre.id}`);
  await page.locator('[data-cadre-actions]').getByRole('button', { name: '打印审批表' }).click();

  const dialog = page.getByRole('dialog', { name: '打印干部任免审批表' });
  await expect(dialog).toBeVisible();
  // The 8th family member does not fit the form's 7 rows: the user is told before printing.
  await expect(dialog.getByTestId('print-warnings')).toContainText('家庭主要成员及重要社会关系共 8 人');
  const frame = dialog.frameLocator('[data-testid="print-preview"]');
  await expect(frame.getByText('何志明')).toBeVisible();
  await expect(frame.locator('.rmb-p1')).toContainText('何志强');

  // Age follows 计算年龄时间.
  await dialog.getByLabel('计算年龄时间').fill('2030.01');
  await expect(frame.locator('.rmb-p1')).toContainText('(51岁)');
  await lookAt(page, 'print-preview');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^干部任免审批表-何志强_\d{8}\.pdf$/);
  const path = writeTempPdf(readFileSync(await file.path()));
  const info = pdfInfo(path);
  expect(info.pages).toBe(3); // 2 pages + the 续页 for the 8th member
  expect(info.sizes[0]).toEqual([595, 842]);
  expect(squash(pdfText(path, { page: 1, mode: 'raw' }))).toContain('1978.03(51岁)');
  expect(squash(pdfText(path, { page: 3, mode: 'raw' }))).toContain('弟弟何志明');
});

test('batch print from the cadre list: the chosen cadres in one PDF', async ({ page, app }) => {
  await createVault(page, app);
  await seedFull(app);
  await seedFull(app, { name: '梁婉仪', sex: '女', birth: '1981.06', idNumber: idFor('1981.06', 7, false), family: [] });
  await seedFull(app, { name: '陈建国', birth: '1975.02', idNumber: idFor('1975.02', 9), family: [] });
  await openModule(page, '干部档案');
  await page.getByRole('button', { name: '批量打印审批表' }).click();
  const chooser = page.getByRole('dialog', { name: '批量打印干部任免审批表' });
  await chooser.getByLabel('陈建国').uncheck();
  await chooser.getByRole('button', { name: /预览并打印（2 人）/ }).click();

  const dialog = page.getByRole('dialog', { name: '打印干部任免审批表（2 人）' });
  const frame = dialog.frameLocator('[data-testid="print-preview"]');
  await expect(frame.locator('.rmb-p1')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存 PDF' }).click();
  const path = writeTempPdf(readFileSync(await (await download).path()));
  expect(pdfInfo(path).pages).toBe(4);
  const all = squash(pdfText(path, { mode: 'raw' }));
  expect(all).toContain('梁婉仪');
  expect(all).toContain('何志强');
  expect(all).not.toContain('陈建国');
});

test('dossier of a 跨村任职 candidate: cover, 审批表, eligibility, comparison, decisions, 第 X 页 共 Y 页', async ({ page, app }) => {
  await createVault(page, app);
  const v = (name: string, over: Record<string, unknown>) => api<{ id: string }>(app, 'village.create', { data: { name, townCode: '440606105', ...over } });
  const target = await v('马宁村', { strength: '弱', weakLax: { year: 2025, status: '整顿中' } });
  const source = await v('逢简村', { strength: '强', vitality: [{ year: 2025, stars: 5 }] });
  const common = { villageId: source.id, villagePost: '书记、主任一肩挑', postSince: '2021.05', villageWorkSince: '1999.12', proposedPosition: '' };
  const main = await seedFull(app, common);
  const other = await seedFull(app, { ...common, name: '梁振宇', birth: '1982.07', idNumber: idFor('1982.07', 11), villagePost: '党组织副书记', family: [] });
  const pilot = await api<{ id: string }>(app, 'cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', reason: '软弱涣散村整顿', periodStart: '2026.12.01', periodEnd: '2029.11.30' } });
  const cand = await api<{ candidate: { id: string } }>(app, 'cross.candidateAdd', { pilotId: pilot.id, cadreId: main.id });
  await api(app, 'cross.candidateAdd', { pilotId: pilot.id, cadreId: other.id });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '提名', date: '2026.10.10', notes: '镇党委会议研究提名' } });
  await api(app, 'cross.step', { candidateId: cand.candidate.id, step: { stage: '考察', date: '2026.10.20', notes: '考察组谈话 23 人' } });

  const pdf = await api<{ fileName: string; base64: string; pages: number }>(app, 'print.dossierPdf', { candidateId: cand.candidate.id });
  const path = writeTempPdf(Buffer.from(pdf.base64, 'base64'));
  const info = pdfInfo(path);
  expect(info.pages).toBe(pdf.pages);
  const pages = Array.from({ length: info.pages }, (_, i) => squash(pdfText(path, { page: i + 1, mode: 'raw' })));
  pages.forEach((t, i) => expect(t, `page ${i + 1}`).toContain(`第${i + 1}页共${info.pages}页`));
  expect(pages[0]).toContain('内部资料注意保密');
  expect(pages[0]).toContain('杏坛马宁村');
  expect(pages[1]).toContain('干部任免审批表');
  expect(pages[1]).toContain('杏坛马宁村党组织书记'); // 拟任职务 from the pilot
  expect(pages.findIndex((t, i) => i > 2 && t.includes('资格审查结果'))).toBe(3);
  expect(pages.some((t, i) => i > 3 && t.includes('梁振宇'))).toBe(true); // comparison
  expect(pages[info.pages - 1]).toContain('考察组谈话23人');

  // The same dossier is one click away on the pilot page, next to the candidate.
  await page.goto(`${app.bridge.url}#/cross/${pilot.id}`);
  await page.getByRole('row', { name: new RegExp(main.name) }).getByRole('button', { name: '任用材料' }).click();
  const dialog = page.getByRole('dialog', { name: '打印跨村任职人选任用材料' });
  await expect(dialog.getByRole('button', { name: '保存 PDF' })).toBeVisible();
  await expect(dialog.frameLocator('iframe').getByText('内部资料').first()).toBeVisible();
});
