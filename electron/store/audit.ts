import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../shared/domain/audit.js';

/** Hash of an entry's content plus the previous hash: editing any past entry breaks the chain. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, operator, action, entity, recordId, summary, before, after, batchId, prevHash } = e;
  return createHash('sha256')
    .update(JSON.stringify([seq, at, operator, action, entity, recordId, summary, before ?? null, after ?? null, batchId ?? null, prevHash]))
    .digest('hex');
}

export type AuditInput = Pick<AuditEntry, 'action' | 'entity' | 'recordId' | 'summary'> & Partial<Pick<AuditEntry, 'before' | 'after' | 'batchId'>>;

/**
 * A copy of a before/after value as it will be stored. Callers often pass the live record (a new
 * record's `after`); sharing it would let the record's next edit rewrite this entry too and break
 * the chain at it.
 */
const snapshot = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

export function appendAudit(log: AuditEntry[], operator: string, input: AuditInput, at = new Date().toISOString()): AuditEntry {
  const prev = log[log.length - 1];
  const { before, after, ...rest } = input;
  const base = {
    seq: (prev?.seq ?? 0) + 1, at, operator, prevHash: prev?.hash ?? 'genesis', ...rest,
    ...(before !== undefined && { before: snapshot(before) }),
    ...(after !== undefined && { after: snapshot(after) }),
  };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  log.push(entry);
  return entry;
}

export function verifyAudit(log: AuditEntry[]): { ok: boolean; entries: number; brokenAt?: number; message: string } {
  let prevHash = 'genesis';
  for (const e of log) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prevHash || entryHash(rest) !== hash) {
      return { ok: false, entries: log.length, brokenAt: e.seq, message: `审计记录第 ${e.seq} 条被改动或删除，历史记录不可信` };
    }
    prevHash = hash;
  }
  return { ok: true, entries: log.length, message: `审计记录完整，共 ${log.length} 条` };
}
