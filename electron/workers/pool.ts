/**
 * Long work (reading a 花名册, building exports and PDFs, packing and encrypting a save) runs in
 * worker threads so the thread that answers the window stays free. A few idle workers are kept
 * warm; a cancelled job's worker is ended outright (`terminate`), which is what makes cancelling
 * a job safe to do at any moment: nothing it did is kept.
 *
 * Large inputs (a 50 000-cadre list) are handed over in slices (`bulk`), one slice per turn of the
 * event loop: the structured clone runs on this thread, and in one piece it would block it for
 * seconds on a busy machine.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/contract/define.js';
import type { JobStage } from '../../shared/contract/job.js';
import { RawJson } from './rawJson.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

export interface Progress {
  done: number;
  total: number;
  stage: JobStage;
}

export interface RunOptions {
  /** Big arrays the task needs, sent in slices; the task finds them under the same keys. */
  bulk?: Record<string, readonly unknown[]>;
  /** Buffers moved (not copied) to the worker; unusable here afterwards. */
  transfer?: ArrayBuffer[];
  onProgress?: (p: Progress) => void;
  /** Aborting ends the worker; the call fails with CANCELLED (已取消). */
  signal?: AbortSignal;
}

/** The worker writes the result as JSON text (see rawJson.ts). */
export interface AsJson {
  asJson: true;
}

/** Messages between this thread and a worker (see worker.ts). */
export type ToWorker =
  | { type: 'bulk'; key: string; items: unknown[] }
  | { type: 'run'; task: TaskName; input: unknown; asJson?: boolean };
export type FromWorker =
  | { type: 'progress'; done: number; total: number; stage: JobStage }
  | { type: 'done'; value?: unknown; json?: Uint8Array }
  | { type: 'error'; code?: ErrorCode; message: string; fields?: Record<string, string>; stack?: string };

const SLICE = 500;
const MAX_IDLE = Math.max(1, Math.min(2, availableParallelism() - 1));

export const CANCELLED_MESSAGE = '已取消';

/**
 * From source (vitest, tsx) the worker is worker.ts and needs tsx's loader registered inside the
 * thread; from the built app (dist/node) it is the compiled worker.js beside this file.
 */
function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // tsx's ESM entry (its CommonJS twin cannot load the ESM half from inside a worker).
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./worker.js', here));
}

const idle: Worker[] = [];

function take(): Worker {
  const w = idle.pop() ?? spawn();
  w.removeAllListeners('exit');
  w.ref();
  return w;
}

function giveBack(w: Worker): void {
  w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (idle.length >= MAX_IDLE) {
    void w.terminate();
    return;
  }
  // An idle worker must not keep the process (CLI, tests) alive.
  w.unref();
  w.once('exit', () => idle.splice(idle.indexOf(w) >>> 0, 1));
  idle.push(w);
}

function errorFrom(m: Extract<FromWorker, { type: 'error' }>): Error {
  if (m.code) return new AppError(m.code, m.message, m.fields);
  const e = new Error(m.message);
  if (m.stack) e.stack = m.stack;
  return e;
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', CANCELLED_MESSAGE);
}

/** Runs one task in a worker thread. */
export function runInWorker<T extends TaskName>(task: T, input: TaskInput<T>, opts: RunOptions & AsJson): Promise<RawJson<TaskOutput<T>>>;
export function runInWorker<T extends TaskName>(task: T, input: TaskInput<T>, opts?: RunOptions): Promise<TaskOutput<T>>;
export async function runInWorker<T extends TaskName>(task: T, input: TaskInput<T>, opts: RunOptions & Partial<AsJson> = {}): Promise<unknown> {
  if (opts.signal?.aborted) throw cancelledError();
  const w = take();
  let settled = false;
  return new Promise<unknown>((resolve, reject) => {
    const finish = (err: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(value);
    };
    const onAbort = () => {
      w.removeAllListeners('message');
      void w.terminate();
      finish(cancelledError());
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    w.on('message', (m: FromWorker) => {
      if (m.type === 'progress') opts.onProgress?.({ done: m.done, total: m.total, stage: m.stage });
      else if (m.type === 'done') {
        giveBack(w);
        finish(null, m.json !== undefined ? new RawJson(m.json) : m.value);
      } else {
        giveBack(w);
        finish(errorFrom(m));
      }
    });
    w.on('error', (e) => finish(e));
    w.on('exit', (code) => finish(new Error(`后台任务意外结束（代码 ${code}）`)));
    void (async () => {
      try {
        for (const [key, items] of Object.entries(opts.bulk ?? {})) {
          for (let i = 0; i < items.length || i === 0; i += SLICE) {
            if (settled) return;
            w.postMessage({ type: 'bulk', key, items: items.slice(i, i + SLICE) } satisfies ToWorker);
            await nextTurn();
          }
        }
        if (!settled) w.postMessage({ type: 'run', task, input, asJson: opts.asJson } satisfies ToWorker, opts.transfer ?? []);
      } catch (e) {
        void w.terminate();
        finish(e as Error);
      }
    })();
  });
}

/** Ends the idle workers (tests, app quit). Running jobs are not touched. */
export async function closeIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
