/**
 * Reads .xlsx / .xls / .csv into plain grids. Formulas are never evaluated: only the value
 * Excel cached is read. Merged cells are filled from their top-left cell, because towns merge
 * 镇街 down a block of rows and titles across the sheet.
 */
import * as XLSX from 'xlsx';
import { AppError } from '../../shared/contract/define.js';
import { sheetNameOfPart, worksheetOverLimit } from './sheetCells.js';

export interface Cell {
  /** Raw value: numbers stay numbers so IDs Excel stored as numbers and date serials can be told apart. */
  v: string | number | boolean;
  /** What Excel shows. */
  text: string;
}

/** A set of cell positions (row and column indexes from 0), kept as numbers: a Set of "r:c" strings costs ~10× the memory. */
export class CellSet {
  private readonly keys = new Set<number>();
  add(r: number, c: number): void {
    this.keys.add(r * MAX_COLUMNS + c);
  }
  has(r: number, c: number): boolean {
    return this.keys.has(r * MAX_COLUMNS + c);
  }
  get size(): number {
    return this.keys.size;
  }
}

export interface SheetGrid {
  name: string;
  rows: (Cell | null)[][];
  /** Horizontal merges: cells that repeat a header spanning several columns. */
  mergedAcross: CellSet;
  /** Cells that hold a copy of a merged range's value rather than their own. */
  mergedFill: CellSet;
}

/** Excel's widest sheet (XFD). */
const MAX_COLUMNS = 16_384;

/**
 * Grid cells one file may fill, merged copies included. A 50 000-row 花名册 of 30 columns is
 * 1.5 M; a merge such as C3:XFD1048576 in a 2 KB file would be 17 G and end the process.
 */
export const MAX_GRID_CELLS = 2_000_000;
/** Reading one file (parse and grids) may take this long before it is refused. */
export const READ_TIME_BUDGET_MS = 8_000;

export interface ReadLimits {
  maxCells?: number;
  timeBudgetMs?: number;
}

function tooManyCells(fileName: string, sheet: string, maxCells: number): AppError {
  return new AppError(
    'INVALID',
    `“${fileName}”的工作表“${sheet}”太大：表格连同合并单元格展开后超过 ${(maxCells / 10_000).toFixed(0)} 万个单元格，不像是花名册，已停止读取；请删除多余的行、列或合并单元格后再导入`,
  );
}

/** Counts grid cells and elapsed time for one file; past either limit, a refusal naming the sheet. */
class ReadBudget {
  private cells = 0;
  private sinceClock = 0;
  private readonly maxCells: number;
  private readonly budgetMs: number;
  private readonly deadline: number;
  constructor(
    private readonly fileName: string,
    limits: ReadLimits,
    started: number,
  ) {
    this.maxCells = limits.maxCells ?? MAX_GRID_CELLS;
    this.budgetMs = limits.timeBudgetMs ?? READ_TIME_BUDGET_MS;
    this.deadline = started + this.budgetMs;
  }

  charge(n: number, sheet: string): void {
    this.cells += n;
    if (this.cells > this.maxCells) throw tooManyCells(this.fileName, sheet, this.maxCells);
    this.sinceClock += n;
    if (this.sinceClock >= 4096) {
      this.sinceClock = 0;
      this.checkTime(sheet);
    }
  }

