/**
 * 批量导出任免审批表: one .zip holding a .lrmx per cadre plus a 清单 listing who is inside, so a
 * set of files can be handed to the next office in one piece.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../shared/contract/define.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import { townName } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';
import { escapeFormula } from '../importer/export.js';
import { serializeLrmx } from './lrmx.js';

/** One zip is meant for one office's set of files; beyond this it is a district dump, not a hand-over. */
export const MAX_LRMX_PER_ZIP = 5000;
/** The zip travels to the renderer as base64 in one message; keep it well below what that can carry. */
export const MAX_LRMX_ZIP_BYTES = 200 * 1024 * 1024;
export const MANIFEST_NAME = '清单.csv';
const MAX_FILE_NAME = 100;
/**
 * Entries are marked as made on Unix (with rw-r--r--): Info-ZIP unzip on Linux (信创 PCs) runs
 * names from an MS-DOS-made entry through the DOS code page even when the UTF-8 flag is set,
 * garbling Chinese. Windows Explorer (Windows 10 on) and 7-Zip go by the UTF-8 flag either way.
 */
const ENTRY = { os: 3, attrs: 0o100644 * 0x10000 };

/** Characters Windows refuses in a file name, plus control characters (which unzip tools mangle). */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * A file name stem that is safe on Windows and Linux: no reserved characters, no leading or
 * trailing dot/space (Windows drops trailing ones, a leading dot hides the file on Linux).
 */
export function safeStem(s: string, max: number): string {
  const cleaned = s.replace(UNSAFE, '_').replace(/\s+/g, ' ');
  const cut = Array.from(cleaned).slice(0, max).join('');
  return cut.replace(/^[. ]+|[. ]+$/g, '') || '未命名';
}

/**
 * `<姓名>_<身份证号后4位>.lrmx`, made unique within the zip by “(2)”, “(3)”…. Uniqueness is
 * checked without case, because Windows Explorer would overwrite 'x' with 'X' when extracting.
 * `used` maps each lower-cased name taken (and each stem seen) to the next suffix to try.
 */
export function lrmxFileName(c: Pick<Cadre, 'name' | 'idNumber'>, used: Map<string, number>): string {
  const tail = c.idNumber.slice(-4) || '无证号';
  const ext = '.lrmx';
  const stem = `${safeStem(c.name, 40)}_${safeStem(tail, 4)}`;
  const stemKey = `${stem.toLowerCase()}/`;
  for (let n = used.get(stemKey) ?? 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name = `${safeStem(stem, MAX_FILE_NAME - ext.length - suffix.length)}${suffix}${ext}`;
    const key = name.toLowerCase();
    if (!used.has(key)) {
      used.set(key, 0);
      used.set(stemKey, n + 1);
      return name;
    }
  }
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * 清单.csv, UTF-8 with BOM so Excel and WPS read the Chinese. The ID goes in with a leading tab:
 * Excel and WPS then keep it as text instead of showing 4.40606E+17 and dropping the last digits.
 */
export function manifestCsv(rows: { name: string; idNumber: string; village: string; fileName: string }[]): string {
  const lines = [['序号', '姓名', '身份证号码', '村（社区）', '文件名'].join(',')];
  rows.forEach((r, i) => {
    lines.push([String(i + 1), csvCell(escapeFormula(r.name)), csvCell(`\t${r.idNumber}`), csvCell(escapeFormula(r.village)), csvCell(escapeFormula(r.fileName))].join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The 镇街 every cadre in the set belongs to, or 全部 when they span several (or none is placed). */
function scopeLabel(cadres: Cadre[], villages: Map<string, Village>): string {
  const towns = new Set(cadres.map((c) => (c.villageId ? villages.get(c.villageId)?.townCode : undefined) ?? ''));
  const [only] = towns;
  return towns.size === 1 && only ? townName(only) || '全部' : '全部';
}

/**
 * The cadres behind `ids`, in the order given (the list's order), refusing the whole export if any
 * id is unknown or in the 回收站: a hand-over that silently lacks someone is worse than none.
 */
export function cadresForExport(all: Cadre[], ids: string[]): Cadre[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new AppError('INVALID', '没有要导出的干部：当前列表为空');
  if (unique.length > MAX_LRMX_PER_ZIP) {
    throw new AppError('INVALID', `一次最多导出 ${MAX_LRMX_PER_ZIP} 人的任免审批表，当前选了 ${unique.length} 人；请按镇街或村（社区）筛选后分批导出`);
  }
  const byId = new Map(all.map((c) => [c.id, c]));
  const missing: string[] = [];
  const deleted: string[] = [];
  const out: Cadre[] = [];
  for (const id of unique) {
    const c = byId.get(id);
    if (!c) missing.push(id);
    else if (c.deletedAt) deleted.push(`${c.name}（${c.idNumber}）`);
    else out.push(c);
  }
  const few = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join('、')} 等 ${xs.length} 人` : xs.join('、'));
  if (deleted.length) throw new AppError('CONFLICT', `以下档案在回收站中，不能导出：${few(deleted)}。请先恢复，或从列表中去掉后再导出`);
  if (missing.length) throw new AppError('NOT_FOUND', `找不到以下档案（可能已被他人删除），请刷新列表后再导出：${few(missing)}`);
  return out;
}

export interface LrmxZip {
  fileName: string;
  bytes: Uint8Array;
  /** Entry names of the .lrmx files, in list order. */
  entries: string[];
}

export function buildLrmxZip(cadres: Cadre[], villages: Village[], opts: { date: string; demo: boolean; now?: Date }): LrmxZip {
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const used = new Map<string, number>([[MANIFEST_NAME.toLowerCase(), 0]]);
  const files: Zippable = {};
  const entries: string[] = [];
  const manifest: Parameters<typeof manifestCsv>[0] = [];
  let size = 0;
  for (const c of cadres) {
    const name = lrmxFileName(c, used);
    const bytes = serializeLrmx(c);
    size += bytes.length;
    if (size > MAX_LRMX_ZIP_BYTES) {
      throw new AppError('INVALID', `所选 ${cadres.length} 人的任免审批表（含照片）超过 ${MAX_LRMX_ZIP_BYTES / 1024 / 1024} MB，无法打成一个压缩包；请缩小范围分批导出`);
    }
    files[name] = [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), ENTRY];
    entries.push(name);
    manifest.push({ name: c.name, idNumber: c.idNumber, village: (c.villageId && villageById.get(c.villageId)?.name) || '', fileName: name });
  }
  files[MANIFEST_NAME] = [strToU8(manifestCsv(manifest)), ENTRY];
  // fflate sets the UTF-8 flag (general purpose bit 11) on every entry whose name is not plain ASCII.
  const bytes = zipSync(files, { level: 6, mtime: opts.now ?? new Date() });
  const fileName = `${opts.demo ? '示例_' : ''}任免审批表_${scopeLabel(cadres, villageById)}_${opts.date}_${cadres.length}人.zip`;
  return { fileName, bytes, entries };
}
