/**
 * 村（社区） roster commit and undo: the previewed rows (villageRoster.ts) go in all or nothing,
 * in one save with their audit entries. Kept apart from the preview, which runs in a worker and
 * must not reach the session.
 */
import { AppError } from '../../shared/contract/define.js';
import type { VillageData } from '../../shared/contract/import.js';
import type { ImportBatch } from '../../shared/domain/document.js';
import { villageInputSchema, type Village } from '../../shared/domain/village.js';
import { changedFields } from '../handlers/records.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { keyOf, place } from './villageRoster.js';

function validRow(row: number, data: unknown): VillageData {
  const r = villageInputSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('INVALID', `第 ${row} 行：${issue.message}，本批未导入任何村（社区）`);
}

export async function commitVillages(
  session: Session,
  input: { fileName: string; create: { row: number; data: unknown }[]; update: { row: number; villageId: string; updatedAt: string; data: unknown }[] },
): Promise<{ batchId: string; created: number; updated: number }> {
  if (input.create.length + input.update.length === 0) throw new AppError('INVALID', '没有可导入的村（社区）');
  const doc = session.doc;
  const live = new Map<string, Village>();
  for (const v of doc.villages) if (!v.deletedAt) live.set(keyOf(v.townCode, v.name), v);
  const seen = new Map<string, number>();
  const creates = input.create.map((x) => {
    const data = validRow(x.row, x.data);
    const k = keyOf(data.townCode, data.name);
    if (live.has(k)) throw new AppError('CONFLICT', `第 ${x.row} 行：${place(data.townCode, data.name)}已在村居信息中，请重新预览后再导入`);
    const prev = seen.get(k);
    if (prev !== undefined) throw new AppError('CONFLICT', `第 ${x.row} 行与第 ${prev} 行是同一个村（社区），本批未导入任何村（社区）`);
    seen.set(k, x.row);
    return { row: x.row, data };
  });
  const byId = new Map(doc.villages.map((v) => [v.id, v]));
  const updates = input.update.map((x) => {
    const current = byId.get(x.villageId);
    if (!current || current.deletedAt) throw new AppError('NOT_FOUND', `第 ${x.row} 行：要更新的村（社区）已不存在或在回收站中，请重新预览`);
    if (current.updatedAt !== x.updatedAt) throw new AppError('CONFLICT', `第 ${x.row} 行：${current.name}在预览之后被修改过，请重新预览后再导入`);
    const data = validRow(x.row, x.data);
    // The roster matches villages by 镇街 + 名称; renaming is done on the village's own page.
    if (keyOf(data.townCode, data.name) !== keyOf(current.townCode, current.name)) {
      throw new AppError('INVALID', `第 ${x.row} 行：镇街或名称与要更新的${current.name}不一致`);
    }
    return { row: x.row, current, data };
  });

  const batchId = newId();
  const at = nowIso();
  return session.mutate((d, audit) => {
    const createdIds: string[] = [];
    for (const c of creates) {
      const v: Village = { ...c.data, id: newId(), createdAt: at, updatedAt: at };
      d.villages.push(v);
      createdIds.push(v.id);
      audit({ action: 'villages.create', entity: 'villages', recordId: v.id, summary: `导入新建村（社区）：${place(v.townCode, v.name)}（${input.fileName} 第 ${c.row} 行）`, after: v, batchId });
    }
    const replacedVillages: Village[] = [];
    for (const u of updates) {
      const target = d.villages.find((v) => v.id === u.current.id)!;
      const before = structuredClone(target);
      replacedVillages.push(before);
      Object.assign(target, u.data, { updatedAt: at });
      audit({
        action: 'villages.update', entity: 'villages', recordId: target.id,
        summary: `导入更新村（社区）：${place(target.townCode, target.name)}（${input.fileName} 第 ${u.row} 行）`,
        before: changedFields(before, target), after: changedFields(target, before), batchId,
      });
    }
    d.importBatches.push({ id: batchId, at, operator: session.operator, kind: 'villages', fileName: input.fileName, createdIds, replaced: [], replacedVillages });
    audit({
      action: 'import.villages', entity: 'villages', recordId: batchId,
      summary: `导入村（社区）名册“${input.fileName}”：新建 ${creates.length} 个，更新 ${updates.length} 个`, batchId,
    });
    return { batchId, created: creates.length, updated: updates.length };
  });
}

/**
 * Undoes a 村居名册 batch: villages it created are removed, villages it updated get their
 * earlier content back — all in one save. Refused (nothing changed) when that would lose work
 * done since: a village edited after the import, or a new village that cadres or other
 * records (村居结对, 跨村任职 pilots, 跟班 hosts) already point at.
 */
export async function undoVillageBatch(session: Session, batch: ImportBatch): Promise<{ removed: number; restored: number }> {
  const doc = session.doc;
  const byId = new Map(doc.villages.map((v) => [v.id, v]));
  const { villages: _v, audit: _a, importBatches: _b, importTemplates: _t, settings: _s, meta: _m, exchange: _x, ...rest } = doc;
  const elsewhere = JSON.stringify(rest);
  for (const id of batch.createdIds) {
    const v = byId.get(id);
    if (!v) continue;
    if (v.updatedAt !== batch.at) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}在导入后被修改过，撤销会丢掉这些修改；请先处理该村（社区）`);
    const members = doc.cadres.filter((c) => c.villageId === id && !c.deletedAt);
    if (members.length) {
      throw new AppError('CONFLICT', `${place(v.townCode, v.name)}已登记 ${members.length} 名干部（如 ${members[0].name}），不能撤销本批导入；请先把这些干部改到其他村（社区）`);
    }
    if (elsewhere.includes(id)) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}已被其他业务（村居结对、跨村任职、书记跟班等）引用，不能撤销本批导入；请先解除引用`);
  }
  const replaced = batch.replacedVillages ?? [];
  for (const old of replaced) {
    const v = byId.get(old.id);
    if (v && v.updatedAt !== batch.at) throw new AppError('CONFLICT', `${place(v.townCode, v.name)}在导入后又被修改过，撤销会丢掉这些修改；请先处理该村（社区）`);
  }
  return session.mutate((d, audit) => {
    const created = new Set(batch.createdIds);
    const removedVillages = d.villages.filter((v) => created.has(v.id));
    d.villages = d.villages.filter((v) => !created.has(v.id));
    for (const v of removedVillages) {
      audit({ action: 'villages.remove', entity: 'villages', recordId: v.id, summary: `撤销导入，删除导入时新建的村（社区）：${place(v.townCode, v.name)}`, batchId: batch.id });
    }
    let restored = 0;
    for (const old of replaced) {
      const i = d.villages.findIndex((v) => v.id === old.id);
      if (i < 0) continue;
      const now = d.villages[i];
      d.villages[i] = structuredClone(old);
      restored++;
      audit({
        action: 'villages.update', entity: 'villages', recordId: old.id, summary: `撤销导入，恢复村（社区）：${place(old.townCode, old.name)}`,
        before: changedFields(now, old), after: changedFields(old, now), batchId: batch.id,
      });
    }
    d.importBatches.find((x) => x.id === batch.id)!.undoneAt = nowIso();
    audit({
      action: 'import.undo', entity: 'importBatches', recordId: batch.id,
      summary: `撤销导入村（社区）名册“${batch.fileName}”：删除 ${removedVillages.length} 个，恢复 ${restored} 个`, batchId: batch.id,
    });
    return { removed: removedVillages.length, restored };
  });
}
