/**
 * What the three program handlers share: turning drafts into findings, refusing a save on an
 * error finding, building rule contexts from the vault document, and list rows with names.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/contract/define.js';
import type { MentorPairRow, PlacementRow, ShadowBatchRow, VillagePairRow } from '../../shared/contract/programs.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { activityInputSchema, type Activity, type MentorPair, type ShadowBatch, type ShadowPlacement, type VillagePair } from '../../shared/domain/programs.js';
import { changedFields } from './records.js';
import { nowIso, type Session } from '../store/session.js';
import { PROGRAM_FIELD_LABELS } from '../../shared/domain/fieldLabels.js';
import {
  hostLabel,
  pairTargetName,
  partnerLabel,
  type CadreInfo,
  type Finding,
  type MentoringContext,
  type ShadowContext,
  type VillageInfo,
} from '../../shared/rules/programs.js';

const LABELS = PROGRAM_FIELD_LABELS;

/** "hosts.1.capacity" → "第2个跟班单位的容量". */
export function labelOf(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    const next = path[i + 1];
    if (typeof next === 'number') {
      parts.push(`第${next + 1}个${LABELS[String(k)] ?? String(k)}`);
      i++;
    } else parts.push(LABELS[String(k)] ?? String(k));
  }
  return parts.join('的');
}

function issuesToFindings(error: z.ZodError): Finding[] {
  return error.issues.map((issue) => {
    const label = labelOf(issue.path);
    const message = issue.code === 'invalid_type' && !/[\u4e00-\u9fa5]/.test(issue.message) ? `请填写${label}` : `${label}：${issue.message}`;
    return { level: 'error' as const, code: 'invalid', field: issue.path.join('.'), message };
  });
}

/** Parses a draft; a shape error becomes findings instead of an exception, for live checks. */
export function parseDraft<S extends z.ZodType>(schema: S, data: unknown): { ok: true; value: z.output<S> } | { ok: false; findings: Finding[] } {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, findings: issuesToFindings(r.error) };
}

/** Throws INVALID with every error's message (they name the data); returns the warnings. */
export function refuseOnErrors(findings: Finding[], what: string): Finding[] {
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length) {
    const fields: Record<string, string> = {};
    for (const e of errors) if (e.field && !(e.field in fields)) fields[e.field] = e.message;
    throw new AppError('INVALID', `不能保存${what}：${errors.map((e) => e.message).join('；')}`, fields);
  }
  return findings;
}

/** The parsed draft, or INVALID with every shape error's Chinese message. */
export function mustDraft<D extends { ok: true }>(d: D | { ok: false; findings: Finding[] }, what: string): D {
  if (!d.ok) {
    refuseOnErrors(d.findings, what);
    throw new AppError('INVALID', `${what}输入无效`);
  }
  return d;
}

/** Parses or throws INVALID naming the field in Chinese. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const r = parseDraft(schema, data);
  if (r.ok) return r.value;
  refuseOnErrors(r.findings, what);
  throw new AppError('INVALID', `${what}输入无效`);
}

/** The stored fields of a record without its meta, to merge an edit onto. */
export function editable<T extends { id: string; createdAt: string; updatedAt: string; deletedAt?: string }>(r: T): Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'> {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = r;
  return rest;
}

export function assertLive(r: { deletedAt?: string }, what: string): void {
  if (r.deletedAt) throw new AppError('CONFLICT', `该${what}在回收站中，请先恢复再修改`);
}

type ActivityChange = { add: Activity } | { remove: Activity } | { update: Activity; before: Activity };

/**
 * Adds, edits or removes one activity of a pair. The audit entry carries just that activity (for
 * an edit, only its changed fields), not the whole log, so the trail stays small however long
 * the log grows.
 */
export async function changeActivities<P extends MentorPair | VillagePair>(
  s: Session,
  collection: 'mentorPairs' | 'villagePairs',
  pair: P,
  change: ActivityChange,
  summary: string,
): Promise<P> {
  const byDate = (list: Activity[]) => list.sort((a, b) => a.date.localeCompare(b.date));
  return s.mutate((_doc, audit) => {
    let action: string;
    let detail: { before?: unknown; after?: unknown };
    if ('add' in change) {
      pair.activities = byDate([...pair.activities, change.add]);
      action = 'activityAdd';
      detail = { after: change.add };
    } else if ('update' in change) {
      pair.activities = byDate(pair.activities.map((a) => (a.id === change.update.id ? change.update : a)));
      action = 'activityUpdate';
      detail = { before: { id: change.before.id, ...changedFields(change.before, change.update) }, after: { id: change.update.id, ...changedFields(change.update, change.before) } };
    } else {
      pair.activities = pair.activities.filter((a) => a.id !== change.remove.id);
      action = 'activityRemove';
      detail = { before: change.remove };
    }
    pair.updatedAt = nowIso();
    audit({ action: `${collection}.${action}`, entity: collection, recordId: pair.id, summary, ...detail });
    return pair;
  });
}

/**
 * An edited activity: the stored one with the changed fields on top, validated like a new one.
 * Its id and createdAt stay, so links and the audit trail keep pointing at the same activity.
 */
