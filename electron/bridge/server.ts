/**
 * Browser mode: the same handlers behind HTTP on 127.0.0.1, serving the built renderer.
 * Guards: a per-run secret token on every API call, and Host/Origin must be this server
 * (blocks other local pages and DNS-rebinding). Static files need no token: they hold no data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppState } from '../handlers/appState.js';
import { browserPlatform } from '../platform/browser.js';
import { invoke } from '../handlers/router.js';
import { RawJson } from '../workers/rawJson.js';
import type { AppEvent } from '../../shared/contract/index.js';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (附件 PDFs), emitted by vite under its own .mjs name
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Same policy as the Electron shell: nothing remote, no eval. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Files arrive as base64 inside the JSON call: the largest the app accepts, a 100 MB LRMX zip,
 * is ~134 MB that way. Anything beyond is refused.
 */
export const MAX_BODY = 150 * 1024 * 1024;
const TOO_BIG_MESSAGE = `请求过大（浏览器模式下一次最多 ${MAX_BODY / 1024 / 1024} MB）`;

export interface BridgeOptions {
  rendererDir: string;
  vaultPath?: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  /** The address to open, token included. */
  openUrl: string;
  token: string;
  port: number;
  app: AppState;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const app = new AppState(browserPlatform(opts.vaultPath));
  const rendererDir = resolve(opts.rendererDir);
  let port = 0;
  const sse = new Set<ServerResponse>();
  app.events.on('event', (e: AppEvent) => {
    for (const res of sse) res.write(`data: ${JSON.stringify(e)}\n\n`);
  });

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  function refuse(res: ServerResponse, status: number, message: string) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message } }));
  }

  /**
   * Reads a call's body, but never past the cap: a body announced as too large is refused before
   * a byte is read, one that grows past it (chunked) as soon as it does. The answer goes out with
   * `Connection: close` and the socket is dropped once it is sent, so the rest is never read.
   */
  async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
    const refuseTooBig = () => {
      // Taken now: once the answer is sent, Node detaches the socket from the request.
      const socket = req.socket;
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ ok: false, error: { code: 'INVALID', message: TOO_BIG_MESSAGE } }), () => setTimeout(() => socket.destroy(), 50));
      return null;
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return refuseTooBig();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        req.pause();
        return refuseTooBig();
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function serveStatic(res: ServerResponse, urlPath: string) {
    let rel = decodeURIComponent(urlPath.split('?')[0]);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep)) return refuse(res, 403, '禁止访问');
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('未找到');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(await readFile(file));
  }

  // Every failure is answered inside (the catch below), so the request's promise never rejects.
  const server = createServer((req, res) => void (async () => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return refuse(res, 403, '拒绝访问：Host 不符');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) return refuse(res, 403, '拒绝访问：来源不符');
      const url = req.url ?? '/';
      if (url.startsWith('/api/')) {
        const given = String(req.headers['x-cadre-token'] ?? '');
        const fromQuery = new URL(url, 'http://x').searchParams.get('token') ?? '';
        // EventSource cannot set headers, so the events stream alone takes the token in the query.
        const ok = url.startsWith('/api/events') ? safeEqual(fromQuery, token) : safeEqual(given, token);
        if (!ok) return refuse(res, 401, '拒绝访问：缺少或错误的访问令牌');
        if (url.startsWith('/api/events') && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': ok\n\n');
          sse.add(res);
          req.on('close', () => sse.delete(res));
          return;
        }
        if (url === '/api/invoke' && req.method === 'POST') {
          if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, '请求格式错误');
          const raw = await readBody(req, res);
          if (raw === null) return;
          const body = JSON.parse(raw) as { method?: unknown; input?: unknown };
          const result = await invoke(app, typeof body.method === 'string' ? body.method : '', body.input, { rawJson: true });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          if (!(result.ok && result.value instanceof RawJson)) return res.end(JSON.stringify(result));
          res.write('{"ok":true,"value":');
          res.write(result.value.utf8);
          return res.end('}');
        }
        return refuse(res, 404, '未知接口');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求');
      return await serveStatic(res, url);
    } catch (e) {
      if (!res.headersSent) refuse(res, 400, `请求无效：${(e as Error).message}`);
      else res.end();
    }
  })());

  await new Promise<void>((done) => server.listen(opts.port ?? 0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    app,
    close: () =>
      new Promise<void>((done) => {
        app.dispose();
        for (const r of sse) r.end();
        sse.clear();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
