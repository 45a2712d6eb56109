/**
 * The 花名册 going out: official headers, IDs and dates as text cells (so Excel neither
 * rounds an ID nor turns "1975.10" into 1975.1), and no cell that a spreadsheet would run.
 */
import * as XLSX from 'xlsx';
import type { Cadre } from '../../shared/domain/cadre.js';
import { townName } from '../../shared/domain/towns.js';
import type { Village } from '../../shared/domain/village.js';
import { formatAssessments, parseAssessmentText } from '../../shared/rules/assessment.js';
import { formatResume } from '../../shared/rules/resume.js';
import { finishFirstSheet } from '../xlsx/finishSheet.js';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import { scalarText } from '../../shared/rules/text.js';

/** Text a spreadsheet would treat as a formula (or DDE) gets a leading apostrophe. */
export function escapeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const EXPORT_FIELDS: ImportField[] = IMPORT_FIELDS.filter((f) => f.export);
export const ROSTER_TITLE = '顺德区村（社区）干部花名册';

/**
 * The typed 考核 text while it still says every stored year; once records were added or merged
 * beyond it, the records themselves, so that importing the export gives the same records back.
 */
function assessmentCell(c: Cadre): string {
  const said = parseAssessmentText(c.assessmentText).assessments;
  const covered = c.assessments.every((a) => said.some((b) => b.year === a.year && b.grade === a.grade));
  return covered && c.assessmentText ? c.assessmentText : formatAssessments(c.assessments) || c.assessmentText;
}

function valueOf(c: Cadre, f: ImportField, villages: Map<string, Village>, seq: number): string {
  const v = c.villageId ? villages.get(c.villageId) : undefined;
  switch (f.key) {
    case 'seq':
      return String(seq);
    case 'town':
      return townName(v?.townCode);
    case 'village':
      return v?.name ?? '';
    case 'resume':
      // One period per line inside the cell (Alt+Enter), in the 任免审批表 layout the importer reads back.
      return formatResume(c.resume, '\n');
    case 'assessmentText':
      return assessmentCell(c);
    default: {
      const [a, b] = f.key.split('.');
      const x = (c as unknown as Record<string, unknown>)[a];
      const y = b === undefined ? x : (x as Record<string, unknown> | undefined)?.[b];
      return scalarText(y);
    }
  }
}

function textCell(s: string): XLSX.CellObject {
  return { t: 's', v: escapeFormula(s), z: '@' };
}

function rosterSheet(rows: string[][], blankRows: number, subtitle = '填报单位：'): XLSX.WorkSheet {
  const width = EXPORT_FIELDS.length;
  const ws: XLSX.WorkSheet = {};
  ws['A1'] = { t: 's', v: ROSTER_TITLE };
  ws['A2'] = { t: 's', v: escapeFormula(subtitle) };
  EXPORT_FIELDS.forEach((f, c) => {
    ws[XLSX.utils.encode_cell({ r: 2, c })] = { t: 's', v: f.label };
  });
  rows.forEach((row, i) => {
    row.forEach((s, c) => {
      if (s !== '') ws[XLSX.utils.encode_cell({ r: 3 + i, c })] = textCell(s);
    });
  });
  // Empty rows pre-formatted as text, so IDs typed into the template are not rounded.
  for (let i = rows.length; i < rows.length + blankRows; i++) {
    for (let c = 0; c < width; c++) ws[XLSX.utils.encode_cell({ r: 3 + i, c })] = { t: 's', v: '', z: '@' };
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 2 + Math.max(1, rows.length + blankRows), c: width - 1 } });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  ws['!margins'] = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  ws['!cols'] = EXPORT_FIELDS.map((f) => ({ wch: f.key === 'idNumber' ? 21 : f.key === 'seq' ? 6 : f.key === 'resume' ? 60 : Math.max(10, f.label.length * 2 + 2) }));
  return ws;
}

