/**
 * The .lrmx half of `npm run cli -- import`: one file, a .zip of them (as 批量导出 makes), or a
 * folder of 任免审批表 files and zips, each
 * taken whole or not at all (the same plan as the app's LRMX import), the good ones in one batch.
 * The report has the 花名册 report's shape with files in place of rows.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import { commitBatch } from '../../importer/batch.js';
import { importLrmxFiles } from '../../lrmx/importFiles.js';
import { MAX_XML_BYTES } from '../../lrmx/safeXml.js';
import { MAX_ZIP_BYTES, ZIP_PATH_SEPARATOR, isZipName } from '../../lrmx/zipInput.js';
import type { Session } from '../../store/session.js';

export interface FileIssue {
  file: string;
  message: string;
}

export interface LrmxCliReport {
  accepted: number;
  rejected: FileIssue[];
  warnings: FileIssue[];
  created: number;
  updated: number;
  dryRun: boolean;
  batchId?: string;
  /** .lrmx files looked at, counting each one inside a zip (and each zip that could not be opened). */
  files: number;
  /** Files inside zips that are not 任免审批表 (e.g. 清单.csv), as `<zip> › <name>`; not imported. */
  ignored: string[];
}

export const isLrmxPath = (path: string) => /\.lrmx$/i.test(path);
/** What the 任免审批表 import takes: .lrmx files and zips of them. */
export const isLrmxInputPath = (path: string) => isLrmxPath(path) || isZipName(path);

/** A folder gives its .lrmx files and .zip files (not sub-folders), in name order so reports are stable. */
export function lrmxFilesAt(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw new AppError('IO', `无法读取 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!isDir) return [path];
  const names = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isFile() && isLrmxInputPath(d.name))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  if (names.length === 0) throw new AppError('INVALID', `文件夹“${basename(path)}”中没有 .lrmx 任免审批表文件或其 .zip 压缩包`);
  return names.map((n) => join(path, n));
}

type Loaded = { fileName: string; bytes: Buffer } | FileIssue;

function load(path: string): Loaded {
  const file = basename(path);
  try {
    // Checked before reading: a stray video renamed .lrmx should not be pulled into memory.
    const size = statSync(path).size;
    if (isZipName(file)) {
      if (size > MAX_ZIP_BYTES) return { file, message: `压缩包“${file}”超过 ${MAX_ZIP_BYTES / 1024 / 1024} MB；请分成几个压缩包导入` };
    } else if (size > MAX_XML_BYTES) return { file, message: `“${file}”超过 8 MB，不是有效的任免审批表文件` };
    return { fileName: file, bytes: readFileSync(path) };
  } catch (e) {
    return { file, message: `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

export async function importLrmxPaths(
  session: Session,
  paths: string[],
  opts: { dryRun: boolean; updateExisting: boolean; label: string },
): Promise<LrmxCliReport> {
  const loaded = paths.map(load);
  const unreadable = loaded.filter((x): x is FileIssue => 'message' in x);
  const files = loaded.filter((x): x is { fileName: string; bytes: Buffer } => 'bytes' in x);
  const plan = importLrmxFiles(files, session.doc.cadres, opts.updateExisting ? 'update' : 'skip');
  const rejected: FileIssue[] = [...unreadable];
  const warnings: FileIssue[] = [];
  for (const r of plan.reports) {
    if (r.status === 'refused') rejected.push({ file: r.file, message: r.message });
    for (const w of r.warnings) warnings.push({ file: r.file, message: w });
    if (r.status === 'skipped') {
      const hint = !opts.updateExisting && !r.message.includes('相同') ? '；加 --update-existing 更新' : '';
      warnings.push({ file: r.file, message: `${r.message}${hint}` });
    }
  }
  const accepted = plan.create.length + plan.update.length;
  let batchId: string | undefined;
  if (!opts.dryRun && accepted > 0) {
    batchId = (await commitBatch(session, { fileName: opts.label, kind: 'lrmx', create: plan.create, update: plan.update })).batchId;
  }
  const order = new Map(paths.map((p, i) => [basename(p), i]));
  // Files inside a zip sort with their zip, in the zip's own order (the sort is stable).
  const rank = (f: FileIssue) => order.get(f.file.split(ZIP_PATH_SEPARATOR)[0]) ?? 0;
  const byFile = (a: FileIssue, b: FileIssue) => rank(a) - rank(b);
  rejected.sort(byFile);
  warnings.sort(byFile);
  return {
    accepted,
    rejected,
    warnings,
    created: opts.dryRun ? 0 : plan.create.length,
    updated: opts.dryRun ? 0 : plan.update.length,
    dryRun: opts.dryRun,
    batchId,
    files: unreadable.length + plan.reports.length,
    ignored: plan.skipped,
  };
}

export function lrmxReportText(r: LrmxCliReport, label: string): string {
  return [
    `${r.dryRun ? '检查（未写入）' : '导入'}任免审批表“${label}”：共 ${r.files} 个文件，可导入 ${r.accepted} 个${r.dryRun ? '' : `（新建 ${r.created}，更新 ${r.updated}）`}，拒绝 ${r.rejected.length} 个`,
    ...r.rejected.map((x) => `  拒绝 ${x.file}：${x.message}`),
    ...r.warnings.map((x) => `  提示 ${x.file}：${x.message}`),
    ...r.ignored.map((x) => `  跳过 ${x}：不是 .lrmx 任免审批表`),
    ...(r.batchId ? [`批次号 ${r.batchId}（可在“导入导出”页整批撤销）`] : []),
  ].join('\n');
}
