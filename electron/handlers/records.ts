/**
 * Create / update / soft delete / restore for any collection of the vault document, with the
 * audit entry written in the same save. Feature handlers use these instead of repeating them.
 */
import type { z } from 'zod';
import { AppError, zodFieldErrors } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { newId, nowIso, type Session } from '../store/session.js';
import type { JournalOp } from '../vault/journal.js';

export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export type CollectionName = {
  [K in keyof VaultDocument]: VaultDocument[K] extends StoredRecord[] ? K : never;
}[keyof VaultDocument];

/** Parses with a zod schema and throws INVALID with per-field Chinese messages. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fields = zodFieldErrors(r.error);
  const [path, msg] = Object.entries(fields)[0] ?? ['', '输入无效'];
  throw new AppError('INVALID', `${what}：${msg}${path ? `（${path}）` : ''}`, fields);
}

/**
 * These helpers change exactly one record (and append audit entries, which Session journals
 * itself), so the change can go to the vault's journal instead of a whole save.
 */
const journalPut = (collection: CollectionName) => (record: StoredRecord): JournalOp[] => [
  { op: 'put', collection, record: record as unknown as Record<string, unknown> },
];

export function findRecord<T extends StoredRecord>(list: T[], id: string, what: string): T {
  const r = list.find((x) => x.id === id);
  if (!r) throw new AppError('NOT_FOUND', `找不到该${what}（${id.slice(0, 40)}）`);
  return r;
}

export async function createRecord<T extends StoredRecord>(
  session: Session,
  collection: CollectionName,
  fields: Omit<T, keyof StoredRecord>,
  summary: (r: T) => string,
): Promise<T> {
  const at = nowIso();
  const record = { ...fields, id: newId(), createdAt: at, updatedAt: at } as unknown as T;
  return session.mutate((doc, audit) => {
    (doc[collection] as unknown as T[]).push(record);
    audit({ action: `${collection}.create`, entity: collection, recordId: record.id, summary: summary(record), after: record });
    return record;
  }, journalPut(collection));
}

export async function updateRecord<T extends StoredRecord>(
  session: Session,
  collection: CollectionName,
  id: string,
  fields: Partial<Omit<T, keyof StoredRecord>>,
  what: string,
  summary: (r: T) => string,
): Promise<T> {
  const list = session.doc[collection] as unknown as T[];
  const current = findRecord(list, id, what);
  if (current.deletedAt) throw new AppError('CONFLICT', `该${what}在回收站中，请先恢复再修改`);
  return session.mutate((_doc, audit) => {
    const before = { ...current };
    Object.assign(current, fields, { updatedAt: nowIso() });
    audit({ action: `${collection}.update`, entity: collection, recordId: id, summary: summary(current), before: changedFields(before, current), after: changedFields(current, before) });
    return current;
  }, journalPut(collection));
}

export async function setDeleted<T extends StoredRecord>(
  session: Session,
  collection: CollectionName,
  id: string,
  deleted: boolean,
  what: string,
  label: (r: T) => string,
): Promise<T> {
  const list = session.doc[collection] as unknown as T[];
  const current = findRecord(list, id, what);
  return session.mutate((_doc, audit) => {
    if (deleted) current.deletedAt = nowIso();
    else delete current.deletedAt;
    current.updatedAt = nowIso();
    audit({
      action: `${collection}.${deleted ? 'delete' : 'restore'}`,
      entity: collection,
      recordId: id,
      summary: `${deleted ? '移入回收站' : '从回收站恢复'}：${label(current)}`,
    });
    return current;
  }, journalPut(collection));
}

/** Only the fields that differ, so the audit trail stays readable and small. */
export function changedFields(a: object, b: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of Object.keys(ra)) {
    if (k === 'updatedAt' || k === 'photo') continue;
    if (JSON.stringify(ra[k]) !== JSON.stringify(rb[k])) out[k] = ra[k];
  }
  return out;
}
