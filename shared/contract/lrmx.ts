import { z } from 'zod';
import { method } from './define.js';
import { jobId } from './job.js';
import type { LrmxFileReport } from './import.js';

export const lrmxContract = {
  /**
   * Many .lrmx files at once; each file is taken whole or not at all, all taken ones form one batch.
   * A .zip stands for the .lrmx files inside it (reported as `<zip> › <name>`); its other files are
   * listed in `skipped`.
   */
  'lrmx.import': method<{ batchId?: string; reports: LrmxFileReport[]; skipped?: string[] }>()(
    z.object({
      files: z.array(z.object({ fileName: z.string().min(1).max(260), base64: z.string() })).min(1, '请选择任免审批表文件').max(1000),
      /** A file whose 身份证号码 is already on file: overwrite its 任免审批表 fields, or leave it. */
      existing: z.enum(['update', 'skip']).default('skip'),
      job: jobId,
    }),
  ),
  'lrmx.export': method<{ fileName: string; base64: string }>()(z.object({ id: z.string().min(1) })),
  /**
   * The list's cadres as one .zip: a .lrmx per cadre plus 清单.csv. The 5 000 cap is checked by the
   * handler (so the message can say how many were asked for); this bound only stops absurd input.
   */
  'lrmx.exportMany': method<{ fileName: string; base64: string; count: number }>()(
    z.object({ ids: z.array(z.string().min(1)).min(1, '没有要导出的干部：当前列表为空').max(100_000), job: jobId }),
  ),
};
