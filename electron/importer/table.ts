/**
 * Finds the table inside a hand-made 花名册 sheet: the header row below any title,
 * 填报单位 line or blank rows (and a second header row under merged group headers such as
 * "全日制教育" over "学历 / 学位"), then the data rows, without blank, subtotal and note rows.
 */
import { AppError } from '../../shared/contract/define.js';
import { fieldForHeader, normalizeHeader } from './fields.js';
import { readWorkbook, type Cell, type SheetGrid } from './workbook.js';

export interface TableColumn {
  index: number;
  /** Header as the file shows it ("公民身份号码", "全日制教育 学历"). */
  header: string;
  /** Normalized header: the key of a saved mapping template. */
  key: string;
  /** Field the header was recognized as; '' = not imported. */
  detected: string;
}

export interface DataRow {
  /** Row number as Excel shows it (1-based). */
  excelRow: number;
  cells: (Cell | null)[];
}

export interface DetectedTable {
  headerRow: number; // Excel row number of the (last) header row
  columns: TableColumn[];
  rows: DataRow[];
}

const SCAN_ROWS = 30;
/** Rows that end the table: notes and signatures under it. */
const STOP_ROW = /^(注|注：|注:|备注[:：]|说明|填表说明|制表人|填表人|审核人|负责人)/;
/** Rows to skip but keep reading: subtotals between town blocks. */
const SKIP_ROW = /^(合计|总计|小计|共计)/;

const cellText = (c: Cell | null | undefined) => (c ? c.text : '');

/** What kind of sheet we look for: how headers are recognized and which one a header row must name. */
export interface TableSpec {
  fieldFor: (header: string) => string;
  /** A header row names at least one of these fields. */
  anchors: readonly string[];
}

/** The cadre 花名册: a header row names 姓名 or 身份证号码. */
export const CADRE_TABLE: TableSpec = { fieldFor: fieldForHeader, anchors: ['name', 'idNumber'] };

function distinctFields(row: (Cell | null)[], spec: TableSpec): Set<string> {
  const found = new Set<string>();
  for (const c of row) {
    const f = spec.fieldFor(cellText(c));
    if (f && f !== 'seq') found.add(f);
  }
  return found;
}

/** The header row is the early row naming most known columns, and it must name an anchor (姓名 or 身份证号码). */
export function detectTable(grid: SheetGrid, spec: TableSpec = CADRE_TABLE): DetectedTable | null {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(SCAN_ROWS, grid.rows.length); r++) {
    const fields = distinctFields(grid.rows[r], spec);
    if (!spec.anchors.some((a) => fields.has(a))) continue;
    if (fields.size > bestScore) {
      best = r;
      bestScore = fields.size;
    }
  }
  if (best < 0) return null;

  // Two header rows: merged group cells ("全日制教育") above their sub-headers ("学历 / 学位").
  // The recognized row may be either of the two, depending on whether the other cells are
  // merged down (then the lower row repeats every header and scores best).
  const isGroup = (r: number, c: number) => grid.mergedAcross.has(r, c);
  const hasGroupAbove =
    best > 0 && !isTitleRow(grid, best - 1, best) &&
    grid.rows[best].some((cell, c) => isGroup(best - 1, c) && cell && cell.text !== cellText(grid.rows[best - 1][c]));
  const parentRow = hasGroupAbove ? best - 1 : best;
  const top = grid.rows[parentRow];
  const below = grid.rows[parentRow + 1] ?? [];
  const groupCols = top.map((_, c) => isGroup(parentRow, c));
  const twoRow = hasGroupAbove || (groupCols.some(Boolean) && below.some((c, i) => groupCols[i] && c && isSubHeader(c.text, spec)));
  const width = Math.max(top.length, twoRow ? below.length : 0);

  const columns: TableColumn[] = [];
  const seenKeys = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const parent = cellText(top[c]);
    const child = twoRow ? cellText(below[c]) : '';
    let header = parent;
    if (twoRow && child && child !== parent) header = groupCols[c] ? `${parent}${child}` : child;
    if (!header) continue;
    let detected = spec.fieldFor(header);
    if (!detected && twoRow && child) detected = spec.fieldFor(child);
    let key = normalizeHeader(header);
    const n = (seenKeys.get(key) ?? 0) + 1;
    seenKeys.set(key, n);
    if (n > 1) key = `${key}#${n}`;
    columns.push({ index: c, header: header.replace(/[\s\u3000]+/g, ''), key, detected });
  }
  // One column per field: a repeated header (two "学历" columns without group cells) keeps the first.
  const used = new Set<string>();
  for (const col of columns) {
    if (!col.detected) continue;
    if (used.has(col.detected)) col.detected = '';
    else used.add(col.detected);
  }

  const headerRowIndex = twoRow ? parentRow + 1 : parentRow;
  const headerTexts = columns.map((c) => cellText(grid.rows[headerRowIndex][c.index]));
  const rows: DataRow[] = [];
  for (let r = headerRowIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    const texts = columns.map((col) => cellText(cells[col.index]));
    const filled = texts.filter((t) => t !== '');
    // Cells that only repeat a merged 镇街 block do not make a blank row a person.
    if (columns.every((col, i) => texts[i] === '' || grid.mergedFill.has(r, col.index))) continue;
    const first = filled[0].replace(/[\s\u3000]/g, '');
    if (STOP_ROW.test(first)) break;
    if (SKIP_ROW.test(first)) continue;
    // A header repeated for printing on every page.
    if (texts.filter((t, i) => t !== '' && t === headerTexts[i]).length >= 2) continue;
    // Only a 序号 and nothing else: a numbered blank line of a template.
    const onlySeq = columns.every((col, i) => texts[i] === '' || col.detected === 'seq');
    if (onlySeq) continue;
    rows.push({ excelRow: r + 1, cells });
  }
  return { headerRow: headerRowIndex + 1, columns, rows };
}

