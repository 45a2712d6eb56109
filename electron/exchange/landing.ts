/**
 * From an opened package to a preview (per record: new / changed field by field / deleted, with
 * conflicts against the landed base), and from the user's choice to ONE audited, undoable save.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { collectionLabel, officeName, type ExchangeImportResult, type ExchangePreview, type FieldChange, type InboxImport, type RecordChange } from '../../shared/domain/exchange.js';
import type { Session } from '../store/session.js';
import { accessOf, EXCHANGED_COLLECTIONS, type ExchangedRecord } from './collections.js';
import { sealReceipt, type Receipt } from './format.js';
import { fieldHashes, packFieldHashes, recordHash, unpackFieldHashes } from './hashing.js';
import { requireIdentity } from './identity.js';
import { privateKey } from './keys.js';
import { inboxOf, openPackage, type OpenedPackage } from './openPackage.js';

/** The form's own message for a record that would not pass it, naming the field. */
function invalidReason(schema: z.ZodType | undefined, r: ExchangedRecord): string | undefined {
  if (!schema) return undefined;
  const res = schema.safeParse(r);
  if (res.success) return undefined;
  const issue = res.error.issues[0];
  return `内容不符合要求：${issue.message}${issue.path.length ? `（${issue.path.join('.')}）` : ''}，不能导入`;
}

