/**
 * The Electron print engine with Electron mocked: the page is loaded from a private temp file
 * into a hidden, script-less window in its own session, printed with the document's CSS page
 * size, and everything is cleaned up — also when printing fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  filter: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  printToPDF: vi.fn((_o: unknown) => Promise.resolve(Buffer.from('%PDF-1.4 fake'))),
  printResult: { success: true, reason: '' },
}));

interface FakeWindow {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  url: string;
  fileText: string;
  destroyed: boolean;
}

vi.mock('electron', () => {
  class BrowserWindow {
    rec: FakeWindow;
    webContents: unknown;
    constructor(options: FakeWindow['options']) {
      this.rec = { options, url: '', fileText: '', destroyed: false };
      state.windows.push(this.rec);
      this.webContents = {
        printToPDF: state.printToPDF,
        print: (_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(state.printResult.success, state.printResult.reason),
      };
    }
    loadURL(url: string) {
      this.rec.url = url;
      this.rec.fileText = readFileSync(fileURLToPath(url), 'utf8');
      return Promise.resolve();
    }
    isDestroyed() {
      return this.rec.destroyed;
    }
    destroy() {
      this.rec.destroyed = true;
    }
  }
  const ses = {
    setPermissionRequestHandler: vi.fn(),
    webRequest: { onBeforeRequest: (fn: typeof state.filter) => (state.filter = fn) },
  };
  return { BrowserWindow, session: { fromPartition: vi.fn(() => ses) } };
});

const { createElectronPdfEngine, resetPrintSessionForTests } = await import('./printPdf.js');

beforeEach(() => {
  state.windows.length = 0;
  state.printToPDF.mockClear();
  state.printResult = { success: true, reason: '' };
  resetPrintSessionForTests();
});

const HTML = '<!doctype html><html><body>干部任免审批表</body></html>';

describe('Electron print engine', () => {
  it('prints the HTML from a hidden, script-less window with the CSS page size', async () => {
    const pdf = await createElectronPdfEngine().htmlToPdf(HTML, { footer: 'pageOfTotal' });
    expect(pdf.toString()).toContain('%PDF');
    const w = state.windows[0];
    expect(w.fileText).toBe(HTML);
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false, contextIsolation: true });
    const opts = state.printToPDF.mock.calls[0][0] as Record<string, unknown>;
    expect(opts).toMatchObject({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true });
    expect(String(opts.footerTemplate)).toContain('totalPages');
  });

  it('removes the temp file and the window afterwards, even when printing fails', async () => {
    state.printToPDF.mockRejectedValueOnce(new Error('boom'));
    await expect(createElectronPdfEngine().htmlToPdf(HTML)).rejects.toThrow('boom');
    const w = state.windows[0];
    expect(w.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(w.url))).toBe(false);
  });

  it('lets the print session load only the document itself (and data: images)', async () => {
    let allowedDuring: boolean | undefined;
    state.printToPDF.mockImplementationOnce(() => {
      state.filter!({ url: state.windows[0].url }, (r) => (allowedDuring = !r.cancel));
      return Promise.resolve(Buffer.from('%PDF'));
    });
    await createElectronPdfEngine().htmlToPdf(HTML);
    expect(allowedDuring).toBe(true);
    const verdict = (url: string) => {
      let cancel = false;
      state.filter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/x.png')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict(state.windows[0].url)).toBe(true); // no longer once the job is done
    expect(verdict('data:image/jpeg;base64,/9j/')).toBe(false);
  });

  it('reports a cancelled print dialog in Chinese', async () => {
    state.printResult = { success: false, reason: 'cancelled' };
    expect(await createElectronPdfEngine().print!(HTML)).toEqual({ ok: false, message: '已取消打印' });
    state.printResult = { success: true, reason: '' };
    expect(await createElectronPdfEngine().print!(HTML)).toEqual({ ok: true });
  });
});
