/**
 * Electron entry: one window, the renderer loaded from our own files through the `app://`
 * scheme, the contract handled by the same router browser mode uses.
 */
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppState } from '../handlers/appState.js';
import { invoke } from '../handlers/router.js';
import { APP_ORIGIN, isAppUrl, lockDownContents, lockDownSession } from './security.js';
import { windowOptions } from './windowOptions.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', '..', '..', 'renderer');
const preload = join(here, '..', 'preload', 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the vault lock; bring the first window forward instead.
  app.quit();
}

const state = new AppState('electron');

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(windowOptions(preload));
  lockDownContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => lockDownContents(contents));
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());

app.whenReady().then(async () => {
  lockDownSession(session.defaultSession);
  protocol.handle('app', (req) => {
    const rel = decodeURIComponent(new URL(req.url).pathname);
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep)) return new Response('禁止访问', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
  ipcMain.handle('cadre:invoke', (e, method: unknown, input: unknown) => {
    if (!e.senderFrame || !isAppUrl(e.senderFrame.url)) return { ok: false, error: { code: 'INTERNAL', message: '拒绝来自未知页面的请求' } };
    return invoke(state, String(method), input);
  });
  state.events.on('event', (ev) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send('cadre:event', ev);
  });
  await createWindow();
});

app.on('window-all-closed', () => {
  state.dispose();
  app.quit();
});
