import { AppError } from '../../shared/contract/define.js';
import { crossPostingContract, type CandidateView, type PilotRow, type PoolRow, type StepResult } from '../../shared/contract/crossPosting.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import {
  crossCandidateInputSchema,
  crossPilotInputSchema,
  currentStage,
  FINAL_STAGES,
  nextStages,
  type CrossCandidate,
  type CrossPilot,
  type CrossStage,
  type CrossStep,
  type CrossStepFields,
  type PilotFilled,
} from '../../shared/domain/crossPosting.js';
import { EDUCATION_LEVELS } from '../../shared/domain/codes.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { isStrongVillage, type Village } from '../../shared/domain/village.js';
import { effectiveThresholds, ELIGIBILITY_RULES, pilotContext, referenceDateOf, RULE_VERSION } from '../../shared/rules/eligibility.js';
import { columnOf, evaluateFor, summaryOf, verdictsFor } from '../crossPosting/columns.js';
import { comparisonDocument, pilotTitle } from '../crossPosting/comparisonDocument.js';
import { appointmentChanges, publicityWarnings } from '../crossPosting/decisions.js';
import type { AuditInput } from '../store/audit.js';
import { newId, nowIso, type Session } from '../store/session.js';
import { changedFields, findRecord, setDeleted, validate } from './records.js';
import type { HandlersFor } from './types.js';
import { recordCrossAppointment } from './postChanges.js';

const PILOT = '跨村任职试点';
const CANDIDATE = '跨村任职人选';
/** The reason officials write when a pilot's post went to someone else. */
export const FILLED_ELSEWHERE = '该试点已任命他人';

function villageMap(doc: VaultDocument): Map<string, Village> {
  return new Map(doc.villages.map((v) => [v.id, v]));
}

const pilotLabel = pilotTitle;

function livePilot(doc: VaultDocument, id: string): CrossPilot {
  const p = findRecord(doc.crossPilots, id, PILOT);
  if (p.deletedAt) throw new AppError('CONFLICT', `${PILOT}“${pilotLabel(doc, p)}”在回收站中，请先恢复`);
  return p;
}

function liveCadre(doc: VaultDocument, id: string): Cadre {
  const c = findRecord(doc.cadres, id, '干部档案');
  if (c.deletedAt) throw new AppError('CONFLICT', `${c.name} 的档案在回收站中`);
  return c;
}

function candidateView(doc: VaultDocument, pilot: CrossPilot, cand: CrossCandidate): CandidateView {
  const cadre = findRecord(doc.cadres, cand.cadreId, '干部档案');
  return { ...summaryOf(cadre, villageMap(doc), referenceDateOf(pilot)), candidate: cand, stage: currentStage(cand), ...verdictsFor(doc, pilot, cadre, cand) };
}

function poolRow(doc: VaultDocument, pilot: CrossPilot, cadre: Cadre, ctx = pilotContext(doc, pilot)): PoolRow {
  const ev = evaluateFor(doc, pilot, cadre, ctx);
  const cand = doc.crossCandidates.find((c) => !c.deletedAt && c.pilotId === pilot.id && c.cadreId === cadre.id);
  return { ...summaryOf(cadre, ctx.villages, referenceDateOf(pilot)), verdicts: ev.verdicts, overall: ev.overall, candidateId: cand?.id };
}

const STAGE_ORDER: (CrossStage | '')[] = ['', '提名', '考察', '公示', '任命'];

