/**
 * Ticking cadres in the 干部档案 list at 50 000 cadres, in Chromium against a browser-mode server:
 *   selectAllMs / clearAllMs = click on the header checkbox (or 清除选择) → the next frame painted with the
 *                              selection bar updated ("已选 50000 人" / gone); target ≤ 100 ms, so it never feels frozen
 *   tickRowMedianMs          = click on one row's checkbox → next frame painted
 *   keystroke*WithSelectionMs = search keystrokes while all 50 000 are ticked (each keystroke counts the
 *                              shown rows that are ticked); target p95 ≤ 50 ms, as without a selection
 *   loadAverage1m            = the machine's load when measured; wall-clock figures grow with it
 */
import { chromiumArgs } from '../../electron/print/chromiumArgs.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startBridge } from '../../electron/bridge/server.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';

export const name = 'cadreSelection';

const CADRES = 50_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number) => Math.round(x * 10) / 10;

declare global {
  interface Window {
    __lat: number[];
  }
}

/** Click → the frame painted after the page shows `done`; measured in the page so automation latency is left out. */
async function clickToPaint(page: Page, target: Locator, done: string): Promise<number> {
  await target.evaluate((el, doneText) => {
    const t0 = { v: 0 };
    el.addEventListener('click', (e) => (t0.v = e.timeStamp), { capture: true, once: true });
    (window as unknown as { __clickDone: Promise<number> }).__clickDone = new Promise<number>((ok) => {
      const check = () => {
        const bar = document.querySelector('[data-testid="cadre-selection-bar"]');
        const shown = doneText === '' ? !bar : !!bar?.textContent?.includes(doneText);
        if (t0.v && shown) {
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => ok(performance.now() - t0.v);
            ch.port2.postMessage(0);
          });
        } else requestAnimationFrame(check);
      };
      check();
    });
  }, done);
  await target.click();
  return page.evaluate(() => (window as unknown as { __clickDone: Promise<number> }).__clickDone);
}

export async function run(): Promise<Record<string, unknown>> {
  const rendererDir = resolve('dist/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer 不存在：请先运行 npx vite build');
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-selection-'));
  const vaultPath = join(dir, 'bench.cdv');
  const vault = await OpenVault.create(vaultPath, 'bench-password-1', buildDemoDocument({ cadres: CADRES, seed: 4 }));
  const bridge = await startBridge({ rendererDir, vaultPath });
  bridge.app.open(new Session(vault, '基准测试'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs([]),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
    await page.goto(bridge.openUrl);
    await page.evaluate('globalThis.__name = (f) => f');
    await page.getByRole('button', { name: '锁定' }).waitFor({ timeout: 60_000 });
    await page.evaluate(() => (location.hash = '#/cadres'));
    await page.getByTestId('cadre-count').filter({ hasText: `显示 ${CADRES} 人` }).waitFor({ timeout: 60_000 });
    const header = page.getByRole('checkbox', { name: `选择当前列表全部 ${CADRES} 人` });
    const clear = page.getByTestId('cadre-selection-bar').getByRole('button', { name: '清除选择' });

    const selectAll: number[] = [];
    const clearAll: number[] = [];
    for (let i = 0; i < 3; i++) {
      selectAll.push(await clickToPaint(page, header, `已选 ${CADRES} 人`));
      clearAll.push(await clickToPaint(page, clear, ''));
    }
    const ticks: number[] = [];
    const boxes = page.getByRole('grid', { name: '干部列表' }).getByRole('checkbox', { name: /^选择 / });
    for (let i = 0; i < 6; i++) ticks.push(await clickToPaint(page, boxes.nth(i), `已选 ${i + 1} 人`));
    await clickToPaint(page, clear, '');

    // Keystrokes with every row ticked: the header checkbox state is recounted for each result.
    await clickToPaint(page, header, `已选 ${CADRES} 人`);
    await page.evaluate(() => {
      window.__lat = [];
      const box = document.querySelector<HTMLInputElement>('[data-search-box]')!;
      let t0 = 0;
      box.addEventListener('keydown', (e) => (t0 = e.timeStamp), true);
      box.addEventListener('input', () => {
        const start = t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => window.__lat.push(performance.now() - start);
          ch.port2.postMessage(0);
        });
      });
    });
    await page.getByLabel('搜索干部').focus();
    for (const q of ['chen', 'ljh', '4406061975', 'hzq']) {
      for (const key of [...q, ...q.split('').map(() => 'Backspace')]) {
        const before = await page.evaluate(() => window.__lat.length);
        await page.keyboard.press(key);
        await page.waitForFunction((n) => window.__lat.length > n, before);
        await page.waitForTimeout(30);
      }
    }
    const keys = await page.evaluate(() => window.__lat.slice());
    return {
      cadres: CADRES,
      selectAllMedianMs: round(pct(selectAll, 0.5)),
      selectAllMaxMs: round(Math.max(...selectAll)),
      clearAllMedianMs: round(pct(clearAll, 0.5)),
      tickRowMedianMs: round(pct(ticks, 0.5)),
      tickRowMaxMs: round(Math.max(...ticks)),
      keystrokeMedianWithSelectionMs: round(pct(keys, 0.5)),
      keystrokeP95WithSelectionMs: round(pct(keys, 0.95)),
      keystrokes: keys.length,
      selectAllTargetMs: 100,
      keystrokeTargetP95Ms: 50,
      loadAverage1m: round(loadavg()[0]),
    };
  } finally {
    await browser.close();
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
