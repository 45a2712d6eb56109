/**
 * Costs as the vault grows, on a slow-PC profile (issue #20). One run prints one JSON object:
 *
 *   listOpenMs[n]          = 首页 → 干部档案 until the count and the first rows are painted, in Chromium
 *                            with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), at n cadres;
 *                            median of 3 opens, each after a page reload (no rows remembered in the page)
 *   editSaveMs[n]          = one cadre.update through the browser-mode bridge, answered once the vault
 *                            file is on disk; median of 5 (editSaveCpuMs: the process's CPU time for it,
 *                            all threads, so the save worker counts)
 *   keystrokeP95Ms4x5000   = keydown in the search box → the first frame painted with the rows for what
 *                            was typed (the count's data-query says which text its rows are for); 4×, 5 000
 *   firstPaintMs4x5000     = a click on a module in the navigation → the first frame painted with no call
 *                            under way and no loader shown; 4×, 5 000 cadres
 *   peakRssMB50000         = main: peak resident set (VmHWM) of the server process (scaleServer.ts: it plays
 *                            the Electron main process: vault, handlers, workers); renderer: the largest peak
 *                            resident set of Chromium's renderer processes
 * Wall-clock figures include waiting for a CPU: on a shared machine read them with loadAverage1m.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { chromiumArgs } from '../../electron/print/chromiumArgs.js';

export const name = 'scale';

/** The navigation's modules (renderer/app/routes.tsx), by their labels. */
const MODULES = ['首页', '干部档案', '村居信息', '结构分析', '书记跟班', '智库结对', '跨村任职', '村居结对', '导入导出', '操作日志', '设置'];

const PASSWORD = 'bench-password-scale';
const THROTTLE = 4;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const r1 = (x: number) => Math.round(x * 10) / 10;

declare global {
  interface Window {
    __lat: number[];
    __pending: number;
    __started: number;
  }
}

interface Rig {
  bridge: { url: string; openUrl: string; token: string };
  pid: number;
  call<T>(method: string, input: unknown): Promise<T>;
  close(): void;
}

const here = dirname(fileURLToPath(import.meta.url));

/** /proc figures of a process: peak resident set (MB) and CPU time so far (ms, all threads). */
function procStats(pid: number): { peakMB: number; cpuMs: number } {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return { peakMB: hwm ? Number(hwm[1]) / 1024 : NaN, cpuMs: ticks * 10 };
}

/** A vault file of `n` 示例 cadres, served by a server process of its own that opened it as the app would. */
async function rig(n: number): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), `cadre-bench-scale-${n}-`));
  const vaultPath = join(dir, 'bench.cdv');
  (await OpenVault.create(vaultPath, PASSWORD, buildDemoDocument({ cadres: n, seed: 20 }))).close();
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'scaleServer.ts'), vaultPath, resolve('dist/renderer')], {
    env: { ...process.env, CADRE_DESK_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const bridge = await new Promise<Rig['bridge']>((done, fail) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.includes('\n')) done(JSON.parse(out.split('\n')[0]) as Rig['bridge']);
    });
    child.on('exit', (code) => fail(new Error(`scaleServer exited ${code}`)));
  });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${bridge.url}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cadre-token': bridge.token },
      body: JSON.stringify({ method, input }),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  // Wait for the rows built after the unlock (search keys, list rows), as a user a few seconds in would.
  await call('cadre.window', { query: 'zz', limit: 1 });
  return {
    bridge,
    pid: child.pid!,
    call,
    close: () => {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page on the rig's app with the CPU throttled, counting the invoke calls under way. */
async function slowPage(browser: Browser, r: Rig): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  await page.addInitScript(() => {
    window.__pending = 0;
    window.__started = 0;
    const f = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (!(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).includes('/api/invoke')) return f(input, init);
      window.__pending++;
      window.__started++;
      return f(input, init).finally(() => window.__pending--);
    };
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(r.bridge.openUrl);
  // tsx compiles this file with keepNames, so functions passed to evaluate() call esbuild's __name helper.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.getByRole('button', { name: '锁定' }).waitFor({ timeout: 120_000 });
  return page;
}

/** Resolves with the time from `t0` to the frame painted after `ready()` first holds. */
const PAINTED = `(ready, t0) => new Promise((done) => {
  const check = () => {
    if (ready()) requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => done(performance.now() - t0); ch.port2.postMessage(0); });
    else requestAnimationFrame(check);
  };
  check();
})`;

async function listOpen(page: Page, r: Rig, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(r.bridge.openUrl);
    await page.evaluate('globalThis.__name = (f) => f');
    await page.getByRole('button', { name: '锁定' }).waitFor({ timeout: 120_000 });
    times.push(
      await page.evaluate<number>(`(${PAINTED})(() => {
        const count = document.querySelector('[data-testid="cadre-count"]');
        return !!count && count.textContent.includes('共 ${n} 人') && document.querySelectorAll('[data-testid="cadre-grid"] [data-cadre-id]').length >= 5;
      }, (location.hash = '#/cadres', performance.now()))`),
    );
  }
  return median(times);
}

/**
 * Six edits of one file; the first after an unlock saves the whole vault (with its automatic
 * backup), so the median of the last five is what an edit costs. firstMs reports that first one.
 */
async function editSave(r: Rig): Promise<{ wall: number; cpu: number; first: number }> {
  const [row] = (await r.call<{ rows: Array<{ id: string }> }>('cadre.window', { limit: 1 })).rows;
  const walls: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const c = procStats(r.pid).cpuMs;
    const t = performance.now();
    await r.call('cadre.update', { id: row.id, data: { phone: `1390000${String(1000 + i)}` } });
    walls.push(performance.now() - t);
    cpuMs.push(procStats(r.pid).cpuMs - c);
  }
  return { wall: median(walls.slice(1)), cpu: median(cpuMs.slice(1)), first: walls[0] };
}