function overviewRow(doc: VaultDocument, p: CrossPilot): PilotRow {
  const v = doc.villages.find((x) => x.id === p.villageId);
  const cands = doc.crossCandidates.filter((c) => !c.deletedAt && c.pilotId === p.id);
  const stageCounts: PilotRow['stageCounts'] = {};
  for (const c of cands) {
    const s = currentStage(c);
    stageCounts[s] = (stageCounts[s] ?? 0) + 1;
  }
  const open = cands.map(currentStage).filter((s) => s !== '未通过');
  const furthest = open.sort((a, b) => STAGE_ORDER.indexOf(b) - STAGE_ORDER.indexOf(a))[0];
  const currentStep = p.filled ? `已任命 ${p.filled.cadreName}` : cands.length === 0 ? '未提名' : furthest === undefined ? '人选均未通过' : furthest === '' ? '已列入人选，未提名' : furthest;
  return {
    id: p.id,
    villageId: p.villageId,
    villageName: v?.name ?? '（村居已删除）',
    townCode: v?.townCode ?? '',
    post: p.post,
    reason: p.reason,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    candidateCount: cands.length,
    stageCounts,
    currentStep,
    filled: p.filled,
    deletedAt: p.deletedAt,
  };
}

function validatePilot(doc: VaultDocument, data: unknown): ReturnType<typeof crossPilotInputSchema.parse> {
  const fields = validate(crossPilotInputSchema, data, PILOT);
  const v = doc.villages.find((x) => x.id === fields.villageId && !x.deletedAt);
  if (!v) throw new AppError('INVALID', `${PILOT}：请选择目标村（社区）`, { villageId: '找不到该村（社区）' });
  if (fields.thresholds.minEducation !== undefined && fields.thresholds.minEducation !== '' && !(EDUCATION_LEVELS as readonly string[]).includes(fields.thresholds.minEducation)) {
    throw new AppError('INVALID', `${PILOT}：最低学历“${fields.thresholds.minEducation}”不在学历代码表中`, { 'thresholds.minEducation': '请从列表中选择学历' });
  }
  return fields;
}

/** Creating a pilot marks its village 跨村任职试点 in the same save, so 村居信息 shows it. */
async function createPilot(s: Session, data: unknown): Promise<CrossPilot> {
  const fields = validatePilot(s.doc, data);
  const dup = s.doc.crossPilots.find((p) => !p.deletedAt && !p.filled && p.villageId === fields.villageId && p.post === fields.post);
  if (dup) throw new AppError('CONFLICT', `${pilotLabel(s.doc, dup)} 已有一个未完成的试点`, { post: '该村这一职务已在试点中' });
  const at = nowIso();
  const pilot: CrossPilot = { ...fields, id: newId(), createdAt: at, updatedAt: at, filled: null };
  return s.mutate((doc, audit) => {
    doc.crossPilots.push(pilot);
    audit({ action: 'crossPilots.create', entity: 'crossPilots', recordId: pilot.id, summary: `新建跨村任职试点：${pilotLabel(doc, pilot)}`, after: pilot });
    flagVillage(doc, audit, pilot.villageId, at);
    return pilot;
  });
}

/** A pilot's village shows as 跨村任职试点 in 村居信息; set in the same save as the pilot. */
function flagVillage(doc: VaultDocument, audit: (e: AuditInput) => void, villageId: string, at: string): void {
  const v = doc.villages.find((x) => x.id === villageId);
  if (!v || v.crossPilot) return;
  v.crossPilot = true;
  v.updatedAt = at;
  audit({ action: 'villages.update', entity: 'villages', recordId: v.id, summary: `标记为跨村任职试点：${townName(v.townCode)}${v.name}`, before: { crossPilot: false }, after: { crossPilot: true } });
}

const isOpen = (c: CrossCandidate) => !FINAL_STAGES.includes(currentStage(c) as CrossStage);

/**
 * The 未通过 step the app records for an open candidate once the pilot is filled by someone
 * else. Its date is the appointment's, or the candidate's own last step when that came later,
 * so the steps stay in date order; the checks are kept as they stood at that moment.
 */
