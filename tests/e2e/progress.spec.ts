import type { ProgressEvent } from '../../shared/contract/job.js';
import type { AppEvent } from '../../shared/contract/index.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { exportRoster } from '../../electron/importer/export.js';
import { createVault, expect, openModule, test } from './fixtures.js';

test('a 10 000-row 花名册 shows a progress bar fed by progress events; 取消 stops the read quietly', async ({ page, app }) => {
  test.setTimeout(240_000);
  await createVault(page, app);
  const demo = buildDemoDocument({ cadres: 10_000, seed: 5 });
  const file = {
    name: '全区花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: exportRoster(demo.cadres, demo.villages),
  };
  const events: ProgressEvent[] = [];
  app.bridge.app.events.on('event', (e: AppEvent) => {
    if (e.type === 'progress') events.push(e);
  });

  await openModule(page, '导入导出');
  const input = page.locator('input[type=file][accept*=".xlsx"]');
  await input.setInputFiles(file);
  const bar = page.getByTestId('job-progress');
  await expect(bar).toBeVisible();
  // The count comes only from the progress events the page received on its event stream.
  await expect(bar).toContainText(/读取花名册：校验（[\d,]+ \/ 10,000 行）/, { timeout: 120_000 });
  await expect(bar.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('button', { name: /^导入 \d+ 人/ })).toBeVisible({ timeout: 120_000 });
  await expect(bar).toBeHidden();
  const stages = new Set(events.map((e) => e.stage));
  expect([...stages]).toEqual(expect.arrayContaining(['读取', '校验']));
  expect(events.at(-1)).toMatchObject({ stage: '校验', done: 10_000, total: 10_000 });

  // Read again and cancel: the screen says so quietly, no error, no preview.
  events.length = 0;
  await input.setInputFiles({ ...file, name: '全区花名册（第二次）.xlsx' });
  await expect(bar).toBeVisible();
  await expect.poll(() => events.length, { timeout: 60_000 }).toBeGreaterThan(0);
  await bar.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('import-cancelled')).toHaveText('已取消读取花名册。');
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^导入 \d+ 人/ })).toHaveCount(0);
});
