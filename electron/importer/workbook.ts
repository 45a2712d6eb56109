/**
 * Reads .xlsx / .xls / .csv into plain grids. Formulas are never evaluated: only the value
 * Excel cached is read. Merged cells are filled from their top-left cell, because towns merge
 * 镇街 down a block of rows and titles across the sheet.
 */
import * as XLSX from 'xlsx';
import { AppError } from '../../shared/contract/define.js';

export interface Cell {
  /** Raw value: numbers stay numbers so IDs Excel stored as numbers and date serials can be told apart. */
  v: string | number | boolean;
  /** What Excel shows. */
  text: string;
}

export interface SheetGrid {
  name: string;
  rows: (Cell | null)[][];
  /** Horizontal merges by row index: cells that repeat a header spanning several columns. */
  mergedAcross: Set<string>;
  /** Cells that hold a copy of a merged range's value rather than their own. */
  mergedFill: Set<string>;
}

/** Larger files are not 花名册; refusing early keeps the app responsive. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel on Chinese Windows saves CSV as GBK ("ANSI").
    return new TextDecoder('gbk').decode(bytes);
  }
}

function kindOf(bytes: Buffer, fileName: string): 'zip' | 'ole' | 'text' {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) return 'ole';
  if (/\.(xlsx|xlsm|xls|et)$/i.test(fileName) && !/^\s*</.test(bytes.subarray(0, 64).toString('latin1'))) {
    throw new AppError('INVALID', `“${fileName}”不是有效的 Excel 文件（可能已损坏，或只是改了扩展名）`);
  }
  return 'text';
}

/** Uncompressed size allowed for an .xlsx: a 10k-row 花名册 unpacks to ~10 MB. */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;

/**
 * Sum of the uncompressed sizes the zip's central directory declares, so a "zip bomb"
 * is refused before anything is inflated.
 */
export function declaredUnzippedBytes(zip: Buffer): number {
  const min = Math.max(0, zip.length - 65_557);
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = zip.readUInt16LE(i + 10);
    let p = zip.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries && p + 46 <= zip.length; n++) {
      if (zip.readUInt32LE(p) !== 0x02014b50) break;
      total += zip.readUInt32LE(p + 24);
      p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    }
    return total;
  }
  return 0;
}

export function readWorkbook(bytes: Buffer, fileName: string): SheetGrid[] {
  if (bytes.length === 0) throw new AppError('INVALID', `“${fileName}”是空文件`);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('INVALID', `“${fileName}”超过 30 MB，不像是花名册，请拆分后再导入`);
  if (kindOf(bytes, fileName) === 'zip' && declaredUnzippedBytes(bytes) > MAX_UNZIPPED_BYTES) {
    throw new AppError('INVALID', `“${fileName}”解压后超过 400 MB，不是正常的花名册，已拒绝读取`);
  }
  // No formatted text (cellText) or number formats: they double the parse time of a 10k-row
  // sheet, and a number's own digits are what a message needs.
  const common = { cellFormula: false, cellHTML: false, cellDates: false, cellStyles: false, cellText: false, cellNF: false, dense: true } as const;
  let wb: XLSX.WorkBook;
  try {
    const kind = kindOf(bytes, fileName);
    // For text files `raw` keeps "440606197503120011" a string instead of a rounded number.
    wb = kind === 'text'
      ? XLSX.read(decodeText(bytes), { ...common, type: 'string', raw: true })
      : XLSX.read(bytes, { ...common, type: 'buffer' });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID', `无法读取“${fileName}”：文件已损坏或不是 Excel/CSV 文件（${(e as Error).message.slice(0, 80)}）`);
  }
  return wb.SheetNames.map((name) => toGrid(name, wb.Sheets[name]));
}

function toGrid(name: string, ws: XLSX.WorkSheet): SheetGrid {
  const dense = (ws as XLSX.DenseWorkSheet)['!data'] ?? [];
  const rows: (Cell | null)[][] = [];
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r];
    const row: (Cell | null)[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) row.push(toCell(src[c]));
    }
    rows.push(row);
  }
  const mergedAcross = new Set<string>();
  const mergedFill = new Set<string>();
  for (const m of ws['!merges'] ?? []) {
    const top = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r; r++) {
      rows[r] ??= [];
      for (let c = m.s.c; c <= m.e.c; c++) {
        rows[r][c] = top;
        if (r !== m.s.r || c !== m.s.c) mergedFill.add(`${r}:${c}`);
        if (m.e.c > m.s.c) mergedAcross.add(`${r}:${c}`);
      }
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name, rows, mergedAcross, mergedFill };
}

function toCell(cell: XLSX.CellObject | undefined): Cell | null {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'z') return null;
  if (cell.t === 'n' && typeof cell.v === 'number') return { v: cell.v, text: (cell.w ?? numberText(cell.v)).trim() };
  if (cell.t === 'b') return { v: Boolean(cell.v), text: cell.v ? '是' : '否' };
  if (cell.t === 'e') return { v: String(cell.w ?? '#错误'), text: String(cell.w ?? '#错误') };
  const s = String(cell.v instanceof Date ? cell.w ?? cell.v.toISOString() : cell.v);
  if (!s.trim()) return null;
  return { v: s, text: s.trim() };
}

/** How Excel shows a long number in a General cell: 4.40606E+17 for an ID typed as a number. */
export function numberText(n: number): string {
  if (Math.abs(n) >= 1e11) return n.toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'E+').replace('e-', 'E-');
  return String(n);
}
