/**
 * Long calls run as named jobs: their worker's progress goes out on the event stream
 * (`{type:'progress', job, …}`) and `job.cancel` ends the worker. Only work that keeps nothing
 * (previews, exports, PDFs) runs this way; a save is never a cancellable job.
 */
import type { jobContract } from '../../shared/contract/job.js';
import { runInWorker, type Progress, type RunOptions } from '../workers/pool.js';
import type { RawJson } from '../workers/rawJson.js';
import type { TaskInput, TaskName, TaskOutput } from '../workers/tasks.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';

const running = new WeakMap<AppState, Map<string, AbortController>>();
/**
 * Cancels that arrived before their job was registered (the page names the job before its call,
 * which may still be uploading a large file, reaches this side). Kept briefly and bounded.
 */
const early = new WeakMap<AppState, Map<string, number>>();
const EARLY_KEEP_MS = 60_000;
const EARLY_MAX = 100;

function earlyOf(app: AppState): Map<string, number> {
  let m = early.get(app);
  if (!m) early.set(app, (m = new Map<string, number>()));
  return m;
}

function rememberEarlyCancel(app: AppState, job: string): void {
  const m = earlyOf(app);
  const now = Date.now();
  for (const [id, at] of m) if (now - at > EARLY_KEEP_MS || m.size >= EARLY_MAX) m.delete(id);
  m.set(job, now);
}

function takeEarlyCancel(app: AppState, job: string): boolean {
  const m = earlyOf(app);
  const at = m.get(job);
  m.delete(job);
  return at !== undefined && Date.now() - at <= EARLY_KEEP_MS;
}

function jobsOf(app: AppState): Map<string, AbortController> {
  let m = running.get(app);
  if (!m) running.set(app, (m = new Map<string, AbortController>()));
  return m;
}

function jobOptions(app: AppState, job: string | undefined, opts: Omit<RunOptions, 'signal' | 'onProgress'>) {
  const ctrl = new AbortController();
  if (job) {
    jobsOf(app).set(job, ctrl);
    if (takeEarlyCancel(app, job)) ctrl.abort();
  }
  const done = () => {
    if (job && jobsOf(app).get(job) === ctrl) jobsOf(app).delete(job);
  };
  const run: RunOptions = {
    ...opts,
    signal: ctrl.signal,
    onProgress: job ? (p) => app.emit({ type: 'progress', job, ...p }) : undefined,
  };
  return { run, done, signal: ctrl.signal };
}

/** Runs a task as a named job; the result comes back as JSON text (RawJson), ready to send. */
export async function runJob<T extends TaskName>(
  app: AppState,
  job: string | undefined,
  task: T,
  input: TaskInput<T>,
  opts: Omit<RunOptions, 'signal' | 'onProgress'> = {},
): Promise<RawJson<TaskOutput<T>>> {
  const j = jobOptions(app, job, opts);
  try {
    return await runInWorker(task, input, { ...j.run, asJson: true });
  } finally {
    j.done();
  }
}

/**
 * A named job whose result this thread still works with (to commit it, or hand it to Chromium):
 * `work` gets a runner for worker tasks and the job's signal, and may report stages itself.
 */
export async function withJob<R>(
  app: AppState,
  job: string | undefined,
  work: (ctx: {
    run: <T extends TaskName>(task: T, input: TaskInput<T>, opts?: Omit<RunOptions, 'signal' | 'onProgress'>) => Promise<TaskOutput<T>>;
    signal: AbortSignal;
    report: (p: Progress) => void;
  }) => Promise<R>,
): Promise<R> {
  const j = jobOptions(app, job, {});
  try {
    return await work({
      run: (task, input, opts = {}) => runInWorker(task, input, { ...opts, signal: j.signal, onProgress: j.run.onProgress }),
      signal: j.signal,
      report: (p) => j.run.onProgress?.(p),
    });
  } finally {
    j.done();
  }
}

export const jobHandlers: HandlersFor<typeof jobContract> = {
  'job.cancel': ({ job }, app) => {
    const ctrl = jobsOf(app).get(job);
    if (!ctrl) {
      rememberEarlyCancel(app, job);
      return { cancelled: false };
    }
    ctrl.abort();
    return { cancelled: true };
  },
};
