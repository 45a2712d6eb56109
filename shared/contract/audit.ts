/**
 * 操作日志: the whole audit trail, searchable by time, operator, 业务 and text. (The per-record
 * history and the chain check are `audit.list` / `audit.verify` in vault.ts.)
 */
import { z } from 'zod';
import { method } from './define.js';
import { jobId } from './job.js';
import type { AuditEntry } from '../domain/audit.js';
import { AUDIT_BUSINESS_KEYS, type AuditBusiness } from '../domain/auditLabels.js';

export const auditFilterSchema = z.object({
  /** Local days "2026.11.01", inclusive at both ends. */
  from: z.string().trim().max(20).optional(),
  to: z.string().trim().max(20).optional(),
  operator: z.string().max(40).optional(),
  business: z.enum(AUDIT_BUSINESS_KEYS).optional(),
  /** Words that must all occur in the summary (or the record number). */
  text: z.string().max(200).optional(),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

/** An entry as the log shows it: no chain hashes, plus where its record can be opened. */
export type AuditLogEntry = Omit<AuditEntry, 'prevHash' | 'hash'> & {
  business: AuditBusiness;
  /** App path of the record (e.g. "/cadres/<id>") while it still exists and has a page. */
  link?: string;
};

export interface AuditLogPage {
  /** Entries matching the filter. */
  total: number;
  entries: AuditLogEntry[];
  /** Everyone who ever appears in the trail, for the 操作人 choice. */
  operators: string[];
  /** Record id → name, for the ids the listed entries' changes mention (所在村, 跟班干部 …). */
  names: Record<string, string>;
}

export const auditLogContract = {
  'audit.search': method<AuditLogPage>()(
    auditFilterSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'audit.export': method<{ fileName: string; base64: string; count: number }>()(auditFilterSchema.extend({ job: jobId })),
};
