/**
 * 操作日志: one page of a filtered search and the Excel export over a long trail (years of daily
 * edits on 2000 示例 cadres), so the page stays quick as the vault ages.
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { appendAudit } from '../../electron/store/audit.js';
import { auditWorkbook } from '../../electron/handlers/auditLogExport.js';
import { filterAudit, referencedNames, toLogEntry } from '../../electron/handlers/auditLogQuery.js';
import type { AuditEntry } from '../../shared/domain/audit.js';

export const name = 'auditLog';

function trail(n: number) {
  const doc = buildDemoDocument({ cadres: 2000, seed: 20231 });
  const log: AuditEntry[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < n; i++) {
    const c = doc.cadres[i % doc.cadres.length];
    appendAudit(log, i % 3 ? '李组织' : '陈志强', { action: 'cadres.update', entity: 'cadres', recordId: c.id, summary: `修改干部档案：${c.name}`, before: { phone: '0757-22221234', villageId: c.villageId }, after: { phone: `0757-2222${String(i % 10000).padStart(4, '0')}` } }, new Date(start + i * 30 * 60_000).toISOString());
  }
  doc.audit = log;
  return doc;
}

const ms = (f: () => unknown) => {
  const t = performance.now();
  const r = f();
  return { ms: Math.round(performance.now() - t), r };
};

export function run(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of [10_000, 100_000]) {
    const doc = trail(n);
    const page = (filter: Parameters<typeof filterAudit>[1]) =>
      ms(() => {
        const m = filterAudit(doc.audit, filter);
        const p = m.slice(0, 100);
        return { total: m.length, entries: p.map((e) => toLogEntry(e, doc)), names: referencedNames(p, doc) };
      });
    out[`entries_${n}`] = {
      firstPageMs: page({}).ms,
      dateRangeMs: page({ from: '2023.03.01', to: '2023.06.30' }).ms,
      textAndOperatorMs: page({ text: doc.cadres[7].name, operator: '陈志强' }).ms,
      exportAllMs: ms(() => auditWorkbook(doc.audit).length).ms,
    };
  }
  return out;
}
