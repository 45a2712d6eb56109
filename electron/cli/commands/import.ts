/**
 * `npm run cli -- import <vault> <file|folder> [--dry-run] [--sheet 名称] [--template 模板]
 * [--update-existing] [--json]`: the same preview and batch as the import page, headless.
 * A .lrmx file, a .zip of them or a folder of them goes through the 任免审批表 import instead (importLrmx.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/contract/define.js';
import type { ImportIssue } from '../../../shared/contract/import.js';
import { commitBatch } from '../../importer/batch.js';
import { previewFile } from '../../importer/preview.js';
import { Session } from '../../store/session.js';
import { OpenVault } from '../../vault/vault.js';
import type { ParsedArgs } from '../args.js';
import { readPassword, report } from '../io.js';
import type { Command } from '../command.js';
import { importLrmxPaths, isLrmxInputPath, lrmxFilesAt, lrmxReportText } from './importLrmx.js';
import { docxReportText, importDocxPath, isWordPath } from './importDocx.js';

const usage = '<档案库> <花名册.xlsx|.xls|.csv|任免审批表.lrmx|审批表.docx|审批表压缩包.zip|文件夹> [--dry-run] [--sheet 工作表] [--template 模板] [--update-existing] [--id-number 身份证号码] [--cadre-id 档案编号] [--json]  导入干部花名册或任免审批表';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing path is reported by the reader with its own message
  }
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new AppError('IO', `无法读取文件 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function run(args: ParsedArgs): Promise<number> {
  const [vaultPath, file] = args.positional;
  if (!vaultPath || !file) {
    console.error(`用法：npm run cli -- import ${usage}`);
    return 2;
  }
  const dryRun = args.flags['dry-run'] === true;
  if (isLrmxInputPath(file) || isFolder(resolve(file))) return runLrmx(args, resolve(vaultPath), resolve(file), dryRun);
  if (isWordPath(file)) return runDocx(args, resolve(vaultPath), resolve(file), dryRun);
  const bytes = readInput(resolve(file));
  const fileName = basename(file);
  const vault = await OpenVault.open(resolve(vaultPath), await readPassword());
  try {
    if (vault.readOnly && !dryRun) throw new AppError('READ_ONLY', '档案库正被另一个程序使用，只能用 --dry-run 检查');
    const session = new Session(vault, typeof args.flags.operator === 'string' ? args.flags.operator : '命令行导入');
    const doc = session.doc;
    let mapping: Record<string, string> | undefined;
    if (typeof args.flags.template === 'string') {
      const t = doc.importTemplates.find((x) => x.name === args.flags.template);
      if (!t) throw new AppError('NOT_FOUND', `找不到导入模板“${args.flags.template}”`);
      mapping = t.mapping;
    }
    const sheet = typeof args.flags.sheet === 'string' ? args.flags.sheet : undefined;
    const p = previewFile(bytes, fileName, { sheet, mapping }, { villages: doc.villages, cadres: doc.cadres });
    if (p.chooseSheet) {
      throw new AppError('INVALID', `文件中有多个工作表含花名册（${p.sheets.filter((s) => s.hasTable).map((s) => s.name).join('、')}），请用 --sheet 指定一个`);
    }
    if (sheet && p.sheet !== sheet) throw new AppError('NOT_FOUND', `文件中没有工作表“${sheet}”`);
    if (!p.sheet || p.columns.length === 0) {
      throw new AppError('INVALID', `“${fileName}”中找不到花名册表头（应有“姓名”“身份证号码”等列）`);
    }
    const updateExisting = args.flags['update-existing'] === true;
    const rejected: ImportIssue[] = p.refused.flatMap((r) => r.issues);
    const warnings: ImportIssue[] = [...p.accepted, ...p.warned].flatMap((r) => r.warnings);
    const idColumn = p.columns.find((c) => c.field === 'idNumber')?.header ?? '身份证号码';
    const updates = [];
    for (const e of p.existing) {
      warnings.push(...e.warnings);
      if (e.diffs.length === 0) warnings.push({ row: e.row, column: idColumn, message: `与 ${e.name} 的已有档案相同，跳过` });
      else if (!updateExisting) {
        warnings.push({ row: e.row, column: idColumn, message: `已有 ${e.name} 的档案（${e.diffs.map((d) => d.label).join('、')}不同），未更新；加 --update-existing 更新` });
      } else updates.push({ row: e.row, cadreId: e.cadreId, updatedAt: e.updatedAt, data: e.data });
    }
    const creates = [...p.accepted, ...p.warned].sort((a, b) => a.row - b.row).map((r) => ({ row: r.row, data: r.data }));
    const accepted = creates.length + updates.length;
    let batchId: string | undefined;
    if (!dryRun && accepted > 0) {
      batchId = (await commitBatch(session, { fileName, kind: 'xlsx', create: creates, update: updates })).batchId;
    }
    rejected.sort((a, b) => a.row - b.row);
    warnings.sort((a, b) => a.row - b.row);
    const lines = [
      `${dryRun ? '检查（未写入）' : '导入'}“${fileName}”工作表“${p.sheet}”：可导入 ${accepted} 行（新建 ${creates.length}，更新 ${updates.length}），拒绝 ${p.refused.length} 行`,
      ...rejected.map((r) => `  拒绝 第 ${r.row} 行 [${r.column}] ${r.message}`),
      ...warnings.map((w) => `  提示 第 ${w.row} 行 [${w.column}] ${w.message}`),
      ...(batchId ? [`批次号 ${batchId}（可在“导入导出”页整批撤销）`] : []),
    ];
    report(args.json, { accepted, rejected, warnings, created: dryRun ? 0 : creates.length, updated: dryRun ? 0 : updates.length, dryRun, batchId }, lines.join('\n'));
    return 0;
  } finally {
    vault.close();
  }
}

async function runLrmx(args: ParsedArgs, vaultPath: string, path: string, dryRun: boolean): Promise<number> {
  // Files are listed before the password is asked, so a wrong path fails at once.
  const paths = lrmxFilesAt(path);
  const label = isFolder(path) ? `${basename(path)}（${paths.length} 个文件）` : basename(path);
  const vault = await OpenVault.open(vaultPath, await readPassword());
  try {
    if (vault.readOnly && !dryRun) throw new AppError('READ_ONLY', '档案库正被另一个程序使用，只能用 --dry-run 检查');
    const session = new Session(vault, typeof args.flags.operator === 'string' ? args.flags.operator : '命令行导入');
    const r = await importLrmxPaths(session, paths, { dryRun, updateExisting: args.flags['update-existing'] === true, label });
    report(args.json, r, lrmxReportText(r, label));
    return 0;
  } finally {
    vault.close();
  }
}

async function runDocx(args: ParsedArgs, vaultPath: string, path: string, dryRun: boolean): Promise<number> {
  const vault = await OpenVault.open(vaultPath, await readPassword());
  try {
    if (vault.readOnly && !dryRun) throw new AppError('READ_ONLY', '档案库正被另一个程序使用，只能用 --dry-run 检查');
    const session = new Session(vault, typeof args.flags.operator === 'string' ? args.flags.operator : '命令行导入');
    const flag = (k: string) => (typeof args.flags[k] === 'string' ? (args.flags[k]) : undefined);
    const r = await importDocxPath(session, path, { dryRun, idNumber: flag('id-number'), cadreId: flag('cadre-id') });
    report(args.json, r, docxReportText(r, basename(path)));
    return r.rejected.length && !r.accepted && !r.matched.length ? 1 : 0;
  } finally {
    vault.close();
  }
}

export const importCommand: Command = { usage, run };
