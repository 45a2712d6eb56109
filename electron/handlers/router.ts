import { AppError, type ApiError, zodFieldErrors } from '../../shared/contract/define.js';
import { contract, type MethodName } from '../../shared/contract/index.js';
import type { AppState } from './appState.js';
import { handlers } from './index.js';
import { plain } from '../workers/rawJson.js';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

/**
 * The single entry point for both IPC (Electron) and HTTP (browser mode): validate the input
 * against the contract, run the handler, and turn any failure into `{code, message}`.
 * With `rawJson`, a result a worker already wrote as JSON comes back as that RawJson text.
 */
export async function invoke(app: AppState, method: string, input: unknown, opts: { rawJson?: boolean } = {}): Promise<InvokeResult> {
  if (!Object.prototype.hasOwnProperty.call(contract, method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(method).slice(0, 60)}` } };
  }
  const def = contract[method as MethodName];
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    const first = Object.entries(fields)[0];
    return { ok: false, error: { code: 'INVALID', message: first ? first[1] : '输入无效', fields } };
  }
  app.touch();
  try {
    const handler = handlers[method as MethodName] as (i: unknown, a: AppState) => unknown;
    const value = await handler(parsed.data, app);
    // Only a caller that writes JSON itself (the browser-mode bridge) takes the text as it is.
    return { ok: true, value: opts.rawJson ? value : plain(value) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toJSON() };
    console.error(`[cadre-desk] ${method} failed:`, e);
    return { ok: false, error: { code: 'INTERNAL', message: `操作失败：${(e as Error)?.message ?? String(e)}` } };
  }
}
