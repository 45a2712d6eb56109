/** 书记跟班: batches with their hosts, and placements from 计划 to 结业 or 中止. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import type { programsContract } from '../../shared/contract/programs.js';
import {
  evaluationSchema,
  shadowBatchInputSchema,
  shadowPlacementInputSchema,
  type ShadowBatch,
  type ShadowPlacement,
} from '../../shared/domain/programs.js';
import { parseDay } from '../../shared/rules/dates.js';
import { checkBatch, checkPlacement, endKey, startKey, type Finding } from '../../shared/rules/programs.js';
import { nowIso, type Session } from '../store/session.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import {
  assertLive,
  batchRow,
  editable,
  mustDraft,
  parseDraft,
  parseOrThrow,
  placementRowsFor,
  refuseOnErrors,
  shadowContext,
  villageMap,
} from './programsCommon.js';
import { buildRosterWorkbook } from './programsRoster.js';
import { commitRoster, importRoster } from './programsRosterImport.js';
import { changedFields, createRecord, findRecord, setDeleted, updateRecord } from './records.js';
import type { HandlersFor } from './types.js';
import { scalarText } from '../../shared/rules/text.js';

type ShadowMethods = Pick<typeof programsContract, Extract<keyof typeof programsContract, `shadow.${string}`>>;

const BATCH = '跟班期次';
const PLACEMENT = '跟班安排';

/** Hosts sent without a key (e.g. from an import or a script) get one, so placements can point at them. */
function withHostKeys(data: Record<string, unknown>): Record<string, unknown> {
  const hosts: unknown = data.hosts;
  if (!Array.isArray(hosts)) return data;
  return { ...data, hosts: hosts.map((h: unknown) => (h && typeof h === 'object' && !(h as { key?: unknown }).key ? { ...h, key: randomUUID().slice(0, 8) } : h)) };
}

function batchDraft(s: Session, id: string | undefined, data: Record<string, unknown>) {
  const base = id ? editable(findRecord(s.doc.shadowBatches, id, BATCH)) : {};
  // Cancelling has its own method; an edit never sets or clears it.
  const cancelled = id ? (base as { cancelled?: unknown }).cancelled ?? null : null;
  return parseDraft(shadowBatchInputSchema, withHostKeys({ ...base, ...data, cancelled }));
}

function placementLabel(p: ShadowPlacement, doc: VaultDocument): string {
  const c = doc.cadres.find((x) => x.id === p.cadreId);
  const b = doc.shadowBatches.find((x) => x.id === p.batchId);
  return `${c?.name ?? '？'}（${b?.name ?? '？'}）`;
}

/** Status, stop and evaluation change only through their own methods; an edit keeps them. */
function placementDraft(s: Session, id: string | undefined, data: Record<string, unknown>) {
  const current = id ? findRecord(s.doc.shadowPlacements, id, PLACEMENT) : undefined;
  const batchId = scalarText(data.batchId ?? current?.batchId);
  const batch = s.doc.shadowBatches.find((b) => b.id === batchId && !b.deletedAt);
  const merged: Record<string, unknown> = {
    start: batch?.start,
    end: batch?.end,
    ...(current ? editable(current) : {}),
    ...data,
  };
  if (current) {
    merged.status = current.status;
    merged.stopped = current.stopped;
    merged.evaluation = current.evaluation;
    merged.plannedEnd = current.plannedEnd;
  } else {
    if (merged.status !== '在岗') merged.status = '计划';
    merged.stopped = null;
    merged.evaluation = null;
    merged.plannedEnd = '';
  }
  const parsed = parseDraft(shadowPlacementInputSchema, merged);
  if (!parsed.ok) return parsed;
  if (!batch) return { ok: false as const, findings: [{ level: 'error', code: 'batch-missing', field: 'batchId', message: '所选期次不存在或已移入回收站' }] as Finding[] };
  return { ok: true as const, value: parsed.value, batch };
}

function placementFindings(s: Session, id: string | undefined, data: Record<string, unknown>): Finding[] {
  const d = placementDraft(s, id, data);
  if (!d.ok) return d.findings;
  return checkPlacement({ ...d.value, id }, d.batch, shadowContext(s.doc));
}

function stopDay(date: string, label: string): string {
  const day = parseDay(date, label);
  if (!day.ok || date.length !== 10) throw new AppError('INVALID', `${label}应写到具体日期，如 2023.04.10`, { date: `${label}应写成 2023.04.10 的形式` });
  return day.value;
}