function filledElsewhereStep(doc: VaultDocument, pilot: CrossPilot, cand: CrossCandidate, filled: Pick<PilotFilled, 'cadreName' | 'date'>, operator: string): CrossStep {
  const last = cand.steps[cand.steps.length - 1];
  const ev = evaluateFor(doc, pilot, findRecord(doc.cadres, cand.cadreId, '干部档案'));
  const at = nowIso();
  return {
    stage: '未通过',
    date: last && last.date > filled.date ? last.date : filled.date,
    notes: `${filled.date} 已任命 ${filled.cadreName}，本人选随之结束`,
    publicityStart: '',
    publicityEnd: '',
    reason: FILLED_ELSEWHERE,
    operator,
    recordedAt: at,
    warnings: [],
    eligibility: { ruleVersion: ev.ruleVersion, evaluatedAt: at, inputs: ev.inputs, verdicts: ev.verdicts, overall: ev.overall },
  };
}

/** Every step a candidate takes, by hand or as a side effect, is stamped and audited alike. */
function appendStep(audit: (e: AuditInput) => void, cand: CrossCandidate, step: CrossStep, summary: string, after: Record<string, unknown>): void {
  cand.steps.push(step);
  cand.updatedAt = step.recordedAt;
  audit({ action: 'crossCandidates.step', entity: 'crossCandidates', recordId: cand.id, summary, after });
}

function closeAsFilledElsewhere(doc: VaultDocument, audit: (e: AuditInput) => void, pilot: CrossPilot, cand: CrossCandidate, step: CrossStep): string {
  const name = doc.cadres.find((c) => c.id === cand.cadreId)?.name ?? '';
  appendStep(audit, cand, step, `跨村任职 ${pilotLabel(doc, pilot)}：${name} 未通过（${FILLED_ELSEWHERE}）`, {
    stage: step.stage, date: step.date, reason: step.reason, notes: step.notes, overall: step.eligibility.overall, ruleVersion: step.eligibility.ruleVersion,
  });
  return name;
}

