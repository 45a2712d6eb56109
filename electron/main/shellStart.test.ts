/**
 * The desktop app as a whole: the real Electron entry (the source of package.json "main") is
 * started against a recording fake of `electron` (tests/fixtures/fakeElectron.ts), the real
 * preload is run against the same fake, and the page's calls go through the preload's `invoke`
 * to the IPC handler main.ts registered — the path every click in the installed app takes.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronFake as fake } from '../../tests/fixtures/fakeElectron.js';
import type { MenuItemConstructorOptions } from 'electron';
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
const FAKE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF');

/** What the user picks in the next system dialog; null = 取消. */
const choices: { kind: 'save' | 'open'; path: string | null }[] = [];
function choose(kind: 'save' | 'open', path: string | null): void {
  choices.push({ kind, path });
}
function nextChoice(kind: 'save' | 'open') {
  const c = choices.shift();
  if (!c || c.kind !== kind) throw new Error(`test did not expect a ${kind} dialog`);
  return kind === 'save' ? { canceled: !c.path, filePath: c.path ?? '' } : { canceled: !c.path, filePaths: c.path ? [c.path] : [] };
}
/** The options the last `kind` dialog was shown with. */
function lastDialog(kind: 'save' | 'open'): { title: string; defaultPath: string; filters: { extensions: string[] }[] } {
  const c = fake.callsOf(kind === 'save' ? 'dialog.showSaveDialog' : 'dialog.showOpenDialog').at(-1)!;
  return c.args.at(-1) as never;
}

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
  (fake.module.app as { isPackaged: boolean }).isPackaged = true; // as installed from the setup program
  fake.answer('app.getPath', () => userData);
  fake.answer('BrowserWindow.getAllWindows', () => fake.instances('BrowserWindow'));
  fake.answer('BrowserWindow.getFocusedWindow', () => fake.instances('BrowserWindow')[0] ?? null);
  fake.answer('BrowserWindow.isDestroyed', () => false);
  fake.answer('BrowserWindow.isMinimized', () => false);
  fake.answer('BrowserWindow.webContents.printToPDF', () => Promise.resolve(FAKE_PDF));
  // The system print dialog: the user clicks 打印.
  fake.answer('BrowserWindow.webContents.print', (_opts, done) => (done as (ok: boolean, reason: string) => void)(true, ''));
  // The system dialogs answer what the test scripts next (the user's choice), in order.
  fake.answer('dialog.showSaveDialog', () => Promise.resolve(nextChoice('save')));
  fake.answer('dialog.showOpenDialog', () => Promise.resolve(nextChoice('open')));
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

async function call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  frameUrl = APP_PAGE;
  const r = await page.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value as T;
}

async function refusal(method: string, input: unknown = {}): Promise<string> {
  frameUrl = APP_PAGE;
  const r = await page.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error!.message;
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
    expect(options).toEqual(windowOptions(options.webPreferences!.preload!, { devTools: false }));
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(options.webPreferences!.preload).toMatch(/preload[\\/]preload\.cjs$/);
    const win = fake.pathOf(made[0].result);
    expect(fake.callsOf(`${win}.loadURL`).map((c) => c.args[0])).toEqual([APP_PAGE]);
    // lockDownContents ran on it, and lockDownSession on the default session.
    const [openHandler] = fake.callsOf(`${win}.webContents.setWindowOpenHandler`)[0].args as [(d: { url: string }) => unknown];
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const [permissionCheck] = fake.callsOf('session.defaultSession.setPermissionCheckHandler')[0].args as [() => boolean];
    expect(permissionCheck()).toBe(false);
  });

  it('leaves Ctrl + / Ctrl − / Ctrl 0 to the page’s 字号, and remembers it across restarts', () => {
    // Electron's default menu would turn these keys into page zoom (and Ctrl R into a reload losing an open form).
    const built = fake.callsOf('Menu.buildFromTemplate');
    expect(built).toHaveLength(1);
    expect(fake.callsOf('Menu.setApplicationMenu').map((c) => c.args[0])).toEqual([built[0].result]);
    const items: MenuItemConstructorOptions[] = [];
    const walk = (list: MenuItemConstructorOptions[]) => list.forEach((i) => (items.push(i), Array.isArray(i.submenu) && walk(i.submenu)));
    walk(built[0].args[0] as MenuItemConstructorOptions[]);
    const roles = items.map((i) => i.role).filter(Boolean);
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'windowMenu', 'appMenu']) expect(roles).not.toContain(role);
    expect(items.filter((i) => i.accelerator)).toEqual([]);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo']));
    // Pinch zoom is held at 1, so the only way to enlarge is the setting whose layouts are checked.
    const win = fake.pathOf(fake.instances('BrowserWindow')[0]);
    expect(fake.callsOf(`${win}.webContents.setVisualZoomLevelLimits`).map((c) => c.args)).toEqual([[1, 1]]);
    // The 字号 is kept in the page's localStorage, which Electron persists only for a standard, secure scheme.
    const schemes = fake.callsOf('protocol.registerSchemesAsPrivileged')[0].args[0] as { scheme: string; privileges: Record<string, boolean> }[];
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });
});

