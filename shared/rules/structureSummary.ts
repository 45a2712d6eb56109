/**
 * 结构分析 as it leaves the screen: the table with its 合计 row, the title and the file name,
 * shared by the page, the CSV and the Excel export so all three say the same thing.
 */
import { TOWNS } from '../domain/towns.js';
import { structureTable, type StructureGroup, type StructureReport } from './structure.js';

export const DISTRICT_TOTAL_LABEL = '全区合计';

/** The one 镇街 the report is restricted to, or null for the whole district. */
export function focusTown(report: StructureReport): StructureGroup | null {
  return report.towns.length === 1 && TOWNS.length > 1 ? report.towns[0] : null;
}

/**
 * structureTable, with the district row named 合计 when it is the sum of the rows above it
 * (all ten 镇街 shown). With one 镇街 shown it stays “全区”: a comparison row, not its total.
 */
export function summaryTable(report: StructureReport): { header: string[]; rows: string[][] } {
  const table = structureTable(report);
  if (!focusTown(report)) table.rows[table.rows.length - 1][0] = DISTRICT_TOTAL_LABEL;
  return table;
}

export function analysisTitle(report: StructureReport): string {
  const town = focusTown(report);
  return `顺德区村（社区）两委干部结构分析（${town ? `${town.label}，` : ''}截至 ${report.refDate}）`;
}

export function analysisFileName(report: StructureReport, demo: boolean, ext: 'csv' | 'xlsx'): string {
  const town = focusTown(report);
  return `${demo ? '示例_' : ''}结构分析_${town ? `${town.label}_` : ''}${report.refDate}.${ext}`;
}

/** The lines under the title: who is counted, and what is left out. */
export function analysisNotes(report: StructureReport, demo: boolean): string[] {
  return [
    `统计对象：两委班子成员（书记、副书记、委员，主任、副主任、委员，一肩挑）；后备干部单列。年龄按 ${report.refDate} 计算。` +
      (report.unassigned > 0 ? `另有 ${report.unassigned} 名干部未关联有效的村（社区），未计入。` : ''),
    ...(demo ? ['示例数据 · 仅供演示，非真实人员信息'] : []),
  ];
}