async function recordStep(s: Session, candidateId: string, input: CrossStepFields): Promise<StepResult> {
  const doc = s.doc;
  const cand = findRecord(doc.crossCandidates, candidateId, CANDIDATE);
  if (cand.deletedAt) throw new AppError('CONFLICT', '该人选已移出名单');
  const pilot = livePilot(doc, cand.pilotId);
  const cadre = liveCadre(doc, cand.cadreId);
  const stage = currentStage(cand);
  const allowed = nextStages(stage);
  if (!allowed.includes(input.stage)) {
    const now = stage ? `当前为“${stage}”` : '尚未提名';
    throw new AppError('CONFLICT', allowed.length ? `${cadre.name} ${now}，下一步只能是 ${allowed.join(' 或 ')}` : `${cadre.name} ${now}，流程已结束`);
  }
  const last = cand.steps[cand.steps.length - 1];
  if (last && input.date < last.date) {
    throw new AppError('INVALID', `${input.stage}日期 ${input.date} 早于上一步“${last.stage}”的日期 ${last.date}`, { date: `不能早于 ${last.date}` });
  }
  const ev = evaluateFor(doc, pilot, cadre);
  const warnings: string[] = [];
  if (input.stage === '公示') warnings.push(...publicityWarnings(input.publicityStart, input.publicityEnd, doc.settings.workCalendar));
  if (input.stage === '任命') {
    if (pilot.filled) throw new AppError('CONFLICT', `${pilotLabel(doc, pilot)} 已于 ${pilot.filled.date} 任命 ${pilot.filled.cadreName}`);
    const fails = ev.verdicts.filter((v) => v.result === 'fail');
    if (fails.length) {
      throw new AppError('CONFLICT', `${cadre.name} 资格审查有不符合项，不能任命：${fails.map((f) => `${f.label}（${f.reason}）`).join('；')}。请先核实并更正档案。`);
    }
    const pub = [...cand.steps].reverse().find((x) => x.stage === '公示');
    if (pub?.publicityEnd && input.date <= pub.publicityEnd) warnings.push(`任命日期 ${input.date} 未晚于公示结束日期 ${pub.publicityEnd}`);
  }
  if (input.stage !== '未通过' && input.stage !== '任命') {
    for (const f of ev.verdicts.filter((v) => v.result === 'fail')) warnings.push(`资格审查“${f.label}”不符合：${f.reason}`);
  }
  // Evaluated before the save moves the appointee into the target village, as the day stood.
  const others =
    input.stage === '任命'
      ? doc.crossCandidates
          .filter((c) => !c.deletedAt && c.pilotId === pilot.id && c.id !== cand.id && isOpen(c))
          .map((c) => ({ cand: c, step: filledElsewhereStep(doc, pilot, c, { cadreName: cadre.name, date: input.date }, s.operator) }))
      : [];
  const closed: string[] = [];
  const step: CrossStep = {
    ...input,
    operator: s.operator,
    recordedAt: nowIso(),
    warnings,
    eligibility: { ruleVersion: ev.ruleVersion, evaluatedAt: nowIso(), inputs: ev.inputs, verdicts: ev.verdicts, overall: ev.overall },
  };
  await s.mutate((d, audit) => {
    appendStep(audit, cand, step, `跨村任职 ${pilotLabel(d, pilot)}：${cadre.name} ${input.stage}${input.stage === '未通过' ? `（${input.reason}）` : ''}`, {
      stage: input.stage, date: input.date, notes: input.notes, warnings, overall: ev.overall, ruleVersion: ev.ruleVersion,
    });
    if (input.stage === '任命') {
      const villageName = d.villages.find((v) => v.id === pilot.villageId)?.name ?? '';
      const before = structuredClone({ villageId: cadre.villageId, villagePost: cadre.villagePost, postSince: cadre.postSince, currentPosition: cadre.currentPosition, resume: cadre.resume });
      Object.assign(cadre, appointmentChanges(cadre, d, pilot, input.date), { updatedAt: step.recordedAt });
      audit({
        action: 'cadres.update',
        entity: 'cadres',
        recordId: cadre.id,
        summary: `跨村任职任命：${cadre.name} 任 ${townName(d.villages.find((v) => v.id === pilot.villageId)?.townCode)}${villageName}${pilot.post}`,
        before: changedFields(before, cadre),
        after: changedFields({ villageId: cadre.villageId, villagePost: cadre.villagePost, postSince: cadre.postSince, currentPosition: cadre.currentPosition, resume: cadre.resume }, before),
      });
      recordCrossAppointment(d, cadre, before, { villageId: pilot.villageId, post: pilot.post }, input.date, { id: newId(), at: step.recordedAt, audit });
      pilot.filled = { candidateId: cand.id, cadreId: cadre.id, cadreName: cadre.name, date: input.date };
      pilot.updatedAt = step.recordedAt;
      audit({ action: 'crossPilots.update', entity: 'crossPilots', recordId: pilot.id, summary: `跨村任职试点已任命：${pilotLabel(d, pilot)} — ${cadre.name}`, after: { filled: pilot.filled } });
      for (const o of others) closed.push(closeAsFilledElsewhere(d, audit, pilot, o.cand, o.step));
    }
  });
  return { candidate: candidateView(s.doc, pilot, cand), warnings, closed };
}

/**
 * Back on the list from the 回收站. On a pilot filled meanwhile, an open candidate returns closed
 * as 未通过 in the same save, so the pilot never shows an open candidate after 任命.
 */
async function restoreCandidate(s: Session, id: string): Promise<StepResult> {
  const doc = s.doc;
  const cand = findRecord(doc.crossCandidates, id, CANDIDATE);
  if (!cand.deletedAt) throw new AppError('CONFLICT', '该人选不在回收站中，无需恢复');
  const pilot = livePilot(doc, cand.pilotId);
  const cadre = liveCadre(doc, cand.cadreId);
  if (doc.crossCandidates.some((c) => !c.deletedAt && c.id !== id && c.pilotId === pilot.id && c.cadreId === cand.cadreId)) {
    throw new AppError('CONFLICT', `${cadre.name} 已重新列入本试点的人选名单，不能再恢复这条记录`);
  }
  const closing = pilot.filled && isOpen(cand) ? filledElsewhereStep(doc, pilot, cand, pilot.filled, s.operator) : null;
  const warnings = closing ? [`${pilotLabel(doc, pilot)} 已于 ${pilot.filled!.date} 任命 ${pilot.filled!.cadreName}，${cadre.name} 恢复后按“未通过”结束（${FILLED_ELSEWHERE}）`] : [];
  const closed: string[] = [];
  await s.mutate((d, audit) => {
    delete cand.deletedAt;
    cand.updatedAt = nowIso();
    audit({ action: 'crossCandidates.restore', entity: 'crossCandidates', recordId: cand.id, summary: `从回收站恢复：${CANDIDATE} ${pilotLabel(d, pilot)} — ${cadre.name}` });
    if (closing) closed.push(closeAsFilledElsewhere(d, audit, pilot, cand, closing));
  });
  return { candidate: candidateView(s.doc, pilot, cand), warnings, closed };
}

