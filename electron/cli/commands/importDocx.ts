/**
 * The .docx half of `npm run cli -- import`: a Word 干部任免审批表 (ours or typed by hand from the
 * template), matched to its 档案 by 姓名 + 出生年月 and compared field by field, as the import
 * page previews it. `--id-number=…` creates a person the vault does not have yet (the form has no
 * 身份证号码); `--cadre-id=…` picks the 档案 when several share the 姓名 and 出生年月.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import type { DocxDifference } from '../../../shared/contract/docx.js';
import { MAX_DOCX_BYTES } from '../../docx/docxPackage.js';
import { planDocxImport } from '../../docx/importRmb.js';
import { commitBatch } from '../../importer/batch.js';
import type { Session } from '../../store/session.js';

export const isWordPath = (path: string) => /\.docx?$/i.test(path);

export interface DocxCliReport {
  accepted: number;
  rejected: { file: string; message: string }[];
  warnings: { file: string; message: string }[];
  matched: { file: string; cadreId: string; differences: DocxDifference[] }[];
  created: number;
  updated: number;
  dryRun: boolean;
  batchId?: string;
}

export async function importDocxPath(session: Session, path: string, opts: { dryRun: boolean; idNumber?: string; cadreId?: string }): Promise<DocxCliReport> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    // Sized before reading: a stray video renamed .docx should not be pulled into memory.
    const size = statSync(path).size;
    if (size > MAX_DOCX_BYTES) throw new AppError('INVALID', `“${file}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB，不是正常的任免审批表 Word 文件`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IO', `无法读取文件 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const plan = planDocxImport([{ fileName: file, bytes, idNumber: opts.idNumber, cadreId: opts.cadreId }], session.doc.cadres);
  const r: DocxCliReport = { accepted: plan.create.length + plan.update.length, rejected: [], warnings: [], matched: [], created: 0, updated: 0, dryRun: opts.dryRun };
  for (const item of plan.items) {
    for (const u of item.unreadable) r.warnings.push({ file: item.file, message: `未读入：${u}` });
    for (const w of item.warnings) r.warnings.push({ file: item.file, message: w });
    if (item.cadreId && (item.status === 'matched' || item.status === 'same')) r.matched.push({ file: item.file, cadreId: item.cadreId, differences: item.differences });
    if (item.status === 'same') r.warnings.push({ file: item.file, message: item.message });
    else if (item.status === 'refused') r.rejected.push({ file: item.file, message: item.message });
    else if (item.status === 'new' && !opts.idNumber) r.rejected.push({ file: item.file, message: `${item.message}：加 --id-number=身份证号码` });
    else if (item.status === 'ambiguous') {
      const who = (item.candidates ?? []).map((c) => `${c.id}（${c.idNumber}）`).join('、');
      r.rejected.push({ file: item.file, message: `${item.message}：加 --cadre-id=，可选 ${who}` });
    }
  }
  if (!opts.dryRun && r.accepted > 0) {
    const b = await commitBatch(session, { fileName: file, kind: 'lrmx', create: plan.create, update: plan.update });
    r.batchId = b.batchId;
    r.created = plan.create.length;
    r.updated = plan.update.length;
  }
  return r;
}

export function docxReportText(r: DocxCliReport, label: string): string {
  return [
    `${r.dryRun ? '检查（未写入）' : '导入'} Word 审批表“${label}”：可导入 ${r.accepted} 个${r.dryRun ? '' : `（新建 ${r.created}，更新 ${r.updated}）`}，拒绝 ${r.rejected.length} 个`,
    ...r.matched.map((m) => `  对应档案 ${m.cadreId}：${m.differences.length ? `不同之处 ${m.differences.map((d) => `${d.field}（档案“${d.stored}” → 文件“${d.file}”）`).join('；')}` : '与档案相同'}`),
    ...r.rejected.map((x) => `  拒绝 ${x.file}：${x.message}`),
    ...r.warnings.map((x) => `  提示 ${x.file}：${x.message}`),
    ...(r.batchId ? [`批次号 ${r.batchId}（可在“导入导出”页整批撤销）`] : []),
  ].join('\n');
}
