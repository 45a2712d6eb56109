/**
 * The Electron print engine: the same HTML the browser-mode engine prints, loaded into a hidden
 * window, then `printToPDF` (honouring the document's `@page` size and margins) or the system
 * print dialog. It is the `pdfEngine` of the Electron platform (platform.ts).
 *
 * The document goes through a private temp file (photos make it too big for a data: URL) in a
 * private session that refuses every request except that one file, and runs no script.
 */
import { BrowserWindow, session as electronSession } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EMPTY_HEADER, PAGE_OF_TOTAL_FOOTER, type PdfEngine, type PdfOptions, type PrintResult } from '../print/engine.js';

const PARTITION = 'cadre-print';

let allowedUrls = new Set<string>();
let sessionReady = false;

function printSession() {
  const ses = electronSession.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    sessionReady = true;
    ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    ses.webRequest.onBeforeRequest((details, cb) => {
      cb({ cancel: !(allowedUrls.has(details.url) || details.url.startsWith('data:')) });
    });
  }
  return ses;
}

/** Loads the HTML into a hidden, script-less window and hands it to `use`; always cleans up. */
async function withDocument<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-print-'));
  const file = join(dir, `${randomBytes(8).toString('hex')}.html`);
  writeFileSync(file, html, { mode: 0o600 });
  const url = pathToFileURL(file).toString();
  allowedUrls.add(url);
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(url);
    return await use(win);
  } finally {
    allowedUrls.delete(url);
    if (!win.isDestroyed()) win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function createElectronPdfEngine(): PdfEngine {
  return {
    name: 'electron',
    htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
      const footer = opts.footer === 'pageOfTotal';
      return withDocument(html, (win) =>
        win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          landscape: !!opts.landscape,
          displayHeaderFooter: footer,
          headerTemplate: EMPTY_HEADER,
          footerTemplate: footer ? PAGE_OF_TOTAL_FOOTER : EMPTY_HEADER,
        }),
      );
    },
    print(html: string, opts: PdfOptions = {}): Promise<PrintResult> {
      return withDocument(
        html,
        (win) =>
          new Promise<PrintResult>((resolve) => {
            win.webContents.print({ silent: false, printBackground: true, landscape: !!opts.landscape }, (success, reason) => {
              if (success) resolve({ ok: true });
              else resolve({ ok: false, message: reason === 'cancelled' ? '已取消打印' : `打印失败：${reason}` });
            });
          }),
      );
    },
  };
}

/** For tests: forget the session set-up and pending URLs. */
export function resetPrintSessionForTests(): void {
  sessionReady = false;
  allowedUrls = new Set();
}