export const shadowHandlers: HandlersFor<ShadowMethods> = {
  'shadow.batchList': ({ deleted }, app) => {
    const doc = app.requireSession().doc;
    const villages = villageMap(doc);
    return doc.shadowBatches.filter((b) => !!b.deletedAt === deleted).map((b) => batchRow(b, doc, villages)).sort((a, b) => b.start.localeCompare(a.start));
  },

  'shadow.batchGet': ({ id }, app) => {
    const doc = app.requireSession().doc;
    const batch = findRecord(doc.shadowBatches, id, BATCH);
    return { batch: batchRow(batch, doc), placements: placementRowsFor(doc, (p) => p.batchId === id && !p.deletedAt) };
  },

  'shadow.batchCheck': ({ id, data }, app) => {
    const s = app.requireSession();
    const d = batchDraft(s, id, data);
    return d.ok ? checkBatch({ ...d.value, id }, shadowContext(s.doc)) : d.findings;
  },

  'shadow.batchCreate': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = mustDraft(batchDraft(s, undefined, data), BATCH).value;
    const findings = refuseOnErrors(checkBatch(fields, shadowContext(s.doc)), BATCH);
    const record = await createRecord<ShadowBatch>(s, 'shadowBatches', fields, (b) => `新建跟班期次：${b.name}（${b.start}–${b.end}，${b.hosts.length} 个跟班单位）`);
    return { record, findings };
  },

  'shadow.batchUpdate': async ({ id, data }, app) => {
    const s = app.requireSession();
    assertLive(findRecord(s.doc.shadowBatches, id, BATCH), BATCH);
    const fields = mustDraft(batchDraft(s, id, data), BATCH).value;
    const findings = refuseOnErrors(checkBatch({ ...fields, id }, shadowContext(s.doc)), BATCH);
    const record = await updateRecord<ShadowBatch>(s, 'shadowBatches', id, fields, BATCH, (b) => `修改跟班期次：${b.name}`);
    return { record, findings };
  },

  'shadow.batchCancel': async ({ id, date, reason }, app) => {
    const s = app.requireSession();
    const batch = findRecord(s.doc.shadowBatches, id, BATCH);
    assertLive(batch, BATCH);
    if (batch.cancelled) throw new AppError('CONFLICT', `“${batch.name}”已于 ${batch.cancelled.date} 取消`);
    const day = stopDay(date, '取消日期');
    return s.mutate((doc, audit) => {
      const at = nowIso();
      batch.cancelled = { date: day, reason };
      batch.updatedAt = at;
      audit({ action: 'shadowBatches.cancel', entity: 'shadowBatches', recordId: id, summary: `取消跟班期次：${batch.name}（${day}，${reason}）`, after: { cancelled: batch.cancelled } });
      for (const p of doc.shadowPlacements) {
        if (p.batchId !== id || p.deletedAt || (p.status !== '计划' && p.status !== '在岗')) continue;
        const before = { ...p };
        if (startKey(p.start) > startKey(day)) {
          // Never started: it covered no day, so it goes to 回收站 rather than claiming a period.
          p.deletedAt = at;
          p.updatedAt = at;
          audit({ action: 'shadowPlacements.delete', entity: 'shadowPlacements', recordId: p.id, summary: `期次取消，未开始的跟班安排移入回收站：${placementLabel(p, doc)}` });
          continue;
        }
        p.plannedEnd = p.end;
        if (endKey(p.end) > endKey(day)) p.end = day;
        p.status = '中止';
        p.stopped = { date: day, reason: `期次取消：${reason}` };
        p.updatedAt = at;
        audit({ action: 'shadowPlacements.stop', entity: 'shadowPlacements', recordId: p.id, summary: `期次取消，跟班中止：${placementLabel(p, doc)}`, before: changedFields(before, p), after: changedFields(p, before) });
      }
      return batch;
    });
  },

  'shadow.batchDelete': async ({ id }, app) => {
    const s = app.requireSession();
    const n = s.doc.shadowPlacements.filter((p) => p.batchId === id && !p.deletedAt).length;
    if (n) throw new AppError('CONFLICT', `本期还有 ${n} 个跟班安排，请先删除这些安排，或改用“取消期次”`);
    await setDeleted<ShadowBatch>(s, 'shadowBatches', id, true, BATCH, (b) => b.name);
    return { ok: true as const };
  },

  'shadow.batchRestore': ({ id }, app) => setDeleted<ShadowBatch>(app.requireSession(), 'shadowBatches', id, false, BATCH, (b) => b.name),

  'shadow.placementList': ({ deleted }, app) => placementRowsFor(app.requireSession().doc, (p) => !!p.deletedAt === deleted),

  'shadow.placementCheck': ({ id, data }, app) => placementFindings(app.requireSession(), id, data),

  'shadow.placementCreate': async ({ data }, app) => {
    const s = app.requireSession();
    const { value, batch } = mustDraft(placementDraft(s, undefined, data), PLACEMENT);
    const findings = refuseOnErrors(checkPlacement(value, batch, shadowContext(s.doc)), PLACEMENT);
    const record = await createRecord<ShadowPlacement>(s, 'shadowPlacements', value, (p) => `安排书记跟班：${placementLabel(p, s.doc)} ${p.start}–${p.end}`);
    return { record, findings };
  },

  'shadow.placementUpdate': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.shadowPlacements, id, PLACEMENT);
    assertLive(current, PLACEMENT);
    if (current.status === '中止') throw new AppError('CONFLICT', `${placementLabel(current, s.doc)} 的跟班已中止，不能再修改`);
    const { value, batch } = mustDraft(placementDraft(s, id, data), PLACEMENT);
    const findings = refuseOnErrors(checkPlacement({ ...value, id }, batch, shadowContext(s.doc)), PLACEMENT);
    const record = await updateRecord<ShadowPlacement>(s, 'shadowPlacements', id, value, PLACEMENT, (p) => `修改跟班安排：${placementLabel(p, s.doc)}`);
    return { record, findings };
  },

  'shadow.placementStart': async ({ id }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.shadowPlacements, id, PLACEMENT);
    if (p.status !== '计划') throw new AppError('CONFLICT', `${placementLabel(p, s.doc)} 当前状态为“${p.status}”，只有“计划”中的跟班可以开始`);
    return updateRecord<ShadowPlacement>(s, 'shadowPlacements', id, { status: '在岗' }, PLACEMENT, (x) => `跟班到岗：${placementLabel(x, s.doc)}`);
  },

  'shadow.placementFinish': async ({ id, evaluation }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.shadowPlacements, id, PLACEMENT);
    assertLive(p, PLACEMENT);
    if (p.status === '中止') throw new AppError('CONFLICT', `${placementLabel(p, s.doc)} 的跟班已中止，不能结业`);
    const ev = parseOrThrow(evaluationSchema, evaluation, '结业评价');
    const again = p.status === '结业';
    return updateRecord<ShadowPlacement>(s, 'shadowPlacements', id, { status: '结业', evaluation: ev }, PLACEMENT, (x) => `${again ? '修改结业评价' : '跟班结业'}：${placementLabel(x, s.doc)}，等次${ev.grade}`);
  },

  'shadow.placementStop': async ({ id, date, reason }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.shadowPlacements, id, PLACEMENT);
    assertLive(p, PLACEMENT);
    if (p.status !== '计划' && p.status !== '在岗') throw new AppError('CONFLICT', `${placementLabel(p, s.doc)} 当前状态为“${p.status}”，不能中止`);
    const day = stopDay(date, '中止日期');
    if (startKey(day) < startKey(p.start)) {
      throw new AppError('INVALID', `跟班 ${p.start} 才开始，中止日期 ${day} 不能早于开始日期；如不再安排，请直接删除该安排`, { date: '中止日期早于跟班开始日期' });
    }
    if (startKey(day) > endKey(p.end)) throw new AppError('INVALID', `中止日期 ${day} 晚于跟班结束日期 ${p.end}；已期满的跟班请办理结业`, { date: '中止日期晚于结束日期' });
    return updateRecord<ShadowPlacement>(s, 'shadowPlacements', id, { status: '中止', plannedEnd: p.end, end: day, stopped: { date: day, reason } }, PLACEMENT, (x) => `跟班中止：${placementLabel(x, s.doc)}（${day}，${reason}）`);
  },

  'shadow.placementDelete': async ({ id }, app) => {
    const s = app.requireSession();
    await setDeleted<ShadowPlacement>(s, 'shadowPlacements', id, true, PLACEMENT, (p) => placementLabel(p, s.doc));
    return { ok: true as const };
  },

  'shadow.placementRestore': async ({ id }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.shadowPlacements, id, PLACEMENT);
    // What was fine when deleted may clash with what was arranged since.
    if (p.status !== '中止') refuseOnErrors(placementFindings(s, id, {}), PLACEMENT);
    return setDeleted<ShadowPlacement>(s, 'shadowPlacements', id, false, PLACEMENT, (x) => placementLabel(x, s.doc));
  },

  'shadow.exportRoster': ({ batchId }, app) => {
    const doc = app.requireSession().doc;
    const batch = findRecord(doc.shadowBatches, batchId, BATCH);
    const rows = placementRowsFor(doc, (p) => p.batchId === batchId && !p.deletedAt);
    return { fileName: `${batch.name}-跟班花名册.xlsx`, base64: buildRosterWorkbook(batch, rows).toString('base64') };
  },

  'shadow.importRoster': async ({ batchId, fileName, base64, commit }, app) => {
    const s = app.requireSession();
    const batch = findRecord(s.doc.shadowBatches, batchId, BATCH);
    assertLive(batch, BATCH);
    if (batch.cancelled) throw new AppError('CONFLICT', `“${batch.name}”已取消，不能导入`);
    const { result, accepted } = importRoster(s, batchId, fileName, Buffer.from(base64, 'base64'));
    if (!commit) return result;
    return { ...result, created: await commitRoster(s, batch, fileName, accepted) };
  },
};
