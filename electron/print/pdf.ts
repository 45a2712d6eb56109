/**
 * HTML → PDF outside Electron: drives the system Chromium headless through playwright-core.
 * One browser is launched on first use and reused (launching costs ~0.5 s, a page ~20 ms);
 * it is closed after a quiet minute so an idle browser-mode server does not hold memory.
 *
 * The page may fetch nothing: every request is aborted (photos arrive as data: URIs, which
 * are not requests), and page scripts are disabled — the HTML is ours but carries user text.
 */
import { chromiumArgs } from './chromiumArgs.js';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { EMPTY_HEADER, PAGE_OF_TOTAL_FOOTER, type PdfEngine, type PdfOptions } from './engine.js';

export type { PdfEngine, PdfOptions } from './engine.js';

const IDLE_CLOSE_MS = 60_000;

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('未找到 Chromium 浏览器，无法生成 PDF（可设置环境变量 CHROMIUM_PATH 指向 chromium）');
  return found;
}

let browserPromise: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let inFlight = 0;

/**
 * One browser and one context for all jobs (a context costs ~0.3 s to make; a page ~30 ms).
 * The context can hold nothing between jobs: no script runs, and no request gets through.
 */
function launch(): Promise<{ browser: Browser; context: BrowserContext }> {
  if (!browserPromise) {
    browserPromise = chromium
      .launch({
        executablePath: chromiumPath(),
        headless: true,
        args: chromiumArgs(['--font-render-hinting=none']),
      })
      .then(async (browser) => {
        browser.on('disconnected', () => {
          browserPromise = null;
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        await context.route('**/*', (route) => route.abort());
        return { browser, context };
      })
      .catch((e: Error) => {
        browserPromise = null;
        throw new Error(`无法启动 Chromium 生成 PDF：${e.message.split('\n')[0]}`);
      });
  }
  return browserPromise;
}

function scheduleIdleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (inFlight === 0) void closePdfBrowser();
  }, IDLE_CLOSE_MS);
  idleTimer.unref();
}

/**
 * Starts Chromium ahead of the first PDF (the preview calls this), so 保存 PDF does not pay
 * the launch. Failures surface on the real call, with their message.
 */
export function prewarmPdfBrowser(): void {
  launch().then(scheduleIdleClose, () => undefined);
}

/** Closes the shared browser (tests, CLI and benchmarks call this before exiting). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const p = browserPromise;
  browserPromise = null;
  if (p) await (await p.catch(() => null))?.browser.close();
}

export const chromiumPdfEngine: PdfEngine = {
  name: 'chromium',
  prewarm: prewarmPdfBrowser,
  async htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
    inFlight++;
    try {
      const { context } = await launch();
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Fonts are local but loaded lazily; printing before they are ready gives tofu.
        await page.evaluate('document.fonts.ready.then(() => document.fonts.size)').catch(() => 0);
        const footer = opts.footer === 'pageOfTotal';
        return await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          landscape: !!opts.landscape,
          displayHeaderFooter: footer,
          headerTemplate: EMPTY_HEADER,
          footerTemplate: footer ? PAGE_OF_TOTAL_FOOTER : EMPTY_HEADER,
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      inFlight--;
      scheduleIdleClose();
    }
  },
};

/**
 * HTML (with its own `@page { size: A4; margin … }`) → PDF bytes through headless Chromium, for
 * the CLI, tests and benchmarks. The app's handlers use their platform's engine instead.
 */
export function htmlToPdf(html: string, opts?: PdfOptions): Promise<Buffer> {
  return chromiumPdfEngine.htmlToPdf(html, opts);
}

/** Page count of a PDF Chromium wrote (counts page objects; enough for our own output). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
