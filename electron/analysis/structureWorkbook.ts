/**
 * 结构分析 as an Excel workbook an official can paste into a 报告: the on-screen table with
 * numbers as numbers (percentages formatted, not typed), a title saying scope and date, the
 * header frozen. Only what the page shows: no per-village figures it does not compute.
 */
import * as XLSX from 'xlsx';
import { reservesPerPost, share, type StructureGroup, type StructureReport } from '../../shared/rules/structure.js';
import { analysisFileName, analysisNotes, analysisTitle, summaryTable } from '../../shared/rules/structureSummary.js';
import { escapeFormula } from '../importer/export.js';
import { bodyStyle, finishFirstSheet, STYLE, type AnalysisFinish, type CellKind } from './xlsxFinish.js';

export const SUMMARY_SHEET = '汇总';
/** Number formats as SheetJS knows them; xlsxFinish writes the same ones into styles.xml. */
const FORMAT: Record<Exclude<CellKind, 'text'>, string> = {
  count: '0',
  oneDecimal: '0.0',
  percent: '0.0%',
  /** 0.5 shows as “1:0.50”, as on the page, yet stays a number. */
  ratio: '"1:"0.00',
};

interface NumberCell {
  v: number | null;
  kind: Exclude<CellKind, 'text'>;
}

/** One figure per column of structureTable after the label, in the same order. */
function figures(g: StructureGroup): NumberCell[] {
  const n = (v: number): NumberCell => ({ v, kind: 'count' });
  const pct = (part: number, whole: number): NumberCell => ({ v: share(part, whole), kind: 'percent' });
  return [
    n(g.villages), n(g.members),
    ...g.ageBands.map(n),
    n(g.secretaries), { v: g.avgSecretaryAge, kind: 'oneDecimal' },
    n(g.women), pct(g.women, g.members),
    n(g.college), pct(g.college, g.members),
    n(g.party), pct(g.party, g.members),
    n(g.oneShoulder), pct(g.oneShoulder, g.secretaries),
    n(g.reserves), n(g.reserveTarget), { v: reservesPerPost(g), kind: 'ratio' },
  ];
}

function text(s: string): XLSX.CellObject {
  return { t: 's', v: escapeFormula(s) };
}

/** Excel column width in characters; a Chinese character takes two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return w;
}

function summarySheet(report: StructureReport, demo: boolean): { ws: XLSX.WorkSheet; finish: AnalysisFinish } {
  const { header, rows } = summaryTable(report);
  const groups = [...report.towns, report.district];
  const notes = analysisNotes(report, demo);
  const width = header.length;
  const headerRow = 1 + notes.length;
  const ws: XLSX.WorkSheet = {};
  const styles = new Map<string, number>();
  const put = (r: number, c: number, cell: XLSX.CellObject, style: number) => {
    const ref = XLSX.utils.encode_cell({ r, c });
    ws[ref] = cell;
    styles.set(ref, style);
  };

  put(0, 0, text(analysisTitle(report)), STYLE.title);
  notes.forEach((note, i) => put(1 + i, 0, text(note), STYLE.note));
  header.forEach((h, c) => put(headerRow, c, text(h), STYLE.header));
  const widths = header.map(displayWidth);
  groups.forEach((g, i) => {
    const r = headerRow + 1 + i;
    const shown = rows[i];
    // The district row is set in bold, as on the page.
    const bold = i === groups.length - 1;
    put(r, 0, text(shown[0]), bodyStyle('text', bold));
    const cells = figures(g);
    if (cells.length !== width - 1) throw new Error(`结构分析表有 ${width - 1} 个数据列，导出只算出 ${cells.length} 个`);
    cells.forEach((cell, j) => {
      // “—” where the page has nothing to divide by: an empty share is not 0%.
      if (cell.v === null) put(r, j + 1, text('—'), bodyStyle('text', bold));
      else put(r, j + 1, { t: 'n', v: cell.v, z: FORMAT[cell.kind] }, bodyStyle(cell.kind, bold));
    });
    shown.forEach((s, c) => (widths[c] = Math.max(widths[c], displayWidth(s))));
  });
  const footRow = headerRow + groups.length + 2;
  put(footRow, 0, text('注：女性、学历、党员占比以班子人数为分母，一肩挑比例以书记人数为分母；“—”表示分母为 0。'), STYLE.note);

  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: footRow, c: width - 1 } });
  ws['!merges'] = [0, ...notes.map((_, i) => 1 + i)].map((r) => ({ s: { r, c: 0 }, e: { r, c: width - 1 } }));
  ws['!cols'] = widths.map((w) => ({ wch: w + 2 }));
  ws['!rows'] = [{ hpt: 30 }];
  ws['!margins'] = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  return { ws, finish: { styles, freezeRows: headerRow + 1, freezeCols: 1 } };
}

export function structureWorkbook(report: StructureReport, opts: { demo: boolean }): { fileName: string; bytes: Buffer } {
  const { ws, finish } = summarySheet(report, opts.demo);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, SUMMARY_SHEET);
  wb.Props = { Title: analysisTitle(report) };
  const raw = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return { fileName: analysisFileName(report, opts.demo, 'xlsx'), bytes: finishFirstSheet(raw, finish) };
}