/**
 * A title merged across the whole table straight above the header (no 填报单位 or blank row
 * between) is not a group header: one text, over every column the header row uses.
 */
function isTitleRow(grid: SheetGrid, r: number, headerRow: number): boolean {
  const above = grid.rows[r];
  const texts = new Set(above.map(cellText).filter((t) => t !== ''));
  if (texts.size !== 1) return false;
  return grid.rows[headerRow].every((cell, c) => cellText(cell) === '' || cellText(above[c]) !== '');
}

function isSubHeader(text: string, spec: TableSpec): boolean {
  const n = normalizeHeader(text);
  return /^(学历|学位|毕业院校系及专业|毕业院校|院校|专业|全日制|在职|全日制教育|在职教育)$/.test(n) || spec.fieldFor(text) !== '';
}

/** Counts the rows of a sheet that look like data, for the sheet chooser. */
export function sheetSummary(grid: SheetGrid, table: DetectedTable | null = detectTable(grid)): { name: string; rows: number; hasTable: boolean } {
  return { name: grid.name, rows: table?.rows.length ?? 0, hasTable: !!table && table.rows.length > 0 };
}

export interface SheetChoice {
  sheets: ReturnType<typeof sheetSummary>[];
  /** Several sheets hold a table and the caller did not name one: the user must choose. */
  chooseSheet: boolean;
  /** The sheet read; '' when there is none to read. */
  sheet: string;
  /** Its table; null when it has none the spec recognizes. */
  table: DetectedTable | null;
}

/**
 * Reads a workbook and picks the sheet to import: the one the caller names, else the only one
 * holding a table. Both rosters (cadres and villages) choose the same way.
 */
export function pickSheet(bytes: Buffer, fileName: string, wanted: string | undefined, spec: TableSpec = CADRE_TABLE): SheetChoice {
  const grids = readWorkbook(bytes, fileName);
  const tables = new Map(grids.map((g) => [g, detectTable(g, spec)]));
  const sheets = grids.map((g) => sheetSummary(g, tables.get(g)));
  const withData = sheets.filter((s) => s.hasTable);
  let grid: SheetGrid | undefined;
  if (wanted) grid = grids.find((g) => g.name === wanted);
  else if (withData.length === 1) grid = grids.find((g) => g.name === withData[0].name);
  else if (withData.length > 1) return { sheets, chooseSheet: true, sheet: '', table: null };
  // A header with nothing under it is not a missing header: say what is really wrong.
  const headerOnly = grid ? (tables.get(grid)?.rows.length === 0 ? grid : undefined) : grids.find((g) => tables.get(g)?.rows.length === 0);
  if (headerOnly) {
    throw new AppError(
      'INVALID',
      `“${fileName}”的工作表“${headerOnly.name}”只有表头（第 ${tables.get(headerOnly)!.headerRow} 行），下面没有数据行；请在表头下方逐行填写后再导入`,
    );
  }
  return { sheets, chooseSheet: false, sheet: grid?.name ?? '', table: (grid && tables.get(grid)) ?? null };
}