/** Rows above the table: title, 填报单位 / 范围 line, header. */
const HEAD_ROWS = 3;
const FONT = '<name val="宋体"/><charset val="134"/>';
/** Styles of the 花名册 sheet, by their index in <cellXfs>. */
const ROSTER_STYLE = { plain: 0, title: 1, header: 2, text: 3, wrapText: 4 } as const;
const ROSTER_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<fonts count="3"><font><sz val="11"/>${FONT}</font><font><b/><sz val="11"/>${FONT}</font><font><b/><sz val="14"/>${FONT}</font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  // Body cells stay text (@), so an ID or "1975.10" typed later is not turned into a number.
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';
/** 简历 and 考核 hold several lines (Alt+Enter): wrapped, or Excel shows them as one long line. */
const WRAPPED = new Set(EXPORT_FIELDS.flatMap((f, c) => (f.key === 'resume' || f.key === 'assessmentText' ? [c] : [])));

function rosterStyle(ref: string): number {
  const { r, c } = XLSX.utils.decode_cell(ref);
  if (r === 0) return c === 0 ? ROSTER_STYLE.title : ROSTER_STYLE.plain;
  if (r < HEAD_ROWS - 1) return ROSTER_STYLE.plain;
  if (r === HEAD_ROWS - 1) return ROSTER_STYLE.header;
  return WRAPPED.has(c) ? ROSTER_STYLE.wrapText : ROSTER_STYLE.text;
}

/**
 * The 花名册 is the first sheet; it gets bold title and header, borders, wrapped 简历/考核, the
 * header and 序号/姓名 frozen, landscape A4. Other sheets (填表说明) only hold unstyled text.
 */
function toBytes(sheets: [string, XLSX.WorkSheet][]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return finishFirstSheet(bytes, { stylesXml: ROSTER_STYLES_XML, styleOf: rosterStyle, freezeRows: HEAD_ROWS, freezeCols: 2 });
}

export function exportRoster(cadres: Cadre[], villages: Village[], opts: { description?: string; date?: string } = {}): Buffer {
  const byId = new Map(villages.map((v) => [v.id, v]));
  const rows = cadres.map((c, i) => EXPORT_FIELDS.map((f) => valueOf(c, f, byId, i + 1)));
  const parts = [`共 ${cadres.length} 人`, opts.description ? `范围：${opts.description}` : '', opts.date ? `导出日期：${opts.date}` : ''];
  return toBytes([['花名册', rosterSheet(rows, 0, parts.filter(Boolean).join('    '))]]);
}

const NOTES = [
  '填表说明',
  '1. 每人一行；“身份证号码”必须填 18 位，本表该列已设为文本格式，请勿改为数字格式。',
  '2. 日期一律写成 1975.03 的形式（年.月）。',
  '3. 民族写全称或简称（汉 / 汉族）；政治面貌写“中共党员”“群众”等。',
  '4. “镇街”写大良、容桂等；“所在村（社区）”写村居全称，须与村居信息中的名称一致。',
  '5. 村（社区）职务可填：党组织书记、党组织副书记、党组织委员、村委会主任、村委会副主任、村委会委员、书记、主任一肩挑、后备干部、村民小组长。',
  '6. “简历”每段经历一行（单元格内按 Alt+Enter 换行），写成“1990.09--1994.07  华南师范大学政治系学习”；至今的一段只写起始年月，如“2021.03--  水藤村党委书记”。',
  '7. “年度考核结果”写成“2023年度称职；2024年度优秀”，等次为 优秀、称职（合格）、基本称职（基本合格）、不称职（不合格）。',
];

export function rosterTemplate(): Buffer {
  const notes = XLSX.utils.aoa_to_sheet(NOTES.map((n) => [n]));
  notes['!cols'] = [{ wch: 100 }];
  return toBytes([['花名册', rosterSheet([], 200)], ['填表说明', notes]]);
}
