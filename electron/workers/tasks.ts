/**
 * What the worker threads can be asked to do. Each task gets its plain input, the big arrays sent
 * in slices (`bulk`) and a way to report progress; it runs in the worker, never on the thread
 * that answers calls. Nothing here may import `electron`.
 */
import type { ReportProgress } from '../../shared/contract/job.js';
import type { ImportPreview } from '../../shared/contract/import.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import type { AuditEntry } from '../../shared/domain/audit.js';
import type { PrintPdf, PrintPreview } from '../../shared/contract/print.js';
import { countPdfPages } from '../print/pdf.js';
import { auditWorkbook } from '../handlers/auditLogExport.js';
import { exportRoster } from '../importer/export.js';
import { previewFile, type PreviewOptions } from '../importer/preview.js';
import { previewVillages } from '../importer/villageRoster.js';
import { buildLrmxZip } from '../lrmx/exportMany.js';
import { importLrmxFiles } from '../lrmx/importFiles.js';
import { rmbHtml, type RmbOptions } from '../print/rmbForm.js';
import { writeFileAtomic } from '../vault/atomicWrite.js';
import { encodeVaultParts, type KdfParams } from '../vault/format.js';
import { encodePayload } from '../vault/payload.js';
import { saveError } from '../vault/saveError.js';
import { processPhoto } from '../photos/process.js';
import { defaultCrop, type CropRect } from '../photos/crop.js';

/** Bytes cross threads as Uint8Array; the Node APIs here want Buffers (no copy). */
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export const tasks = {
  /** 批量照片: crop to 3:4, resize, JPEG-compress each photo; one failure is reported, not thrown. */
  'photos.process': (input: { items: Array<{ fileName: string; bytes: Uint8Array; crop?: CropRect }> }, _bulk: object, progress: ReportProgress) =>
    input.items.map((it, i) => {
      progress(i, input.items.length, '写入');
      try {
        return { jpeg: new Uint8Array(processPhoto(it.bytes, it.fileName, it.crop, defaultCrop)) };
      } catch (e) {
        return { error: (e as Error).message };
      }
    }),

  /** 花名册 read + validate (electron/importer/preview.ts). bulk: villages, cadres. */
  'import.preview': (
    input: { bytes: Uint8Array; fileName: string; opts: PreviewOptions },
    bulk: { villages?: Village[]; cadres?: Cadre[] },
    progress: ReportProgress,
  ): ImportPreview =>
    previewFile(asBuffer(input.bytes), input.fileName, input.opts, { villages: bulk.villages ?? [], cadres: bulk.cadres ?? [] }, progress),

  /** 村居名册 read + validate. bulk: villages. */
  'import.villagePreview': (
    input: { bytes: Uint8Array; fileName: string; opts: { sheet?: string; mapping?: Record<string, string> } },
    bulk: { villages?: Village[] },
    progress: ReportProgress,
  ) => {
    progress(0, 1, '读取');
    return previewVillages(asBuffer(input.bytes), input.fileName, input.opts, bulk.villages ?? []);
  },

  /** .lrmx files and zips of them, read and matched against the cadres on file. bulk: cadres. */
  'lrmx.read': (
    input: { files: { fileName: string; bytes: Uint8Array }[]; existing: 'update' | 'skip' },
    bulk: { cadres?: Cadre[] },
    progress: ReportProgress,
  ) => {
    progress(0, input.files.length, '读取');
    return importLrmxFiles(input.files.map((f) => ({ fileName: f.fileName, bytes: asBuffer(f.bytes) })), bulk.cadres ?? [], input.existing);
  },

  /** The Excel 花名册 of the given cadres, as the contract's answer. bulk: cadres, villages. */
  'export.roster': (
    input: { fileName: string; description?: string; date: string },
    bulk: { cadres?: Cadre[]; villages?: Village[] },
    progress: ReportProgress,
  ) => {
    const cadres = bulk.cadres ?? [];
    progress(0, cadres.length, '写入');
    const base64 = exportRoster(cadres, bulk.villages ?? [], { description: input.description, date: input.date }).toString('base64');
    return { fileName: input.fileName, base64, count: cadres.length };
  },

  /** One .zip of 任免审批表 plus its 清单. bulk: cadres (already chosen), villages. */
  'lrmx.zip': (input: { date: string; demo: boolean }, bulk: { cadres?: Cadre[]; villages?: Village[] }, progress: ReportProgress) => {
    const cadres = bulk.cadres ?? [];
    progress(0, cadres.length, '写入');
    const zip = buildLrmxZip(cadres, bulk.villages ?? [], input);
    return { fileName: zip.fileName, base64: asBuffer(zip.bytes).toString('base64'), count: cadres.length };
  },

  /** The filtered 操作日志 as Excel. bulk: entries. */
  'audit.workbook': (input: { fileName: string }, bulk: { entries?: AuditEntry[] }, progress: ReportProgress) => {
    const entries = bulk.entries ?? [];
    progress(0, entries.length, '写入');
    return { fileName: input.fileName, base64: auditWorkbook(entries).toString('base64'), count: entries.length };
  },

  /** 干部任免审批表 HTML for printing (layout and fitting of every sheet). bulk: cadres. */
  'print.rmbHtml': (input: { title: string; opts: RmbOptions }, bulk: { cadres?: Cadre[] }, progress: ReportProgress): PrintPreview => {
    const cadres = bulk.cadres ?? [];
    progress(0, cadres.length, '生成 PDF');
    const r = rmbHtml(cadres, input.opts);
    return { title: input.title, html: r.html, warnings: r.warnings, sheets: r.sheets };
  },

  /** A finished PDF made into the contract's answer: base64 and its page count (a scan of every byte). */
  'print.pdfAnswer': (input: { pdf: Uint8Array; fileName: string; warnings: PrintPreview['warnings'] }): PrintPdf => {
    const pdf = asBuffer(input.pdf);
    return { fileName: input.fileName, base64: pdf.toString('base64'), pages: countPdfPages(pdf), warnings: input.warnings };
  },

  /**
   * A save: pack, encrypt and atomically replace the vault file (temp file, fsync, rename,
   * fsync of the folder). The document comes as its non-array fields plus its arrays in bulk,
   * put back in the original key order.
   */
  'vault.write': (
    input: { path: string; master: Uint8Array; kdf: KdfParams; rest: Record<string, unknown>; keys: string[] },
    bulk: Record<string, unknown[]>,
    progress: ReportProgress,
  ): null => {
    const doc: Record<string, unknown> = {};
    for (const k of input.keys) doc[k] = k in bulk ? bulk[k] : input.rest[k];
    progress(0, 1, '写入');
    const master = asBuffer(input.master);
    try {
      writeFileAtomic(input.path, encodeVaultParts(encodePayload(doc), master, input.kdf));
    } catch (e) {
      throw saveError(e, input.path);
    } finally {
      master.fill(0);
    }
    progress(1, 1, '写入');
    return null;
  },
};

export type TaskName = keyof typeof tasks;
export type TaskInput<T extends TaskName> = Parameters<(typeof tasks)[T]>[0];
export type TaskOutput<T extends TaskName> = ReturnType<(typeof tasks)[T]>;
