import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/audit.js';
import { appendAudit, entryHash, verifyAudit } from './audit.js';

function chain(n: number): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    appendAudit(log, '李组织', { action: 'cadre.update', entity: 'cadres', recordId: `c-${i}`, summary: `修改干部 ${i}`, before: { phone: '1' }, after: { phone: String(i) } }, `2026-01-0${i}T08:00:00.000Z`);
  }
  return log;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(chain(5))).toEqual({ ok: true, entries: 5, message: '审计记录完整，共 5 条' });
  });

  it('an edited entry is reported by its seq', () => {
    const log = chain(5);
    log[2] = { ...log[2], summary: '修改干部 3（已篡改）' };
    expect(verifyAudit(log)).toMatchObject({ ok: false, brokenAt: 3, message: '审计记录第 3 条被改动或删除，历史记录不可信' });
  });

  it('an edited before/after value is caught too', () => {
    const log = chain(5);
    log[3] = { ...log[3], after: { phone: '13800000000' } };
    expect(verifyAudit(log).brokenAt).toBe(4);
  });

  it('an entry edited with its own hash recomputed breaks the next link', () => {
    const log = chain(5);
    const { hash: _h, ...rest } = { ...log[1], operator: '王某' };
    log[1] = { ...rest, hash: entryHash(rest) };
    expect(verifyAudit(log).brokenAt).toBe(3);
  });

  it('a deleted entry is caught at the one after it', () => {
    const log = chain(5);
    log.splice(1, 1);
    expect(verifyAudit(log).brokenAt).toBe(3);
  });

  it('keeps what was recorded when the record passed in is edited afterwards', () => {
    const log: AuditEntry[] = [];
    const record = { id: 'c-1', name: '梁国良', phone: '0757-22221234' };
    appendAudit(log, '李组织', { action: 'cadres.create', entity: 'cadres', recordId: 'c-1', summary: '新建干部档案：梁国良', after: record });
    record.phone = '0757-22225678';
    appendAudit(log, '李组织', { action: 'cadres.update', entity: 'cadres', recordId: 'c-1', summary: '修改干部档案：梁国良', after: { phone: record.phone } });
    expect(log[0].after).toEqual({ id: 'c-1', name: '梁国良', phone: '0757-22221234' });
    expect(verifyAudit(log).ok).toBe(true);
  });
});
