import { z } from 'zod';
import { method } from './define.js';

/** What a long job is doing, as the progress bar names it. */
export type JobStage = '读取' | '校验' | '写入' | '生成 PDF';

/** Sent on the event stream while a long job runs; `job` is the id the caller gave the call. */
export interface ProgressEvent {
  type: 'progress';
  job: string;
  done: number;
  total: number;
  stage: JobStage;
}

/**
 * Optional on calls that may run long: the caller names the job so it can follow its progress
 * and cancel it. Chosen by the renderer (a random id); it carries no authority.
 */
export const jobId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional();

export const jobContract = {
  /**
   * Stops a running job (preview, export, PDF) by ending its worker; the call that started it
   * then fails with code CANCELLED (已取消). Saves are never cancellable. Unknown or finished
   * jobs: `{cancelled: false}`.
   */
  'job.cancel': method<{ cancelled: boolean }>()(z.object({ job: z.string().min(1).max(64) })),
};

/** How long work tells how far it is; workers forward it, throttled, as ProgressEvents. */
export type ReportProgress = (done: number, total: number, stage: JobStage) => void;
