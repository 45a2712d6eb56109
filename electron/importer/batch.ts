/**
 * Import batches: everything a batch creates or overwrites goes in ONE save with its audit
 * entries, and the batch remembers what it replaced so the whole batch can be undone.
 */
import { AppError } from '../../shared/contract/define.js';
import type { ImportResult } from '../../shared/contract/import.js';
import { cadreInputSchema, type Cadre, type CadreFields } from '../../shared/domain/cadre.js';
import type { ImportBatch, VaultDocument } from '../../shared/domain/document.js';
import { changedFields } from '../handlers/records.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { undoVillageBatch } from './villageRosterCommit.js';
import { undoExchangeBatch } from '../exchange/undo.js';
import type { BatchCreate, BatchUpdate } from './batchRows.js';

const where = (row: number | string) => (typeof row === 'number' ? `第 ${row} 行` : `“${row}”`);

function validRow(row: number | string, data: unknown): CadreFields {
  const r = cadreInputSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('INVALID', `${where(row)}：${issue.message}（${issue.path.join('.')}），本批未导入任何记录`);
}

export async function commitBatch(
  session: Session,
  input: { fileName: string; kind: ImportBatch['kind']; create: BatchCreate[]; update: BatchUpdate[] },
): Promise<ImportResult> {
  if (input.create.length + input.update.length === 0) throw new AppError('INVALID', '没有可导入的记录');
  const live = new Map<string, Cadre>();
  for (const c of session.doc.cadres) if (!c.deletedAt) live.set(c.idNumber, c);
  const creates = input.create.map((x) => ({ row: x.row, fields: validRow(x.row, x.data) }));
  const seen = new Map<string, number | string>();
  for (const c of creates) {
    const dup = live.get(c.fields.idNumber);
    if (dup) throw new AppError('CONFLICT', `${where(c.row)}：身份证号码 ${c.fields.idNumber} 已属于 ${dup.name} 的档案，本批未导入任何记录`);
    const prev = seen.get(c.fields.idNumber);
    if (prev !== undefined) throw new AppError('CONFLICT', `${where(c.row)} 与 ${where(prev)} 的身份证号码相同，本批未导入任何记录`);
    seen.set(c.fields.idNumber, c.row);
  }
  const byId = new Map(session.doc.cadres.map((c) => [c.id, c]));
  const updates = input.update.map((x) => {
    const current = byId.get(x.cadreId);
    if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `${where(x.row)}：要更新的档案已不存在或在回收站中，请重新预览`);
    if (x.updatedAt && current.updatedAt !== x.updatedAt) {
      throw new AppError('CONFLICT', `${where(x.row)}：${current.name} 的档案在预览之后被修改过，请重新预览后再导入`);
    }
    const fields = validRow(x.row, x.data);
    if (fields.idNumber !== current.idNumber) throw new AppError('INVALID', `${where(x.row)}：身份证号码与要更新的档案不一致`);
    return { row: x.row, current, fields };
  });

  const batchId = newId();
  const at = nowIso();
  const kindLabel = input.kind === 'lrmx' ? '任免审批表' : '花名册';
  return session.mutate((doc, audit) => {
    const createdIds: string[] = [];
    for (const c of creates) {
      const record: Cadre = { ...c.fields, id: newId(), createdAt: at, updatedAt: at };
      doc.cadres.push(record);
      createdIds.push(record.id);
      audit({ action: 'cadres.create', entity: 'cadres', recordId: record.id, summary: `导入新建干部档案：${record.name}（${input.fileName} ${where(c.row)}）`, batchId });
    }
    const replaced: Cadre[] = [];
    for (const u of updates) {
      const before = structuredClone(u.current);
      Object.assign(u.current, u.fields, { updatedAt: at });
      if (!u.fields.villageId) delete u.current.villageId;
      if (!u.fields.villagePost) delete u.current.villagePost;
      replaced.push(before);
      audit({
        action: 'cadres.update', entity: 'cadres', recordId: u.current.id,
        summary: `导入更新干部档案：${u.current.name}（${input.fileName} ${where(u.row)}）`,
        before: changedFields(before, u.current), after: changedFields(u.current, before), batchId,
      });
    }
    doc.importBatches.push({ id: batchId, at, operator: session.operator, kind: input.kind, fileName: input.fileName, createdIds, replaced });
    audit({
      action: 'import.commit', entity: 'importBatches', recordId: batchId,
      summary: `导入${kindLabel}“${input.fileName}”：新建 ${createdIds.length} 人，更新 ${replaced.length} 人`, batchId,
    });
    return { batchId, created: createdIds.length, updated: replaced.length };
  });
}