/** How a value reads in the preview: short, and never a photo's bytes. */
export function displayValue(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (field === 'photo') return '（照片）';
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

interface Planned extends RecordChange {
  incoming?: ExchangedRecord;
  deletedAt?: string;
}

export interface Plan {
  opened: OpenedPackage;
  preview: ExchangePreview;
  planned: Planned[];
  /** Records identical here already: their landed base still moves to what the sender holds. */
  unchangedRecords: { collection: string; record: ExchangedRecord }[];
}

function listOf(doc: VaultDocument, name: string): Map<string, ExchangedRecord> {
  return new Map(accessOf(name).list(doc).map((r) => [r.id, r]));
}

export function planPackage(doc: VaultDocument, bytes: Buffer): Plan {
  const opened = openPackage(doc, bytes);
  const { header: h, body } = opened;
  const landedAll = inboxOf(doc, h.from).landed;
  const planned: Planned[] = [];
  const unchangedRecords: Plan['unchangedRecords'] = [];
  const liveIdNumbers = new Map<string, ExchangedRecord>();
  for (const c of doc.cadres) if (!c.deletedAt) liveIdNumbers.set(c.idNumber, c);
  const names = new Set([...Object.keys(body.records), ...Object.keys(body.tombstones), ...(h.full ? Object.keys(landedAll) : [])]);
  for (const name of names) {
    const rule = EXCHANGED_COLLECTIONS[name];
    if (!rule) continue;
    const here = listOf(doc, name);
    const landed = landedAll[name] ?? {};
    const named = new Set<string>();
    for (const r of body.records[name] ?? []) {
      named.add(r.id);
      const mine = here.get(r.id);
      const key = `${name}/${r.id}`;
      const invalid = invalidReason(rule.schema, r);
      if (invalid) {
        planned.push({ key, collection: name, id: r.id, label: rule.label(r), status: mine ? 'changed' : 'new', fields: [], conflict: false, blocked: invalid, incoming: r });
        continue;
      }
      if (!mine) {
        let blocked: string | undefined;
        if (name === 'cadres') {
          const other = liveIdNumbers.get(String(r.idNumber));
          if (other && other.id !== r.id) blocked = `本库已有身份证号码相同的档案（${String(other.name)}），请先核对处理该档案`;
        }
        planned.push({ key, collection: name, id: r.id, label: rule.label(r), status: 'new', fields: [], conflict: false, blocked, incoming: r });
        continue;
      }
      const inH = fieldHashes(r);
      const curH = fieldHashes(mine);
      const baseH = landed[r.id] !== undefined ? unpackFieldHashes(landed[r.id]) : null;
      const fields: FieldChange[] = [];
      for (const f of new Set([...Object.keys(inH), ...Object.keys(curH)])) {
        if (f === 'id' || f === 'createdAt' || f === 'updatedAt') continue;
        const sentChanged = baseH ? inH[f] !== baseH[f] : inH[f] !== curH[f];
        if (!sentChanged || inH[f] === curH[f]) continue;
        // Without a base (first package from this office) nothing was "changed here since": a difference, not a conflict.
        fields.push({ field: f, before: displayValue(f, mine[f]), after: displayValue(f, r[f]), conflict: baseH ? curH[f] !== baseH[f] : false });
      }
      if (!fields.length) {
        unchangedRecords.push({ collection: name, record: r });
        continue;
      }
      planned.push({ key, collection: name, id: r.id, label: rule.label(r), status: 'changed', fields, conflict: fields.some((f) => f.conflict), incoming: r });
    }
    const tombs = [...(body.tombstones[name] ?? [])];
    // A full package names everything the sender holds: what it once sent and no longer names is gone there.
    if (h.full) for (const id of Object.keys(landed)) if (!named.has(id) && !tombs.some((t) => t.id === id)) tombs.push({ id, deletedAt: h.createdAt });
    for (const t of tombs) {
      const mine = here.get(t.id);
      if (!mine || mine.deletedAt) continue;
      const baseH = landed[t.id];
      const changedHere = baseH === undefined || packFieldHashes(fieldHashes(mine)) !== baseH;
      planned.push({
        key: `${name}/${t.id}`, collection: name, id: t.id, label: rule.label(mine), status: 'deleted',
        fields: changedHere ? [{ field: '（整条记录）', before: '本库在上次接收后修改过', after: '对方已删除', conflict: true }] : [],
        conflict: changedHere, deletedAt: t.deletedAt,
      });
    }
  }
  const order = { new: 0, changed: 1, deleted: 2 } as const;
  planned.sort((a, b) => Number(b.conflict) - Number(a.conflict) || order[a.status] - order[b.status] || a.collection.localeCompare(b.collection));
  const preview: ExchangePreview = {
    from: h.from, fromName: officeName(h.from), to: h.to, sequence: h.sequence, base: h.base, full: h.full, createdAt: h.createdAt,
    changes: planned.map(({ incoming: _i, deletedAt: _d, ...c }) => c),
    unchanged: unchangedRecords.length,
  };
  return { opened, preview, planned, unchangedRecords };
}

export type AcceptChoice = 'all' | 'nonConflicting' | string[];

function chosen(plan: Plan, accept: AcceptChoice): Set<string> {
  const keys = new Set<string>();
  for (const p of plan.planned) {
    if (p.blocked) continue;
    if (accept === 'all' || (accept === 'nonConflicting' && !p.conflict) || (Array.isArray(accept) && accept.includes(p.key))) keys.add(p.key);
  }
  if (Array.isArray(accept)) {
    const blocked = plan.planned.find((p) => p.blocked && accept.includes(p.key));
    if (blocked) throw new AppError('CONFLICT', `${collectionLabel(blocked.collection)}“${blocked.label}”不能导入：${blocked.blocked}`);
  }
  return keys;
}

/** An accepted record must not point at a village or cadre this vault will not have. */
function checkReferences(doc: VaultDocument, plan: Plan, keys: Set<string>): void {
  const has = (name: string, id: string) => {
    const p = plan.planned.find((x) => x.collection === name && x.id === id);
    if (p) return p.status !== 'deleted' ? keys.has(p.key) || listOf(doc, name).has(id) : !keys.has(p.key);
    return listOf(doc, name).has(id);
  };
  for (const p of plan.planned) {
    if (!keys.has(p.key) || !p.incoming) continue;
    const r = p.incoming;
    if (p.collection === 'cadres' && typeof r.villageId === 'string' && !has('villages', r.villageId)) {
      throw new AppError('CONFLICT', `干部档案“${p.label}”所属的村（社区）没有一并接受，请同时接受该村（社区），或不接受这份档案`);
    }
    if (p.collection === 'villagePairs' && typeof r.helpedVillageId === 'string' && !has('villages', r.helpedVillageId)) {
      throw new AppError('CONFLICT', `村居结对“${p.label}”的被帮扶村（社区）没有一并接受`);
    }
  }
}

export async function commitPackage(session: Session, bytes: Buffer, fileName: string, accept: AcceptChoice): Promise<ExchangeImportResult> {
  // Planned again against the document as it is now, inside the same queued change that writes it.
  return session.mutate((doc, audit) => {
    const plan = planPackage(doc, bytes);
    const { header: h } = plan.opened;
    const keys = chosen(plan, accept);
    checkReferences(doc, plan, keys);
    const { office: me, keys: myKeys } = requireIdentity(doc);
    const inbox = inboxOf(doc, h.from);
    const at = new Date().toISOString();
    const batchId = randomUUID();
    const undo: InboxImport['undo'] = { created: {}, replaced: {}, landedBefore: {}, after: {} };
    const land = (name: string, id: string, state: ExchangedRecord) => {
      inbox.landed[name] ??= {};
      (undo.landedBefore[name] ??= {})[id] ??= inbox.landed[name][id] ?? null;
      inbox.landed[name][id] = packFieldHashes(fieldHashes(state));
    };
    const who = officeName(h.from);
    let created = 0;
    let changed = 0;
    let deleted = 0;
    const declined: Record<string, string[]> = {};
    for (const p of plan.planned) {
      if (!keys.has(p.key)) {
        (declined[p.collection] ??= []).push(p.id);
        continue;
      }
      const access = accessOf(p.collection);
      const what = collectionLabel(p.collection);
      if (p.status === 'new') {
        const record = structuredClone(p.incoming!);
        access.put(doc, record);
        (undo.created[p.collection] ??= []).push(p.id);
        land(p.collection, p.id, p.incoming!);
        (undo.after[p.collection] ??= {})[p.id] = recordHash(record);
        created++;
        audit({ action: `${p.collection}.create`, entity: p.collection, recordId: p.id, summary: `数据交换：新增${what}“${p.label}”（${who}第 ${h.sequence} 号数据包）`, batchId });
        continue;
      }
      const mine = accessOf(p.collection).list(doc).find((r) => r.id === p.id)!;
      const before = structuredClone(mine);
      (undo.replaced[p.collection] ??= []).push(before);
      const next: ExchangedRecord = structuredClone(mine);
      if (p.status === 'changed') {
        for (const f of p.fields) {
          const v = p.incoming![f.field];
          if (v === undefined) delete next[f.field];
          else next[f.field] = structuredClone(v);
        }
        land(p.collection, p.id, p.incoming!);
        changed++;
      } else {
        next.deletedAt = p.deletedAt;
        land(p.collection, p.id, next);
        deleted++;
      }
      if (p.collection !== 'settings') next.updatedAt = at;
      access.put(doc, next);
      (undo.after[p.collection] ??= {})[p.id] = recordHash(accessOf(p.collection).list(doc).find((r) => r.id === p.id)!);
      const fieldsBefore = Object.fromEntries(p.fields.filter((f) => f.field in before || f.field === 'deletedAt').map((f) => [f.field, before[f.field]]));
      const fieldsAfter = Object.fromEntries(p.fields.map((f) => [f.field, next[f.field]]));
      audit({
        action: `${p.collection}.${p.status === 'changed' ? 'update' : 'delete'}`, entity: p.collection, recordId: p.id,
        summary: `数据交换：${p.status === 'changed' ? '修改' : '移入回收站'}${what}“${p.label}”（${who}第 ${h.sequence} 号数据包）`,
        ...(p.status === 'changed' && { before: stripPhoto(fieldsBefore), after: stripPhoto(fieldsAfter) }),
        batchId,
      });
    }
    for (const u of plan.unchangedRecords) land(u.collection, u.record.id, u.record);
    inbox.imports.push({ seq: h.sequence, base: h.base, packageId: h.packageId, at, operator: session.operator, batchId, undo });
    doc.importBatches.push({ id: batchId, at, operator: session.operator, kind: 'exchange', fileName, createdIds: Object.values(undo.created).flat(), replaced: [] });
    const declinedCount = Object.values(declined).reduce((n, l) => n + l.length, 0);
    audit({
      action: 'exchange.import', entity: 'exchange', recordId: h.packageId,
      summary: `导入${who}的${h.full ? '完整' : '增量'}数据包第 ${h.sequence} 号“${fileName}”：新增 ${created} 条，修改 ${changed} 条，删除 ${deleted} 条，未接受 ${declinedCount} 条`,
      batchId,
    });
    const receipt: Receipt = { format: 1, from: me, to: h.from, sequence: h.sequence, packageId: h.packageId, at, declined };
    const receiptBytes = sealReceipt(receipt, privateKey(myKeys.signPrivate));
    return {
      batchId, created, changed, deleted, declined: declinedCount,
      receipt: { fileName: `${officeName(me)}回执-${who}第${h.sequence}号.cdr`, base64: receiptBytes.toString('base64') },
    };
  });
}

const stripPhoto = (o: Record<string, unknown>) => ('photo' in o ? { ...o, photo: '（照片）' } : o);
