/**
 * The desktop app as a whole: the real Electron entry (the source of package.json "main") is
 * started against a recording fake of `electron` (tests/fixtures/fakeElectron.ts), the real
 * preload is run against the same fake, and the page's calls go through the preload's `invoke`
 * to the IPC handler main.ts registered — the path every click in the installed app takes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronFake as fake } from '../../tests/fixtures/fakeElectron.js';
import { windowOptions } from './windowOptions.js';

vi.mock('electron', async () => (await import('../../tests/fixtures/fakeElectron.js')).electronFake.module);

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
interface PageApi {
  invoke(method: string, input: unknown): Promise<Result>;
}

const APP_PAGE = 'app://cadre-desk/index.html';
const home = mkdtempSync(join(tmpdir(), 'cadre-shell-'));
const userData = join(home, 'userData');
/** The URL of the frame the next page call comes from (what Electron reports as senderFrame). */
let frameUrl = APP_PAGE;
let page: PageApi;

/** The page side: the real preload, compiled as tsconfig.preload.json does, given the fake. */
function loadPreload(): PageApi {
  const source = readFileSync(resolve('electron/preload/preload.cts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  new Function('require', 'module', 'exports', outputText)(() => fake.module, { exports: {} }, {});
  const exposed = fake.callsOf('contextBridge.exposeInMainWorld').at(-1)!;
  expect(exposed.args[0]).toBe('cadreDesk');
  return exposed.args[1] as PageApi;
}

beforeAll(async () => {
  process.env.CADRE_DESK_VAULT = join(home, 'vault', 'cadre-desk.cdv');
  fake.answer('app.requestSingleInstanceLock', () => true);
  fake.answer('app.whenReady', () => Promise.resolve());
  fake.answer('app.getPath', () => userData);
  fake.answer('BrowserWindow.getAllWindows', () => fake.instances('BrowserWindow'));
  fake.answer('BrowserWindow.getFocusedWindow', () => fake.instances('BrowserWindow')[0] ?? null);
  fake.answer('BrowserWindow.isDestroyed', () => false);
  fake.answer('BrowserWindow.isMinimized', () => false);
  fake.answer('BrowserWindow.webContents.printToPDF', async () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF'));
  // The preload's ipcRenderer.invoke reaches the handler main.ts gave ipcMain.handle, as Electron does.
  fake.answer('ipcRenderer.invoke', (channel, ...args) => fake.listener('ipcMain.handle', channel as string)({ senderFrame: { url: frameUrl } }, ...args));

  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { main: string };
  const entry = resolve(pkg.main.replace(/^dist\/node\//, '').replace(/\.js$/, '.ts'));
  expect(entry).toBe(resolve('electron/main/main.ts'));
  await import(entry);
  await vi.waitFor(() => expect(fake.callsOf('BrowserWindow.loadURL')).toHaveLength(1));
  page = loadPreload();
});

afterAll(() => {
  delete process.env.CADRE_DESK_VAULT;
  rmSync(home, { recursive: true, force: true });
});

async function call(method: string, input: unknown = {}): Promise<unknown> {
  frameUrl = APP_PAGE;
  const r = await page.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

describe('the desktop shell, started from its entry', () => {
  it('prints with Electron and offers the system print dialog', async () => {
    expect(await call('print.capabilities')).toEqual({ engine: 'electron', systemPrint: true });
    expect(await call('vault.status')).toMatchObject({ mode: 'electron', unlocked: false });
  });

  it('refuses a call from a frame that is not the app’s own', async () => {
    for (const url of ['https://evil.example/', 'app://cadre-desk.evil/index.html', 'file:///tmp/x.html']) {
      frameUrl = url;
      expect(await page.invoke('vault.status', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: '拒绝来自未知页面的请求' } });
    }
    const handler = fake.listener('ipcMain.handle', 'cadre:invoke');
    expect(await handler({ senderFrame: null }, 'vault.status', {})).toMatchObject({ ok: false });
  });

  it('opens one window with the locked-down options on the app’s own page', () => {
    const made = fake.callsOf('BrowserWindow').filter((c) => c.kind === 'new');
    expect(made).toHaveLength(1);
    const options = made[0].args[0] as ReturnType<typeof windowOptions>;
    expect(options).toEqual(windowOptions(options.webPreferences!.preload!));
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(options.webPreferences!.preload).toMatch(/preload[\\/]preload\.cjs$/);
    const win = fake.pathOf(made[0].result);
    expect(fake.callsOf(`${win}.loadURL`).map((c) => c.args[0])).toEqual([APP_PAGE]);
    // lockDownContents ran on it, and lockDownSession on the default session.
    const [openHandler] = fake.callsOf(`${win}.webContents.setWindowOpenHandler`)[0].args as [(d: { url: string }) => unknown];
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const [permissionCheck] = fake.callsOf('session.defaultSession.setPermissionCheckHandler')[0].args as [() => boolean];
    expect(permissionCheck()).toBe(false);
  });
});
