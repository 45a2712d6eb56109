/** The filtered 操作日志 as an Excel sheet, every cell text and formula-safe. */
import * as XLSX from 'xlsx';
import type { AuditEntry } from '../../shared/domain/audit.js';
import { actionLabel, auditBusiness, businessLabel } from '../../shared/domain/auditLabels.js';
import { escapeFormula } from '../importer/export.js';

export const AUDIT_EXPORT_HEADERS = ['时间', '操作人', '业务', '操作', '说明', '记录编号'];

/** "2026.11.25 14:03:07" in this PC's local time. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}.${p(d.getMonth() + 1)}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function auditWorkbook(entries: AuditEntry[]): Buffer {
  const rows = entries.map((e) => [localDateTime(e.at), e.operator, businessLabel(auditBusiness(e)), actionLabel(e.action), e.summary, e.recordId || e.batchId || '']);
  const ws: XLSX.WorkSheet = {};
  [AUDIT_EXPORT_HEADERS, ...rows].forEach((row, r) =>
    row.forEach((s, c) => {
      ws[XLSX.utils.encode_cell({ r, c })] = { t: 's', v: escapeFormula(s), z: '@' };
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: AUDIT_EXPORT_HEADERS.length - 1 } });
  ws['!cols'] = [{ wch: 20 }, { wch: 10 }, { wch: 10 }, { wch: 14 }, { wch: 70 }, { wch: 38 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '操作日志');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
