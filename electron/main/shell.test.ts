/**
 * The Electron shell with `electron` mocked (its runtime cannot run here): the window's
 * security options, the lock-down hooks, the app:// file server, and main.ts's wiring.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  const calls = {
    schemes: [] as unknown[],
    windows: [] as { options: Record<string, unknown>; loaded: string[]; contents: unknown }[],
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
    appEvents: new Map<string, (...a: unknown[]) => void>(),
    quit: 0,
    singleInstance: true,
    sessionHooks: {} as Record<string, (...a: unknown[]) => unknown>,
  };
  return { calls };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { calls } = h;
  const fakeContents = () =>
    Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | (() => unknown),
      setWindowOpenHandler(fn: () => unknown) {
        this.openHandler = fn;
      },
      send: vi.fn(),
    });
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    webContents = fakeContents();
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      calls.windows.push({ options, loaded: this.loaded, contents: this.webContents });
      BrowserWindow.all.push(this);
    }
    once() {}
    show() {}
    isMinimized() {
      return false;
    }
    focus() {}
    async loadURL(u: string) {
      this.loaded.push(u);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: (...a: unknown[]) => unknown) => (calls.sessionHooks.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...a: unknown[]) => unknown) => (calls.sessionHooks.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (fn: (...a: unknown[]) => unknown) => (calls.sessionHooks.beforeRequest = fn),
        onHeadersReceived: (fn: (...a: unknown[]) => unknown) => (calls.sessionHooks.headersReceived = fn),
      },
    },
  };
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => calls.singleInstance,
      quit: () => calls.quit++,
      on: (name: string, fn: (...a: unknown[]) => void) => calls.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => calls.ipc.set(ch, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => calls.schemes.push(s),
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => calls.protocolHandlers.set(scheme, fn),
    },
    session,
    default: {},
  };
});

import { devToolsAllowed, windowOptions } from './windowOptions.js';
import { isAppUrl, lockDownContents, lockDownSession } from './security.js';
import { serveAppRequest } from './appProtocol.js';
import { CSP } from '../bridge/server.js';

type Handler = (...a: unknown[]) => unknown;

describe('windowOptions', () => {
  it('isolates the page from Node and Electron', () => {
    const o = windowOptions('/x/preload.cjs', { devTools: false });
    expect(o.webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(o.show).toBe(false); // shown on ready-to-show, never a white flash of half a page
    expect(o.title).toBe('村干部培育管理');
  });
});

describe('devToolsAllowed', () => {
  it('is off in the installed app unless support starts it with --enable-devtools, on in development', () => {
    expect(devToolsAllowed(true, ['/opt/cadre-desk/cadre-desk'])).toBe(false);
    expect(devToolsAllowed(true, ['/opt/cadre-desk/cadre-desk', '--enable-devtools'])).toBe(true);
    expect(devToolsAllowed(false, ['electron', '.'])).toBe(true);
  });
});

describe('lockDownContents', () => {
  function fake() {
    const c = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | Handler, setWindowOpenHandler(fn: Handler) { this.openHandler = fn; } });
    lockDownContents(c as never);
    return c;
  }
  const fire = (c: EventEmitter, name: string, url?: string) => {
    const ev = { preventDefault: vi.fn() };
    c.emit(name, ev, url);
    return ev.preventDefault.mock.calls.length > 0;
  };

  it('denies navigation and redirects away from the app, allows its own pages', () => {
    const c = fake();
    expect(fire(c, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(fire(c, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(c, 'will-navigate', 'app://cadre-desk.evil/')).toBe(true);
    expect(fire(c, 'will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire(c, 'will-navigate', 'app://cadre-desk/index.html')).toBe(false);
  });

  it('denies window.open and <webview>', () => {
    const c = fake();
    expect(c.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'app://cadre-desk/index.html' })).toEqual({ action: 'deny' });
    expect(fire(c, 'will-attach-webview')).toBe(true);
  });
});

describe('lockDownSession', () => {
  const hooks: Record<string, Handler> = {};
  beforeAll(() => {
    lockDownSession({
      setPermissionRequestHandler: (fn: Handler) => (hooks.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Handler) => (hooks.permissionCheck = fn),
      webRequest: { onBeforeRequest: (fn: Handler) => (hooks.beforeRequest = fn), onHeadersReceived: (fn: Handler) => (hooks.headersReceived = fn) },
    } as never);
  });

  it('denies every permission request and check', () => {
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      hooks.permissionRequest({}, perm, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(hooks.permissionCheck({}, perm)).toBe(false);
    }
  });

  it('cancels every remote request, lets the app’s own resources through', () => {
    const decide = (url: string) => {
      const cb = vi.fn();
      hooks.beforeRequest({ url }, cb);
      return cb.mock.calls[0][0].cancel as boolean;
    };
    expect(decide('https://cdn.example.com/lib.js')).toBe(true);
    expect(decide('http://127.0.0.1:3000/api')).toBe(true);
    expect(decide('ws://10.0.0.1/')).toBe(true);
    expect(decide('file:///C:/Windows/win.ini')).toBe(true);
    expect(decide('app://cadre-desk/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });

  it('adds the strict CSP to responses', () => {
    const cb = vi.fn();
    hooks.headersReceived({ responseHeaders: { 'x-a': ['1'] } }, cb);
    expect(cb.mock.calls[0][0].responseHeaders['Content-Security-Policy']).toEqual([CSP]);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|https?:/);
  });

  it('isAppUrl accepts only the app origin', () => {
    expect(isAppUrl('app://cadre-desk/x')).toBe(true);
    expect(isAppUrl('app://cadre-deskx/x')).toBe(false);
    expect(isAppUrl('https://cadre-desk/x')).toBe(false);
  });
});

describe('app:// file server', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cadre-renderer-'));
    mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>村干部培育管理</title>');
    writeFileSync(join(root, 'renderer', 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves renderer files with their type and the CSP', async () => {
    const r = await serveAppRequest(join(root, 'renderer'), 'app://cadre-desk/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(await r.text()).toContain('村干部培育管理');
    expect((await serveAppRequest(join(root, 'renderer'), 'app://cadre-desk/assets/a.js')).headers.get('content-type')).toContain('javascript');
  });

  it('refuses paths outside the renderer folder and foreign hosts', async () => {
    const dir = join(root, 'renderer');
    expect((await serveAppRequest(dir, 'app://cadre-desk/..%2Fsecret.txt')).status).toBe(403);
    expect((await serveAppRequest(dir, 'app://cadre-desk/%2e%2e/secret.txt')).status).not.toBe(200);
    expect((await serveAppRequest(dir, 'app://other-host/index.html')).status).toBe(403);
    expect((await serveAppRequest(dir, 'app://cadre-desk/missing.js')).status).toBe(404);
    expect((await serveAppRequest(dir, 'app://cadre-desk/%E0%A4%A')).status).toBe(400);
  });
});

describe('main.ts wiring (electron mocked)', () => {
  beforeAll(async () => {
    await import('./main.js');
    await new Promise((r) => setTimeout(r, 20)); // let whenReady's callback run
  });
  const { calls } = h;

  it('registers app:// as a secure standard scheme and opens one locked-down window on it', () => {
    expect(calls.schemes).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect(calls.windows).toHaveLength(1);
    expect(calls.windows[0].options).toEqual(windowOptions((calls.windows[0].options.webPreferences as { preload: string }).preload, { devTools: false }));
    expect((calls.windows[0].options.webPreferences as { preload: string }).preload).toMatch(/preload[\\/]preload\.cjs$/);
    expect(calls.windows[0].loaded).toEqual(['app://cadre-desk/index.html']);
    // lockDownContents ran on it: window.open is denied.
    expect((calls.windows[0].contents as { openHandler: Handler }).openHandler({ url: 'https://x' })).toEqual({ action: 'deny' });
    expect(calls.sessionHooks.permissionCheck({}, 'media')).toBe(false);
    expect(calls.protocolHandlers.has('app')).toBe(true);
  });

  it('answers contract calls only from the app’s own pages', async () => {
    const handle = calls.ipc.get('cadre:invoke')!;
    const foreign = await handle({ senderFrame: { url: 'https://evil.example/' } }, 'vault.status', {});
    expect(foreign).toMatchObject({ ok: false, error: { message: '拒绝来自未知页面的请求' } });
    const noFrame = await handle({ senderFrame: null }, 'vault.status', {});
    expect(noFrame).toMatchObject({ ok: false });
    const ok = (await handle({ senderFrame: { url: 'app://cadre-desk/index.html' } }, 'vault.status', {})) as { ok: boolean; value: { mode: string } };
    expect(ok.ok).toBe(true);
    expect(ok.value.mode).toBe('electron');
  });

  it('locks down every web contents created later and quits when the last window closes', () => {
    const later = Object.assign(new EventEmitter(), { openHandler: undefined as undefined | Handler, setWindowOpenHandler(fn: Handler) { this.openHandler = fn; } });
    calls.appEvents.get('web-contents-created')!({}, later);
    expect(later.openHandler?.({})).toEqual({ action: 'deny' });
    calls.appEvents.get('window-all-closed')!();
    expect(calls.quit).toBe(1);
  });
});
