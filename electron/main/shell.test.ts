/**
 * The Electron shell's plain parts, each given fakes directly: the window's security options,
 * the lock-down hooks and the app:// file server. The shell as a whole (main.ts started against
 * a recording fake of `electron`) is in shellStart.test.ts.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

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
