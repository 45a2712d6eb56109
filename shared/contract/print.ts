import { z } from 'zod';
import { method } from './define.js';
import { jobId } from './job.js';
import { daySchema, yearMonthSchema } from '../domain/common.js';

/** Something the user must know before printing (text moved to a 续页, shrunk, photo unusable). */
export interface PrintWarning {
  /** 'warning': content moved to a 续页 or left out; 'info': shrunk but complete. */
  level: 'warning' | 'info';
  cadreId: string;
  cadreName: string;
  /** The form field, e.g. 简历, 家庭主要成员及重要社会关系. */
  field: string;
  message: string;
}

export interface PrintPreview {
  title: string;
  /** The complete print document (its own @page CSS, no script); shown in a sandboxed iframe. */
  html: string;
  warnings: PrintWarning[];
  /** Fixed-size sheets in the document (a 续页 can run longer than one page). */
  sheets: number;
}

export interface PrintPdf {
  fileName: string;
  base64: string;
  pages: number;
  warnings: PrintWarning[];
}

const id = z.string().min(1);
/** 计算年龄时间; empty = today. */
const refDate = z.union([yearMonthSchema, daySchema, z.literal('')]).default('');
const rmbInput = z.object({
  ids: z.array(id).min(1, '请至少选择 1 名干部').max(500, '一次最多打印 500 份审批表'),
  refDate,
  job: jobId,
});
const dossierInput = z.object({ candidateId: id });

export const printContract = {
  'print.rmbPreview': method<PrintPreview>()(rmbInput),
  'print.rmbPdf': method<PrintPdf>()(rmbInput),
  'print.dossierPreview': method<PrintPreview>()(dossierInput),
  'print.dossierPdf': method<PrintPdf>()(dossierInput),
  /** Electron only: the system print dialog. Browser mode prints the preview with the browser. */
  'print.toPrinter': method<{ ok: boolean; message?: string }>()(
    z.discriminatedUnion('kind', [rmbInput.extend({ kind: z.literal('rmb') }), dossierInput.extend({ kind: z.literal('dossier') })]),
  ),
  'print.capabilities': method<{ systemPrint: boolean; engine: string }>()(z.object({})),
};
