/**
 * The renderer's only way to the privileged side. In Electron the preload exposes
 * `window.cadreDesk.invoke`; in browser mode the same call goes over HTTP to the bridge.
 */
import type { AppEvent, Input, MethodName, Output } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/contract/define.js';

interface PreloadApi {
  invoke(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: ApiError }>;
  onEvent(cb: (e: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    cadreDesk?: PreloadApi;
  }
}

/** Thrown by `invoke` with the server's Chinese message and per-field messages. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
  get fields() {
    return this.error.fields ?? {};
  }
}

function token(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('cadre-token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('cadre-token') ?? '';
}
const bridgeToken = typeof window !== 'undefined' && !window.cadreDesk ? token() : '';

const lockListeners = new Set<(e: AppEvent) => void>();

export async function invoke<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> {
  let result: { ok: boolean; value?: unknown; error?: ApiError };
  if (window.cadreDesk) {
    result = await window.cadreDesk.invoke(method, input);
  } else {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cadre-token': bridgeToken },
      body: JSON.stringify({ method, input }),
    });
    result = (await res.json()) as typeof result;
  }
  if (!result.ok) {
    const error = result.error ?? { code: 'INTERNAL', message: '未知错误' };
    if (error.code === 'LOCKED') for (const l of lockListeners) l({ type: 'locked', reason: 'idle' });
    throw new ApiCallError(error);
  }
  return result.value as Output<K>;
}

export function onEvent(cb: (e: AppEvent) => void): () => void {
  lockListeners.add(cb);
  let off = () => {};
  if (window.cadreDesk) off = window.cadreDesk.onEvent(cb);
  else {
    const es = new EventSource(`/api/events?token=${encodeURIComponent(bridgeToken)}`);
    es.onmessage = (m: MessageEvent<string>) => cb(JSON.parse(m.data) as AppEvent);
    off = () => es.close();
  }
  return () => {
    lockListeners.delete(cb);
    off();
  };
}

/**
 * Saves bytes produced by the privileged side (exports, PDFs). The desktop app hands them back
 * to be written where the system save dialog says (the page never names a folder); browser mode
 * downloads them. Resolves false when the user cancelled the dialog.
 */
export async function saveBytes(fileName: string, base64: string, mime = 'application/octet-stream'): Promise<boolean> {
  if (window.cadreDesk) return (await invoke('file.save', { fileName, base64 })).saved;
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Reads a user-chosen file as base64 for import handlers. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve((typeof r.result === 'string' ? r.result : '').replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('无法读取该文件'));
    r.readAsDataURL(file);
  });
}
