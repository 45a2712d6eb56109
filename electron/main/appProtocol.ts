/**
 * Serves the renderer's own files for the `app://cadre-desk/…` scheme. Plain Node (no
 * `electron` import) so it is unit-tested directly. Reads the file itself rather than handing
 * a `file://` URL to net.fetch: nothing outside the renderer folder is ever reachable, and every
 * response carries the CSP (webRequest's header hook does not see custom-scheme responses).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CSP, MIME } from '../bridge/server.js';

export const APP_HOST = 'cadre-desk';

export async function serveAppRequest(rendererDir: string, url: string): Promise<Response> {
  const root = resolve(rendererDir);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('请求无效', { status: 400 });
  }
  if (parsed.protocol !== 'app:' || parsed.host !== APP_HOST) return new Response('禁止访问', { status: 403 });
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return new Response('请求无效', { status: 400 });
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root + sep)) return new Response('禁止访问', { status: 403 });
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('未找到', { status: 404 });
  }
}