export function editedActivity(pair: MentorPair | VillagePair, activityId: string, data: Record<string, unknown>): { before: Activity; after: Activity } {
  const before = pair.activities.find((x) => x.id === activityId);
  if (!before) throw new AppError('NOT_FOUND', '找不到该活动记录，可能已被删除');
  const { id, createdAt, ...fields } = before;
  const input = parseOrThrow(activityInputSchema, { ...fields, ...data }, '结对活动');
  return { before, after: { ...input, id, createdAt } };
}

// ───────────────────────────── contexts ─────────────────────────────

export function villageMap(doc: VaultDocument): Map<string, VillageInfo> {
  return new Map(doc.villages.map((v) => [v.id, v]));
}

export function cadreMap(doc: VaultDocument): Map<string, CadreInfo> {
  return new Map(doc.cadres.map((c) => [c.id, c]));
}

export function shadowContext(doc: VaultDocument): ShadowContext {
  return { batches: doc.shadowBatches, placements: doc.shadowPlacements, cadres: cadreMap(doc), villages: villageMap(doc), youthAgeLimit: doc.settings.youthAgeLimit };
}

export function mentoringContext(doc: VaultDocument): MentoringContext {
  return { experts: new Map(doc.experts.map((e) => [e.id, e])), pairs: doc.mentorPairs, cadres: cadreMap(doc), villages: villageMap(doc), expertLoadLimit: doc.settings.expertLoadLimit };
}

// ───────────────────────────── rows ─────────────────────────────

const sumHours = (p: { activities: { hours: number }[] }) => Math.round(p.activities.reduce((s, a) => s + a.hours, 0) * 10) / 10;

export function batchRow(b: ShadowBatch, doc: VaultDocument, villages = villageMap(doc)): ShadowBatchRow {
  const placed = doc.shadowPlacements.filter((p) => p.batchId === b.id && !p.deletedAt && p.status !== '中止').length;
  return {
    ...b,
    placed,
    capacity: b.hosts.reduce((s, h) => s + h.capacity, 0),
    hostLabels: Object.fromEntries(b.hosts.map((h) => [h.key, hostLabel(h, villages)])),
    mentorLabels: Object.fromEntries(b.hosts.map((h) => [h.key, h.mentorCadreId ? doc.cadres.find((c) => c.id === h.mentorCadreId)?.name ?? '' : h.mentorName])),
  };
}

export function placementRowsFor(doc: VaultDocument, pick: (p: ShadowPlacement) => boolean): PlacementRow[] {
  const villages = villageMap(doc);
  const cadres = new Map(doc.cadres.map((c) => [c.id, c]));
  const batches = new Map(doc.shadowBatches.map((b) => [b.id, b]));
  return doc.shadowPlacements.filter(pick).map((p) => {
    const c = cadres.get(p.cadreId);
    const v = c?.villageId ? villages.get(c.villageId) : undefined;
    const b = batches.get(p.batchId);
    const h = b?.hosts.find((x) => x.key === p.hostKey);
    const mentor = h?.mentorCadreId ? cadres.get(h.mentorCadreId)?.name ?? '' : h?.mentorName ?? '';
    return {
      ...p,
      cadreName: c?.name ?? '（已删除的干部）',
      cadreSex: c?.sex ?? '',
      cadreBirth: c?.birth ?? '',
      cadreIdNumber: c?.idNumber ?? '',
      cadrePost: c?.villagePost ?? '',
      cadreVillageName: v?.name ?? '',
      townCode: v?.townCode ?? '',
      batchName: b?.name ?? '',
      batchYear: b?.year ?? Number(p.start.slice(0, 4)),
      hostLabel: h ? hostLabel(h, villages) : '',
      mentorLabel: mentor,
    };
  });
}

export function mentorPairRowsFor(doc: VaultDocument, pick: (p: MentorPair) => boolean): MentorPairRow[] {
  const ctx = mentoringContext(doc);
  const cadreVillage = new Map(doc.cadres.map((c) => [c.id, c.villageId]));
  return doc.mentorPairs.filter(pick).map((p) => {
    const villageId = p.targetKind === '干部' ? cadreVillage.get(p.cadreId ?? '') : p.villageId;
    return {
      ...p,
      expertNames: p.expertIds.map((id) => ctx.experts.get(id)?.name ?? '（未知专家）'),
      targetName: pairTargetName(p, ctx.cadres, ctx.villages),
      townCode: ctx.villages.get(villageId ?? '')?.townCode ?? '',
      hours: sumHours(p),
    };
  });
}

export function villagePairRowsFor(doc: VaultDocument, pick: (p: VillagePair) => boolean): VillagePairRow[] {
  const villages = villageMap(doc);
  return doc.villagePairs.filter(pick).map((p) => {
    const v = villages.get(p.helpedVillageId);
    return { ...p, helpedName: v?.name ?? '（已删除的村居）', townCode: v?.townCode ?? '', partnerLabel: partnerLabel(p, villages), hours: sumHours(p) };
  });
}
