/** One link of the hash-chained audit trail (see electron/store/audit.ts). */
export interface AuditEntry {
  seq: number;
  at: string; // ISO time
  operator: string;
  action: string; // e.g. 'cadre.create', 'import.commit', 'vault.restore'
  entity: string; // collection name
  recordId: string;
  summary: string; // human-readable Chinese summary
  before?: unknown;
  after?: unknown;
  batchId?: string;
  prevHash: string;
  hash: string;
}
