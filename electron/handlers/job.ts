/**
 * Long calls run as named jobs: their worker's progress goes out on the event stream
 * (`{type:'progress', job, …}`) and `job.cancel` ends the worker. Only work that keeps nothing
 * (previews, exports, PDFs) runs this way; a save is never a cancellable job.
 */
import type { jobContract } from '../../shared/contract/job.js';
import { runInWorker, type RunOptions } from '../workers/pool.js';
import type { RawJson } from '../workers/rawJson.js';
import type { TaskInput, TaskName, TaskOutput } from '../workers/tasks.js';
import type { AppState } from './appState.js';
import type { HandlersFor } from './types.js';

const running = new WeakMap<AppState, Map<string, AbortController>>();

function jobsOf(app: AppState): Map<string, AbortController> {
  let m = running.get(app);
  if (!m) running.set(app, (m = new Map()));
  return m;
}

/** Runs a task as a named job; the result comes back as JSON text (RawJson), ready to send. */
export async function runJob<T extends TaskName>(
  app: AppState,
  job: string | undefined,
  task: T,
  input: TaskInput<T>,
  opts: Omit<RunOptions, 'signal' | 'onProgress'> = {},
): Promise<RawJson<TaskOutput<T>>> {
  const ctrl = new AbortController();
  if (job) jobsOf(app).set(job, ctrl);
  try {
    return await runInWorker(task, input, {
      ...opts,
      asJson: true,
      signal: ctrl.signal,
      onProgress: job ? (p) => app.emit({ type: 'progress', job, ...p }) : undefined,
    });
  } finally {
    if (job && jobsOf(app).get(job) === ctrl) jobsOf(app).delete(job);
  }
}

export const jobHandlers: HandlersFor<typeof jobContract> = {
  'job.cancel': ({ job }, app) => {
    const ctrl = jobsOf(app).get(job);
    if (!ctrl) return { cancelled: false };
    ctrl.abort();
    return { cancelled: true };
  },
};