describe('files in the desktop app go through the system dialogs', () => {
  const vaults = join(home, 'D盘', '档案');
  const usb = join(home, 'U盘');
  let vaultFile = '';

  beforeAll(() => {
    mkdirSync(vaults, { recursive: true });
    mkdirSync(usb, { recursive: true });
  });

  it('the vault location is chosen in a save dialog; a typed path is refused', async () => {
    expect(await refusal('vault.create', { path: join(vaults, 'typed.cdv'), password: 'Abcdefgh-123', operator: '李组织' })).toBe('桌面版请点“选择…”在系统对话框中选择档案库位置');
    choose('save', null);
    expect(await call('dialog.chooseVault', { purpose: 'create' })).toMatchObject({ chosen: false, status: { path: process.env.CADRE_DESK_VAULT } });
    choose('save', join(vaults, '大良街道档案库')); // Linux dialogs return the name as typed, without .cdv
    vaultFile = join(vaults, '大良街道档案库.cdv');
    expect(await call('dialog.chooseVault', { purpose: 'create' })).toMatchObject({ chosen: true, status: { path: vaultFile, exists: false } });
    expect(lastDialog('save').filters).toEqual([{ name: '档案库文件', extensions: ['cdv'] }]);
    // The dialog belongs to the app's window.
    expect(fake.pathOf(fake.callsOf('dialog.showSaveDialog').at(-1)!.args[0])).toBe('BrowserWindow#1');
    expect(await call('vault.create', { password: 'Abcdefgh-123', operator: '李组织', demo: true })).toMatchObject({ path: vaultFile, unlocked: true });
    expect(existsSync(vaultFile)).toBe(true);
  });

  it('a print goes through printToPDF of a hidden window that runs no script', async () => {
    const windowsBefore = fake.instances('BrowserWindow').length;
    const [cadre] = await call<{ id: string }[]>('cadre.list', {});
    const pdf = await call<{ base64: string; pages: number }>('print.rmbPdf', { ids: [cadre.id] });
    expect(Buffer.from(pdf.base64, 'base64')).toEqual(FAKE_PDF);
    const made = fake.callsOf('BrowserWindow').filter((c) => c.kind === 'new').slice(windowsBefore);
    expect(made).toHaveLength(1);
    expect(made[0].args[0]).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    const win = fake.pathOf(made[0].result);
    expect(fake.callsOf(`${win}.webContents.printToPDF`)).toHaveLength(1);
    expect(fake.callsOf(`${win}.webContents.printToPDF`)[0].args[0]).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(fake.callsOf(`${win}.destroy`)).toHaveLength(1);
    // The print window's session lets nothing else in.
    const [beforeRequest] = fake.callsOf('session.fromPartition().webRequest.onBeforeRequest')[0].args as [(d: { url: string }, cb: (r: { cancel: boolean }) => void) => void];
    let cancelled: boolean | undefined;
    beforeRequest({ url: 'https://example.com/x.png' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });

  it('打印 opens the system print dialog for a hidden, script-less window', async () => {
    const windowsBefore = fake.instances('BrowserWindow').length;
    const [cadre] = await call<{ id: string }[]>('cadre.list', {});
    expect(await call('print.toPrinter', { kind: 'rmb', ids: [cadre.id] })).toEqual({ ok: true });
    const made = fake.callsOf('BrowserWindow').filter((c) => c.kind === 'new').slice(windowsBefore);
    expect(made).toHaveLength(1);
    expect(made[0].args[0]).toMatchObject({ show: false, webPreferences: { javascript: false } });
    const win = fake.pathOf(made[0].result);
    expect(fake.callsOf(`${win}.webContents.print`)[0].args[0]).toMatchObject({ silent: false });
  });

  it('an export is saved where the save dialog says, and the folder is remembered for that kind of file', async () => {
    choose('save', join(usb, '审批表.pdf'));
    const saved = await call('file.save', { fileName: '../../干部任免审批表-张三.pdf', base64: FAKE_PDF.toString('base64') });
    expect(saved).toEqual({ saved: true, path: join(usb, '审批表.pdf') });
    expect(readFileSync(join(usb, '审批表.pdf'))).toEqual(FAKE_PDF);
    // Only the last part of the suggested name is used.
    expect(lastDialog('save').defaultPath).toBe(join(homedir(), '干部任免审批表-张三.pdf'));

    choose('save', null);
    expect(await call('file.save', { fileName: '花名册.pdf', base64: FAKE_PDF.toString('base64') })).toEqual({ saved: false });
    expect(lastDialog('save').defaultPath).toBe(join(usb, '花名册.pdf'));
    expect(JSON.parse(readFileSync(join(userData, 'shell-settings.json'), 'utf8'))).toMatchObject({ folders: { pdf: usb, vault: vaults }, lastVault: vaultFile });
    expect(await refusal('file.save', { fileName: 'run.bat', base64: 'AAAA' })).toBe('不能保存这种文件：run.bat');
  });

  it('a backup file is restored from where the open dialog found it', async () => {
    const backup = await call<{ file: string }>('vault.backupNow');
    const copy = join(usb, '备份副本.cdv');
    copyFileSync(join(`${vaultFile}.backups`, backup.file), copy);
    await call('settings.update', { autoLockMinutes: 33 });
    choose('open', copy);
    expect(await call('dialog.chooseBackupFile')).toEqual({ chosen: copy });
    expect(lastDialog('open').defaultPath).toBe(`${vaultFile}.backups`);
    expect(await call('vault.restoreBackup', { password: 'Abcdefgh-123', operator: '李组织' })).toMatchObject({ unlocked: true, path: vaultFile });
    expect(await call('settings.get')).toMatchObject({ autoLockMinutes: 15 });
  });

  it('opening another vault: the open dialog, refused while one is open, and only a real vault file', async () => {
    expect(await refusal('dialog.chooseVault', { purpose: 'open' })).toBe('请先锁定当前档案库，再选择其他档案库');
    await call('vault.lock');
    choose('open', usb);
    expect(await refusal('dialog.chooseVault', { purpose: 'open' })).toBe('所选位置是文件夹，不是档案库文件');
    choose('open', vaultFile);
    expect(await call('dialog.chooseVault', { purpose: 'open' })).toMatchObject({ chosen: true, status: { path: vaultFile, exists: true, unlocked: false } });
    expect(lastDialog('open').defaultPath).toBe(vaults);
    expect(await call('vault.unlock', { password: 'Abcdefgh-123', operator: '李组织' })).toMatchObject({ unlocked: true, path: vaultFile });
    expect(statSync(join(userData, 'shell-settings.json')).isFile()).toBe(true);
  });
});
