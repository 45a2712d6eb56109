/**
 * Electron entry: one window, the renderer loaded from our own files through the `app://`
 * scheme, the contract handled by the same router browser mode uses. Everything with logic
 * lives in plain modules (appProtocol, security, windowOptions, handlers); this file wires them.
 * It is the desktop app's composition root: the Electron platform set (platform.ts) is built here
 * and handed to the one AppState.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppState } from '../handlers/appState.js';
import { invoke } from '../handlers/router.js';
import { appMenuTemplate } from './appMenu.js';
import { serveAppRequest } from './appProtocol.js';
import { electronPlatform } from './platform.js';
import { APP_ORIGIN, isAppUrl, lockDownContents, lockDownSession } from './security.js';
import { devToolsAllowed, windowOptions } from './windowOptions.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', '..', '..', 'renderer');
const preload = join(here, '..', 'preload', 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(windowOptions(preload, { devTools: devToolsAllowed(app.isPackaged, process.argv) }));
  lockDownContents(win.webContents);
  // Pinch zoom would scale the page past the layouts checked at 特大; the 字号 setting is the way to enlarge.
  void win.webContents.setVisualZoomLevelLimits(1, 1);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

function start(): void {
  const state = new AppState(electronPlatform());
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents));
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => {
    state.dispose();
    app.quit();
  });

  void app.whenReady().then(async () => {
    lockDownSession(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate()));
    protocol.handle('app', (req) => serveAppRequest(rendererDir, req.url));
    ipcMain.handle('cadre:invoke', (e, method: unknown, input: unknown) => {
      if (!e.senderFrame || !isAppUrl(e.senderFrame.url)) return { ok: false, error: { code: 'INTERNAL', message: '拒绝来自未知页面的请求' } };
      return invoke(state, String(method), input);
    });
    state.events.on('event', (ev) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send('cadre:event', ev);
    });
    await createWindow();
  });
}

// A second copy would fight over the vault lock: it hands over to the first window and quits
// before wiring anything up.
if (app.requestSingleInstanceLock()) start();
else app.quit();
