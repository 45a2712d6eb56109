/**
 * The worker thread's side of pool.ts: collects the bulk slices, runs the one task asked for,
 * reports progress at most every 100 ms, and answers with the result or the error (AppErrors
 * keep their code and Chinese message). Then it waits for the next task.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/contract/define.js';
import type { JobStage } from '../../shared/contract/job.js';
import type { FromWorker, ToWorker } from './pool.js';
import { tasks } from './tasks.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

const PROGRESS_EVERY_MS = 100;
let bulk: Record<string, unknown[]> = {};

function send(m: FromWorker): void {
  port!.postMessage(m);
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'bulk') {
    const into = (bulk[m.key] ??= []);
    for (const x of m.items) into.push(x);
    return;
  }
  const given = bulk;
  bulk = {};
  let last = 0;
  const progress = (done: number, total: number, stage: JobStage) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    send({ type: 'progress', done, total, stage });
  };
  try {
    const run = tasks[m.task] as (i: unknown, b: unknown, p: typeof progress) => unknown;
    if (!run) throw new Error(`未知的后台任务：${m.task}`);
    const value = run(m.input, given, progress);
    if (m.asJson) {
      const json = new TextEncoder().encode(JSON.stringify(value));
      port.postMessage({ type: 'done', json } satisfies FromWorker, [json.buffer]);
    } else send({ type: 'done', value });
  } catch (e) {
    if (e instanceof AppError) send({ type: 'error', code: e.code, message: e.message, fields: e.fields });
    else send({ type: 'error', message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack });
  }
});
