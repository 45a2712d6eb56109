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
import { IMPORT_FIELDS, type ImportField } from './fields.js';

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
      return y === undefined || y === null ? '' : String(y);
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
  ws['!cols'] = EXPORT_FIELDS.map((f) => ({ wch: f.key === 'idNumber' ? 21 : f.key === 'seq' ? 6 : f.key === 'resume' ? 60 : Math.max(10, f.label.length * 2 + 2) }));
  return ws;
}

function toBytes(sheets: [string, XLSX.WorkSheet][]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
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
