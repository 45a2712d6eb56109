import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { tinyPdf, tinyPng } from '../../electron/attachments/testing/files.js';
import { zipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { api, createVault, expect, test } from './fixtures.js';

const MARKER = 'E2E-MARKER-plain-4417';

test('附件 on a cadre page: attach a PDF and an image, view both, delete to 回收站 and restore; nothing plaintext on disk', async ({ page, app }) => {
  await createVault(page, app);
  const cadre = await api<{ id: string }>(app, 'cadre.create', { data: { name: '陈志强', sex: '男', birth: '1975.03', idNumber: makeIdNumber(1975, 3, 12, true, 51) } });
  await page.goto(`${app.bridge.url}#/cadres/${cadre.id}`);
  await page.getByRole('tab', { name: '附件' }).click();
  await expect(page.getByText('陈志强 还没有附件。')).toBeVisible();

  // A file that is not a scan is refused, by its content, in Chinese.
  await page.getByTestId('attachment-input').setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text') });
  await page.getByRole('button', { name: '保存 1 个附件' }).click();
  await expect(page.getByTestId('attachment-errors')).toContainText('“说明.pdf”不是 PDF、JPEG、PNG 或 TIFF 文件');
  await page.getByRole('button', { name: '取消' }).click();

  await page.getByTestId('attachment-input').setInputFiles([
    { name: '任免文件.pdf', mimeType: 'application/pdf', buffer: tinyPdf(MARKER) },
    { name: '学位证书.png', mimeType: 'image/png', buffer: tinyPng(60, 40, MARKER, [20, 90, 200]) },
  ]);
  const dialog = page.getByRole('dialog', { name: '添加附件：陈志强' });
  await dialog.getByLabel('材料类别').first().fill('工资任免出国');
  await dialog.getByLabel('形成日期').first().fill('2021.06.01');
  await dialog.getByLabel('材料类别').nth(1).fill('学历学位职称');
  await dialog.getByRole('button', { name: '保存 2 个附件' }).click();
  await expect(page.getByText('已添加 2 个附件')).toBeVisible();
  await expect(page.getByTestId('attachment-row')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: /工资任免出国/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /学历学位职称/ })).toBeVisible();

  // PDF viewed in the app, drawn by pdf.js.
  await page.getByTestId('attachment-row').filter({ hasText: '任免文件' }).getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: '/tmp/attachments-pdf.png' });
  await page.keyboard.press('Escape');

  // Image turned a quarter right, then viewed.
  const image = page.getByTestId('attachment-row').filter({ hasText: '学位证书' });
  await image.getByRole('button', { name: '向右旋转 学位证书' }).click();
  await expect(page.getByText('已向右旋转')).toBeVisible();
  await image.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('attachment-image')).toHaveAttribute('data-rotation', '90');
  expect(await page.getByTestId('attachment-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(60);
  await page.screenshot({ path: '/tmp/attachments-image.png' });
  await page.keyboard.press('Escape');

  // Delete to 回收站, then restore.
  await image.getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('attachment-row')).toHaveCount(1);
  await expect(page.getByTestId('attachment-trash')).toContainText('学位证书');
  await page.getByTestId('attachment-trash').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('attachment-row')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/attachments-tab.png', fullPage: true });

  // Nothing of either file is readable anywhere in the vault's folder.
  const all = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [join(d, e.name)]));
  for (const f of all(app.dir)) expect(readFileSync(f).includes(Buffer.from(MARKER)), f).toBe(false);
});

function jpegPhoto(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(y < h / 3 ? [230, 200, 170, 255] : [30, 60, 140, 255], (y * w + x) * 4);
  return Buffer.from(jpeg.encode({ width: w, height: h, data }, 90).data);
}

test('批量照片 from a zip: preview with one ambiguous and one unmatched, pick the person, adjust a crop, save as one batch', async ({ page, app }) => {
  await createVault(page, app);
  const add = (name: string, birth: string, serial: number) =>
    api<{ id: string }>(app, 'cadre.create', { data: { name, sex: '男', birth, idNumber: makeIdNumber(Number(birth.slice(0, 4)), Number(birth.slice(5)), 12, true, serial) } });
  const first = await add('陈志强', '1975.03', 51);
  const second = await add('陈志强', '1980.10', 52);
  const lili = await add('李明', '1968.07', 53);
  const liliFull = await api<{ idNumber: string }>(app, 'cadre.get', { id: lili.id });
  const zip = zipSync({ [`照片/李明_${liliFull.idNumber}.jpg`]: jpegPhoto(600, 800), '照片/陈志强.jpg': jpegPhoto(400, 600), '照片/王五.jpg': jpegPhoto(300, 400) });

  await page.locator('nav').getByText('导入导出', { exact: true }).click();
  await page.getByRole('tab', { name: '批量照片' }).click();
  await page.getByTestId('photo-input').setInputFiles({ name: '大良照片.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  const preview = page.getByTestId('photo-preview');
  await expect(preview.getByText('可对应 1')).toBeVisible();
  await expect(preview.getByText('同名多人 1')).toBeVisible();
  await expect(preview.getByText('未对应 1')).toBeVisible();
  await expect(page.getByTestId('photo-matched')).toContainText('李明');
  await expect(page.getByTestId('photo-ambiguous')).toContainText('档案中有 2 人名为“陈志强”，请选择是哪一位');
  await expect(page.getByTestId('photo-unmatched')).toContainText('王五.jpg：档案中没有名为“王五”的干部');
  await expect(page.getByRole('button', { name: '保存 1 张照片' })).toBeVisible();

  // Pick the second 陈志强, and move his crop in the cropper.
  await page.getByRole('combobox', { name: '陈志强.jpg 是哪一位' }).click();
  const secondId = (await api<{ idNumber: string }>(app, 'cadre.get', { id: second.id })).idNumber;
  await page.getByRole('option', { name: `陈志强（${secondId.slice(0, 6)}********${secondId.slice(14)}）` }).click();
  await page.getByTestId('photo-ambiguous').getByRole('button', { name: '调整裁剪' }).click();
  await expect(page.getByTestId('photo-cropper').locator('img')).toBeVisible();
  await page.screenshot({ path: '/tmp/photos-cropper.png' });
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('photo-ambiguous').getByRole('button', { name: '已调整裁剪' })).toBeVisible();
  await page.screenshot({ path: '/tmp/photos-preview.png', fullPage: true });
  await page.getByRole('button', { name: '保存 2 张照片' }).click();
  await expect(page.getByText('已保存 2 张照片，可在“导入批次”中整批撤销')).toBeVisible({ timeout: 60_000 });

  const photoOf = async (id: string) => (await api<{ photo: string }>(app, 'cadre.get', { id })).photo;
  expect(await photoOf(lili.id)).not.toBe('');
  expect(await photoOf(second.id)).not.toBe('');
  expect(await photoOf(first.id)).toBe('');
  const saved = jpeg.decode(Buffer.from(await photoOf(lili.id), 'base64'));
  expect(saved.width / saved.height).toBeCloseTo(3 / 4, 2);

  // One batch, undone as a whole.
  await page.getByRole('tab', { name: '导入批次' }).click();
  await expect(page.getByTestId('batch-table')).toContainText('批量照片');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('batch-table').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('已撤销：删除 0 人，恢复 2 人')).toBeVisible();
  expect(await photoOf(lili.id)).toBe('');
  expect(await photoOf(second.id)).toBe('');
});
