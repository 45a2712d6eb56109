/**
 * Each test file gets its own browser-mode server on a random port with a fresh vault folder,
 * exactly as `npm run web` starts it. `openApp` loads the page with the run's token.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';

export interface AppFixture {
  bridge: Bridge;
  vaultPath: string;
  dir: string;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cadre-e2e-'));
    const vaultPath = join(dir, 'vault.cdv');
    const bridge = await startBridge({ rendererDir: resolve('dist/renderer'), vaultPath });
    await use({ bridge, vaultPath, dir });
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * A screenshot for a person to look at, never compared: written only when CADRE_E2E_SHOTS names a
 * folder (e.g. `CADRE_E2E_SHOTS=/tmp/shots npx playwright test cross`), so a normal run leaves nothing behind.
 */
export async function lookAt(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const folder = process.env.CADRE_E2E_SHOTS;
  if (!folder) return;
  await page.screenshot({ path: join(folder, `${name}.png`), ...opts });
}

export const PASSWORD = 'Shunde-2023-pass';

/** First run through the setup screen; returns when the home shell shows. */
export async function createVault(page: Page, app: AppFixture, opts: { demo?: boolean } = {}): Promise<void> {
  await page.goto(app.bridge.openUrl);
  await page.getByLabel('操作人姓名').fill('李组织');
  await page.getByLabel('设置密码').fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  if (opts.demo) await page.getByLabel(/载入示例数据/).check();
  await page.getByRole('button', { name: '创建档案库' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible({ timeout: 60_000 });
}

/** Goes to a module by its navigation label. */
export async function openModule(page: Page, label: string): Promise<void> {
  await page.locator('nav').getByText(label, { exact: true }).click();
}

/** Calls the contract directly (as the page would) — for seeding data a test does not exercise. */
export async function api<T = unknown>(app: AppFixture, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${app.bridge.url}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cadre-token': app.bridge.token },
    body: JSON.stringify({ method, input }),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}
