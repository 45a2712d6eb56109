/** Excel roster (花名册) of one 书记跟班 batch. */
import * as XLSX from 'xlsx';
import type { PlacementRow } from '../../shared/contract/programs.js';
import type { ShadowBatch } from '../../shared/domain/programs.js';
import { townName } from '../../shared/domain/towns.js';

export const ROSTER_HEADERS = [
  '序号', '姓名', '性别', '出生年月', '身份证号码', '镇街', '所在村（社区）', '现任职务',
  '跟班单位', '导师', '开始日期', '结束日期', '状态', '等次', '中止原因', '跟班目标',
] as const;

export function rosterRows(rows: PlacementRow[]): (string | number)[][] {
  const sorted = [...rows].sort((a, b) => a.hostLabel.localeCompare(b.hostLabel, 'zh-CN') || a.cadreName.localeCompare(b.cadreName, 'zh-CN'));
  return sorted.map((r, i) => [
    i + 1, r.cadreName, r.cadreSex, r.cadreBirth, r.cadreIdNumber, townName(r.townCode), r.cadreVillageName, r.cadrePost,
    r.hostLabel, r.mentorLabel, r.start, r.end, r.status, r.evaluation?.grade ?? '', r.stopped?.reason ?? '', r.goals,
  ]);
}

export function buildRosterWorkbook(batch: ShadowBatch, rows: PlacementRow[]): Buffer {
  const title = `${batch.name}书记跟班花名册（${batch.start}–${batch.end}）`;
  const aoa: (string | number)[][] = [[title], [...ROSTER_HEADERS], ...rosterRows(rows)];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // ID numbers and "2023.04.01" dates must stay text: Excel would turn 18 digits into 4.40606E+17.
  const textCols = [3, 4, 10, 11];
  for (let r = 2; r < aoa.length; r++) {
    for (const c of textCols) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell) {
        cell.t = 's';
        cell.z = '@';
      }
    }
  }
  // The title is not merged across the columns: the 花名册 importer would read a merged cell as a group header.
  ws['!cols'] = [6, 10, 5, 10, 21, 8, 14, 16, 16, 10, 12, 12, 8, 8, 20, 30].map((wch) => ({ wch }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '跟班花名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
