/**
 * A tiny .xlsx must not freeze or kill the app: merged ranges reach at most as far as the cells
 * that hold something, and a file whose grid would still be too large is refused, naming the sheet.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../demo/generate.js';
import { previewFile } from './preview.js';
import { previewVillages } from './villageRoster.js';
import { readWorkbook } from './workbook.js';

const ID = makeIdNumber(1975, 3, 12, true, 11);

/** A one-person 花名册 written by SheetJS, with the given merges and sheet XML edits. */
function hostileRoster(merges: string[], editSheetXml: (xml: string) => string = (x) => x): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '性别', '出生年月', '身份证号码'],
    ['陈强', '男', '1975.03', ID],
  ]);
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  const files = unzipSync(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
  files['xl/worksheets/sheet1.xml'] = strToU8(editSheetXml(strFromU8(files['xl/worksheets/sheet1.xml'])));
  return Buffer.from(zipSync(files, { level: 1 }));
}

/** Runs `f`, returning what it returned or threw, the time it took and how much the process grew. */
function measure<T>(f: () => T): { value?: T; error?: Error; ms: number; grownMb: number; rssMb: number } {
  const before = process.memoryUsage().rss;
  const t = performance.now();
  let value: T | undefined;
  let error: Error | undefined;
  try {
    value = f();
  } catch (e) {
    error = e as Error;
  }
  const ms = performance.now() - t;
  const rss = process.memoryUsage().rss;
  return { value, error, ms, grownMb: (rss - before) / 2 ** 20, rssMb: rss / 2 ** 20 };
}

const ctx = { villages: [], cadres: [] };
const farCell = (xml: string) =>
  xml
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>尾</t></is></c></row></sheetData>');

describe('merged ranges within a budget', () => {
  it('answers a 2 KB file merging C3:XFD1048576 at once, reading the one person in it', () => {
    const bytes = hostileRoster(['C3:XFD1048576']);
    expect(bytes.length).toBeLessThan(10_000);
    const r = measure(() => previewFile(bytes, 'merge-bomb.xlsx', {}, ctx));
    expect(r.error).toBeUndefined();
    expect(r.value!.accepted.map((x) => x.data.name)).toEqual(['陈强']);
    console.info(`answered in ${r.ms.toFixed(0)} ms, process ${r.rssMb.toFixed(0)} MB (+${r.grownMb.toFixed(0)} MB)`);
    expect(r.ms).toBeLessThan(2000);
    expect(r.grownMb).toBeLessThan(200);
    expect(r.rssMb).toBeLessThan(500);
  });

  it('answers merges C3:CV100000 and A1:XFD1048576 (over the used range) the same way', () => {
    const bytes = hostileRoster(['A2:A100000', 'C3:CV100000', 'E1:XFD1048576']);
    const r = measure(() => previewFile(bytes, 'merge-bomb.xlsx', {}, ctx));
    expect(r.error).toBeUndefined();
    expect(r.value!.accepted.map((x) => x.data.name)).toEqual(['陈强']);
    expect(r.ms).toBeLessThan(2000);
    expect(r.grownMb).toBeLessThan(200);
  });

  it('refuses in Chinese, naming the sheet, a file whose used range makes a merge too large', () => {
    // One cell at XFD1048576 stretches the used range to the whole sheet; the merge then covers it.
    const bytes = hostileRoster(['B2:XFD1048576'], farCell);
    expect(bytes.length).toBeLessThan(10_000);
    const r = measure(() => previewFile(bytes, 'merge-bomb.xlsx', {}, ctx));
    expect(r.error?.message).toBe(
      '“merge-bomb.xlsx”的工作表“花名册”太大：表格连同合并单元格展开后超过 200 万个单元格，不像是花名册，已停止读取；请删除多余的行、列或合并单元格后再导入',
    );
    console.info(`refused in ${r.ms.toFixed(0)} ms, process ${r.rssMb.toFixed(0)} MB (+${r.grownMb.toFixed(0)} MB)`);
    expect(r.ms).toBeLessThan(2000);
    expect(r.rssMb).toBeLessThan(500);
    // The 村居名册 reads workbooks the same way.
    expect(() => previewVillages(bytes, 'merge-bomb.xlsx', {}, [])).toThrow('工作表“花名册”太大');
  });

  it('takes a <dimension> claiming the whole sheet at its word only where cells are', () => {
    const bytes = hostileRoster([], (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const r = measure(() => readWorkbook(bytes, 'dim.xlsx'));
    expect(r.error).toBeUndefined();
    expect(r.value![0].rows.map((row) => row.length)).toEqual([4, 4]);
    expect(r.ms).toBeLessThan(2000);
  });

  it('counts every sheet of a file against one budget', () => {
    const ws = () => XLSX.utils.aoa_to_sheet(Array.from({ length: 300 }, (_, r) => Array.from({ length: 20 }, (_, c) => `${r}-${c}`)));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws(), '一');
    XLSX.utils.book_append_sheet(wb, ws(), '二');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(readWorkbook(bytes, 'two.xlsx', { maxCells: 13_000 })).toHaveLength(2);
    expect(() => readWorkbook(bytes, 'two.xlsx', { maxCells: 8_000 })).toThrow('“two.xlsx”的工作表“二”太大');
  });

  it('refuses a small file packed with millions of cells before the spreadsheet parser builds them', () => {
    // 3 M cells compress to ~260 KB; parsing them took 15 s and 600 MB before they were counted.
    const rows: string[] = [];
    for (let r = 3; r <= 30_002; r++) rows.push(`<row r="${r}">${'<c t="b"><v>1</v></c>'.repeat(100)}</row>`);
    const bytes = hostileRoster([], (x) => x.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    expect(bytes.length).toBeLessThan(2_000_000);
    const r = measure(() => previewFile(bytes, 'cells.xlsx', {}, ctx));
    console.info(`3 M cells refused in ${r.ms.toFixed(0)} ms, process ${r.rssMb.toFixed(0)} MB (+${r.grownMb.toFixed(0)} MB)`);
    expect(r.error?.message).toBe(
      '“cells.xlsx”的工作表“花名册”太大：表格连同合并单元格展开后超过 200 万个单元格，不像是花名册，已停止读取；请删除多余的行、列或合并单元格后再导入',
    );
    // Inflating the 64 MB of XML is most of it: ~1.3 s alone on the 2-core test box, up to 5 s while other suites run.
    expect(r.ms).toBeLessThan(8000);
    expect(r.rssMb).toBeLessThan(500);
  });

  it('refuses a CSV holding more cells than the budget before parsing it', () => {
    const csv = Buffer.from(`姓名,身份证号码\n${'1,'.repeat(2_100_000)}\n`, 'utf8');
    const r = measure(() => previewFile(csv, '大.csv', {}, ctx));
    expect(r.error?.message).toMatch(/^“大\.csv”的工作表“Sheet1”太大：/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses, naming the sheet, a file still being read when the time budget runs out', () => {
    expect(() => readWorkbook(hostileRoster([]), 'slow.xlsx', { timeBudgetMs: -1 })).toThrow(
      '读取“slow.xlsx”的工作表“花名册”超过 1 秒仍未完成，已停止',
    );
  });
});
