import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../../electron/demo/generate.js';
import { tinyPdf, tinyPng } from '../../electron/attachments/testing/files.js';
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