export const crossPostingHandlers: HandlersFor<typeof crossPostingContract> = {
  'cross.overview': ({ deleted }, app) => {
    const doc = app.requireSession().doc;
    return doc.crossPilots.filter((p) => !!p.deletedAt === deleted).map((p) => overviewRow(doc, p)).sort((a, b) => a.townCode.localeCompare(b.townCode) || a.villageName.localeCompare(b.villageName, 'zh-CN'));
  },

  'cross.pilotGet': ({ id }, app) => {
    const doc = app.requireSession().doc;
    const pilot = findRecord(doc.crossPilots, id, PILOT);
    const v = doc.villages.find((x) => x.id === pilot.villageId);
    const candidates = doc.crossCandidates.filter((c) => !c.deletedAt && c.pilotId === id).map((c) => candidateView(doc, pilot, c));
    const removed = doc.crossCandidates
      .filter((c) => c.deletedAt && c.pilotId === id)
      .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''))
      .map((c) => candidateView(doc, pilot, c));
    return {
      pilot,
      villageName: v?.name ?? '（村居已删除）',
      townCode: v?.townCode ?? '',
      referenceDate: referenceDateOf(pilot),
      thresholds: effectiveThresholds(doc.settings.eligibility, pilot.thresholds),
      ruleVersion: RULE_VERSION,
      candidates,
      removed,
    };
  },

  'cross.pilotCreate': ({ data }, app) => createPilot(app.requireSession(), data),

  'cross.pilotUpdate': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.crossPilots, id, PILOT);
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, filled, ...base } = current;
    const fields = validatePilot(s.doc, { ...base, ...data });
    if (filled && (fields.villageId !== current.villageId || fields.post !== current.post)) {
      throw new AppError('CONFLICT', '该试点已任命，不能再更改目标村或职务');
    }
    if (current.deletedAt) throw new AppError('CONFLICT', `该${PILOT}在回收站中，请先恢复再修改`);
    return s.mutate((doc, audit) => {
      const before = { ...current };
      Object.assign(current, fields, { updatedAt: nowIso() });
      audit({ action: 'crossPilots.update', entity: 'crossPilots', recordId: id, summary: `修改跨村任职试点：${pilotLabel(doc, current)}`, before: changedFields(before, current), after: changedFields(current, before) });
      flagVillage(doc, audit, current.villageId, current.updatedAt);
      return current;
    });
  },

  'cross.pilotDelete': async ({ id }, app) => {
    const s = app.requireSession();
    await setDeleted<CrossPilot>(s, 'crossPilots', id, true, PILOT, (p) => pilotLabel(s.doc, p));
    return { ok: true as const };
  },

  'cross.pilotRestore': ({ id }, app) => {
    const s = app.requireSession();
    return setDeleted<CrossPilot>(s, 'crossPilots', id, false, PILOT, (p) => pilotLabel(s.doc, p));
  },

  'cross.pool': ({ pilotId }, app) => {
    const doc = app.requireSession().doc;
    const pilot = livePilot(doc, pilotId);
    const target = doc.villages.find((v) => v.id === pilot.villageId);
    if (!target) return [];
    const sources = new Set(doc.villages.filter((v) => !v.deletedAt && v.id !== target.id && v.townCode === target.townCode && isStrongVillage(v)).map((v) => v.id));
    const order = { pass: 0, warn: 1, fail: 2 } as const;
    const ctx = pilotContext(doc, pilot);
    return doc.cadres
      .filter((c) => !c.deletedAt && c.villageId && sources.has(c.villageId))
      .map((c) => poolRow(doc, pilot, c, ctx))
      .sort((a, b) => order[a.overall] - order[b.overall] || a.villageName.localeCompare(b.villageName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  },

  'cross.evaluate': ({ pilotId, cadreId }, app) => {
    const doc = app.requireSession().doc;
    return poolRow(doc, livePilot(doc, pilotId), liveCadre(doc, cadreId));
  },

  'cross.candidateAdd': async ({ pilotId, cadreId, origin }, app) => {
    const s = app.requireSession();
    const pilot = livePilot(s.doc, pilotId);
    const cadre = liveCadre(s.doc, cadreId);
    if (pilot.filled) throw new AppError('CONFLICT', `${pilotLabel(s.doc, pilot)} 已任命 ${pilot.filled.cadreName}，不能再添加人选`);
    if (s.doc.crossCandidates.some((c) => !c.deletedAt && c.pilotId === pilotId && c.cadreId === cadreId)) {
      throw new AppError('CONFLICT', `${cadre.name} 已在本试点的人选名单中`);
    }
    const fields = validate(crossCandidateInputSchema, { pilotId, cadreId, origin }, CANDIDATE);
    const at = nowIso();
    const cand: CrossCandidate = { ...fields, id: newId(), createdAt: at, updatedAt: at, steps: [] };
    await s.mutate((doc, audit) => {
      doc.crossCandidates.push(cand);
      audit({ action: 'crossCandidates.create', entity: 'crossCandidates', recordId: cand.id, summary: `列入跨村任职人选：${pilotLabel(doc, pilot)} — ${cadre.name}（${origin}）`, after: { pilotId, cadreId, origin } });
    });
    return candidateView(s.doc, pilot, cand);
  },

  'cross.candidateRemove': async ({ id }, app) => {
    const s = app.requireSession();
    const cand = findRecord(s.doc.crossCandidates, id, CANDIDATE);
    if (cand.deletedAt) throw new AppError('CONFLICT', '该人选已移出名单');
    if (currentStage(cand) === '任命') throw new AppError('CONFLICT', '已任命的人选不能移出名单');
    const name = s.doc.cadres.find((c) => c.id === cand.cadreId)?.name ?? '';
    await setDeleted<CrossCandidate>(s, 'crossCandidates', id, true, CANDIDATE, () => name);
    return { ok: true as const };
  },

  'cross.candidateRestore': ({ id }, app) => restoreCandidate(app.requireSession(), id),

  'cross.step': ({ candidateId, step }, app) => recordStep(app.requireSession(), candidateId, step),

  'cross.compare': ({ pilotId, cadreIds }, app) => {
    const doc = app.requireSession().doc;
    const pilot = livePilot(doc, pilotId);
    return cadreIds.map((cid) => {
      const cand = doc.crossCandidates.find((c) => !c.deletedAt && c.pilotId === pilotId && c.cadreId === cid);
      return columnOf(doc, pilot, findRecord(doc.cadres, cid, '干部档案'), cand);
    });
  },

  'cross.comparisonPdf': async ({ pilotId, cadreIds }, app) => {
    const s = app.requireSession();
    const { html, fileName } = comparisonDocument(s.doc, livePilot(s.doc, pilotId), cadreIds, { operator: s.operator });
    const pdf = await app.platform.pdfEngine.htmlToPdf(html, { landscape: true, footer: 'pageOfTotal' });
    return { fileName, base64: pdf.toString('base64') };
  },

  'cross.rules': () => ({ version: RULE_VERSION, rules: ELIGIBILITY_RULES.map((r) => ({ id: r.id, label: r.label, thresholds: r.thresholds })) }),
};