async function keystrokes(page: Page): Promise<number[]> {
  await page.evaluate(() => (location.hash = '#/cadres'));
  await page.getByTestId('cadre-count').filter({ hasText: '显示' }).waitFor({ timeout: 60_000 });
  const box = page.getByLabel('搜索干部');
  await box.focus();
  await page.evaluate(() => {
    window.__lat = [];
    const input = document.querySelector<HTMLInputElement>('[data-search-box]')!;
    input.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      // The value after this key lands on the next task; wait for the rows for it.
      setTimeout(() => {
        const want = input.value.trim();
        const check = () => {
          const count = document.querySelector('[data-testid="cadre-count"]');
          if (count?.getAttribute('data-query') === want) {
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
              ch.port2.postMessage(0);
            });
          } else requestAnimationFrame(check);
        };
        check();
      });
    }, true);
  });
  for (const q of ['chen', 'ljh', 'liangjia', '4406061975', '1391', 'hzq', 'zwm']) {
    for (const key of [...q, ...[...q].map(() => 'Backspace')]) {
      const before = await page.evaluate(() => window.__lat.length);
      await page.keyboard.press(key);
      await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 60_000 });
      await page.waitForTimeout(30); // a fast typist
    }
  }
  return page.evaluate(() => window.__lat.slice());
}

async function firstPaints(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const label of MODULES) {
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(() => window.__pending === 0);
      await page.waitForTimeout(200);
      times.push(
        await page.evaluate<number>(`(() => {
          const link = [...document.querySelectorAll('nav a, nav button, .mantine-NavLink-root')].find((el) => el.textContent.trim() === ${JSON.stringify(label)});
          const started = window.__started;
          const t0 = performance.now();
          link.click();
          let frames = 0;
          return (${PAINTED})(() => {
            frames++;
            const main = document.querySelector('main');
            const loading = !!main && (main.querySelector('.mantine-Loader-root') !== null || /正在载入|加载中/.test(main.textContent));
            const asked = window.__started > started || frames > 3;
            return asked && window.__pending === 0 && !loading && !!main && main.querySelector('h1') !== null;
          }, t0);
        })()`),
      );
    }
    out[label] = r1(median(times));
  }
  return out;
}

/** Peak resident set (VmHWM) of the browser's renderer processes, in MB (the largest one). */
async function rendererPeakMB(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  let peak = 0;
  for (const p of info.processInfo) {
    if (p.type !== 'renderer') continue;
    try {
      peak = Math.max(peak, procStats(p.id).peakMB);
    } catch {
      /* the process ended */
    }
  }
  return r1(peak);
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(resolve('dist/renderer/index.html'))) throw new Error('dist/renderer 不存在：请先运行 npx vite build');
  const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs([]) });
  const listOpenMs: Record<string, number> = {};
  const editSaveMs: Record<string, number> = {};
  const editSaveCpuMs: Record<string, number> = {};
  const firstEditMs: Record<string, number> = {};
  let keystrokeP95 = NaN;
  let firstPaint: Record<string, number> = {};
  let peakMain = 0;
  let peakRenderer = 0;
  const loads: number[] = [];

  for (const n of [2000, 5000, 50000]) {
    const r = await rig(n);
    const browser = await launch();
    try {
      const page = await slowPage(browser, r);
      if (n === 5000) {
        const lat = await keystrokes(page);
        keystrokeP95 = r1(pct(lat, 0.95));
        firstPaint = await firstPaints(page);
      } else {
        listOpenMs[n] = r1(await listOpen(page, r, n));
        const e = await editSave(r);
        editSaveMs[n] = r1(e.wall);
        editSaveCpuMs[n] = r1(e.cpu);
        firstEditMs[n] = r1(e.first);
        // Scroll through the list and search once, so the renderer's peak includes real use.
        if (n === 50000) {
          await page.getByTestId('cadre-grid').evaluate(async (g) => {
            for (let i = 0; i < 60; i++) {
              g.scrollTop += 3000;
              await new Promise((f) => requestAnimationFrame(f));
            }
          });
          await page.getByLabel('搜索干部').fill('chen');
          await page.locator('[data-testid="cadre-count"][data-query="chen"]').waitFor({ timeout: 60_000 });
          peakRenderer = await rendererPeakMB(browser);
          peakMain = procStats(r.pid).peakMB;
        }
      }
      loads.push(loadavg()[0]);
    } finally {
      await browser.close();
      r.close();
    }
  }
  const ratio = (o: Record<string, number>) => r1(o[50000] / o[2000]);
  return {
    listOpenMs: { 2000: listOpenMs[2000], 50000: listOpenMs[50000], ratio: ratio(listOpenMs) },
    editSaveMs: { 2000: editSaveMs[2000], 50000: editSaveMs[50000], ratio: ratio(editSaveMs) },
    keystrokeP95Ms4x5000: keystrokeP95,
    firstPaintMs4x5000: firstPaint,
    peakRssMB50000: { main: r1(peakMain), renderer: peakRenderer },
    editSaveCpuMs,
    firstEditAfterUnlockMs: firstEditMs,
    cpuThrottling: THROTTLE,
    loadAverage1m: loads.map(r1),
    cpus: cpus().length,
  };
}