  checkTime(sheet: string): void {
    if (Date.now() > this.deadline) {
      throw new AppError(
        'INVALID',
        `读取“${this.fileName}”的工作表“${sheet}”超过 ${Math.max(1, Math.round(this.budgetMs / 1000))} 秒仍未完成，已停止；请删除多余的行、列或合并单元格，或把工作表另存为新文件后再导入`,
      );
    }
  }
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

export function readWorkbook(bytes: Buffer, fileName: string, limits: ReadLimits = {}): SheetGrid[] {
  const started = Date.now();
  if (bytes.length === 0) throw new AppError('INVALID', `“${fileName}”是空文件`);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('INVALID', `“${fileName}”超过 30 MB，不像是花名册，请拆分后再导入`);
  if (kindOf(bytes, fileName) === 'zip' && declaredUnzippedBytes(bytes) > MAX_UNZIPPED_BYTES) {
    throw new AppError('INVALID', `“${fileName}”解压后超过 400 MB，不是正常的花名册，已拒绝读取`);
  }
  const maxCells = limits.maxCells ?? MAX_GRID_CELLS;
  if (kindOf(bytes, fileName) === 'zip') {
    const over = worksheetOverLimit(bytes, maxCells);
    if (over) throw tooManyCells(fileName, sheetNameOfPart(bytes, over.part) || over.part.replace(/^.*\//, ''), maxCells);
  }
  // No formatted text (cellText) or number formats: they double the parse time of a 10k-row
  // sheet, and a number's own digits are what a message needs.
  const common = { cellFormula: false, cellHTML: false, cellDates: false, cellStyles: false, cellText: false, cellNF: false, dense: true } as const;
  let wb: XLSX.WorkBook;
  const kind = kindOf(bytes, fileName);
  const text = kind === 'text' ? decodeText(bytes) : '';
  // A CSV has at most one cell per separator; SheetJS names its one sheet Sheet1.
  if (kind === 'text' && separatorCount(text) > maxCells) throw tooManyCells(fileName, 'Sheet1', maxCells);
  try {
    // For text files `raw` keeps "440606197503120011" a string instead of a rounded number.
    wb = kind === 'text'
      ? XLSX.read(text, { ...common, type: 'string', raw: true })
      : XLSX.read(bytes, { ...common, type: 'buffer' });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The parser's own words ("Cannot read properties of undefined…") mean nothing to the user.
    throw new AppError('INVALID', `无法读取“${fileName}”：文件已损坏或不是 Excel/CSV 文件，请用 Excel 或 WPS 打开确认后另存为 .xlsx 再导入`);
  }
  const budget = new ReadBudget(fileName, limits, started);
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames : [];
  return names.map((name) => {
    const sheetName = String(name);
    budget.checkTime(sheetName);
    return toGrid(sheetName, wb.Sheets?.[name], budget);
  });
}

/** Every blank row of a grid shares this one; a merge that fills the row gives it its own. */
const EMPTY_ROW: (Cell | null)[] = Object.freeze([]) as unknown as (Cell | null)[];

/** Commas, tabs, semicolons and line breaks: an upper bound on the cells a text file can hold. */
function separatorCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 9 || c === 10 || c === 59) n++;
  }
  return n;
}

/** A merge as SheetJS gives it, or null when its corners are not cell positions. */
function validRange(m: XLSX.Range | undefined): XLSX.Range | null {
  if (!m || !m.s || !m.e) return null;
  const ok = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!ok(m.s.r) || !ok(m.s.c) || !ok(m.e.r) || !ok(m.e.c)) return null;
  if (m.e.r < m.s.r || m.e.c < m.s.c || m.s.c >= MAX_COLUMNS) return null;
  return m;
}

function toGrid(name: string, ws: XLSX.WorkSheet | undefined, budget: ReadBudget): SheetGrid {
  const data = (ws as XLSX.DenseWorkSheet | undefined)?.['!data'];
  const dense = Array.isArray(data) ? data : [];
  // The used range is where cells hold something: `!ref` and the <dimension> tag are only the
  // file's claim, and a merge may reach far past both.
  let lastRow = -1;
  let lastCol = -1;
  const present: [number, (Cell | null)[]][] = [];
  // forEach skips the holes of a sparse sheet (one cell at row 1 048 576 makes a million of them).
  dense.forEach((src, r) => {
    if (!Array.isArray(src)) return;
    budget.charge(src.length, name);
    const row: (Cell | null)[] = [];
    let end = 0;
    for (let c = 0; c < src.length; c++) {
      const cell = toCell(src[c]);
      row.push(cell);
      if (cell) end = c + 1;
    }
    if (end === 0) return;
    row.length = end; // trailing blanks say nothing
    present.push([r, row]);
    lastRow = r;
    lastCol = Math.max(lastCol, end - 1);
  });
  budget.charge(lastRow + 1, name);
  const rows: (Cell | null)[][] = new Array<(Cell | null)[]>(lastRow + 1).fill(EMPTY_ROW);
  for (const [r, row] of present) rows[r] = row;

  const mergedAcross = new CellSet();
  const mergedFill = new CellSet();
  const merges = Array.isArray(ws?.['!merges']) ? ws['!merges'] : [];
  for (const raw of merges) {
    const m = validRange(raw);
    // Nothing lies beyond the used range, so neither does anything to copy or repeat.
    if (!m || m.s.r > lastRow || m.s.c > lastCol) continue;
    const endRow = Math.min(m.e.r, lastRow);
    const endCol = Math.min(m.e.c, lastCol);
    budget.charge((endRow - m.s.r + 1) * (endCol - m.s.c + 1), name);
    const top = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= endRow; r++) {
      if (rows[r] === EMPTY_ROW) rows[r] = [];
      for (let c = m.s.c; c <= endCol; c++) {
        rows[r][c] = top;
        if (r !== m.s.r || c !== m.s.c) mergedFill.add(r, c);
        if (m.e.c > m.s.c) mergedAcross.add(r, c);
      }
    }
  }
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