/** Collections other features keep that may point at a cadre by id. */
function referencesIn(doc: VaultDocument): string {
  // exchange only bookkeeps ids it sent or received (hashes), it does not refer to a record.
  const { cadres: _c, audit: _a, importBatches: _b, importTemplates: _t, settings: _s, meta: _m, villages: _v, exchange: _x, ...rest } = doc;
  return JSON.stringify(rest);
}

export async function undoBatch(session: Session, batchId: string): Promise<{ removed: number; restored: number }> {
  const doc = session.doc;
  const batch = doc.importBatches.find((b) => b.id === batchId);
  if (!batch) throw new AppError('NOT_FOUND', '找不到该导入批次');
  if (batch.undoneAt) throw new AppError('CONFLICT', `该批次已于 ${batch.undoneAt.slice(0, 16).replace('T', ' ')} 撤销`);
  if (batch.kind === 'villages') return undoVillageBatch(session, batch);
  if (batch.kind === 'exchange') return undoExchangeBatch(session, batch);
  const byId = new Map(doc.cadres.map((c) => [c.id, c]));
  const refs = referencesIn(doc);
  for (const id of batch.createdIds) {
    const c = byId.get(id);
    if (!c) continue;
    if (c.updatedAt !== batch.at) throw new AppError('CONFLICT', `${c.name} 的档案在导入后被修改过，撤销会丢掉这些修改；请先处理该档案`);
    if (refs.includes(id)) throw new AppError('CONFLICT', `${c.name} 已被其他业务（跟班、结对等）引用，不能撤销本批导入；请先解除引用`);
  }
  for (const old of batch.replaced) {
    const c = byId.get(old.id);
    if (c && c.updatedAt !== batch.at) throw new AppError('CONFLICT', `${c.name} 的档案在导入后又被修改过，撤销会丢掉这些修改；请先处理该档案`);
  }
  return session.mutate((d, audit) => {
    const created = new Set(batch.createdIds);
    const before = d.cadres.length;
    const removedNames = d.cadres.filter((c) => created.has(c.id));
    d.cadres = d.cadres.filter((c) => !created.has(c.id));
    for (const c of removedNames) {
      audit({ action: 'cadres.remove', entity: 'cadres', recordId: c.id, summary: `撤销导入，删除导入时新建的档案：${c.name}`, batchId });
    }
    let restored = 0;
    for (const old of batch.replaced) {
      const i = d.cadres.findIndex((c) => c.id === old.id);
      if (i < 0) continue;
      const now = d.cadres[i];
      d.cadres[i] = structuredClone(old);
      restored++;
      audit({ action: 'cadres.update', entity: 'cadres', recordId: old.id, summary: `撤销导入，恢复档案：${old.name}`, before: changedFields(now, old), after: changedFields(old, now), batchId });
    }
    const b = d.importBatches.find((x) => x.id === batchId)!;
    b.undoneAt = nowIso();
    const removed = before - d.cadres.length;
    audit({ action: 'import.undo', entity: 'importBatches', recordId: batchId, summary: `撤销导入“${batch.fileName}”：删除 ${removed} 人，恢复 ${restored} 人`, batchId });
    return { removed, restored };
  });
}
