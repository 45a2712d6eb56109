/** 智库结对: experts of the think tank, their pairs with cadres or village 班子, and activity logs. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import type { programsContract } from '../../shared/contract/programs.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { activityInputSchema, expertInputSchema, mentorPairInputSchema, type Activity, type Expert, type MentorPair } from '../../shared/domain/programs.js';
import { checkActivity, checkMentorPair, endKey, pairTargetName, yearlySummary, type Finding } from '../../shared/rules/programs.js';
import { nowIso, type Session } from '../store/session.js';
import { assertLive, changeActivities, editedActivity, mustDraft, editable, mentoringContext, mentorPairRowsFor, parseDraft, parseOrThrow, refuseOnErrors } from './programsCommon.js';
import { createRecord, findRecord, setDeleted, updateRecord } from './records.js';
import type { HandlersFor } from './types.js';

type MentoringMethods = Pick<typeof programsContract, Extract<keyof typeof programsContract, `mentoring.${string}`>>;

const EXPERT = '智库专家';
const PAIR = '智库结对';

export function mentorPairLabel(p: MentorPair, doc: VaultDocument): string {
  const ctx = mentoringContext(doc);
  return `${p.expertIds.map((id) => ctx.experts.get(id)?.name ?? '？').join('、')}—${pairTargetName(p, ctx.cadres, ctx.villages)}`;
}

function pairDraft(s: Session, id: string | undefined, data: Record<string, unknown>) {
  const current = id ? findRecord(s.doc.mentorPairs, id, PAIR) : undefined;
  const merged: Record<string, unknown> = { ...(current ? editable(current) : {}), ...data };
  // Status, closing and the activity log have their own methods; an edit keeps them.
  merged.status = current?.status ?? '进行中';
  merged.closed = current?.closed ?? null;
  merged.activities = current?.activities ?? [];
  if (merged.targetKind === '村班子') delete merged.cadreId;
  else delete merged.villageId;
  return parseDraft(mentorPairInputSchema, merged);
}

function pairFindings(s: Session, id: string | undefined, data: Record<string, unknown>): Finding[] {
  const d = pairDraft(s, id, data);
  return d.ok ? checkMentorPair({ ...d.value, id }, mentoringContext(s.doc)) : d.findings;
}

/** Pairs of this expert that an edit of their tenure would leave outside it. */
function tenureConflicts(doc: VaultDocument, expert: Expert): Finding[] {
  const ctx = mentoringContext(doc);
  ctx.experts.set(expert.id, expert);
  return doc.mentorPairs
    .filter((p) => !p.deletedAt && p.status === '进行中' && p.expertIds.includes(expert.id))
    .flatMap((p) => checkMentorPair(p, ctx).filter((f) => f.code === 'tenure').map((f) => ({ ...f, message: `与 ${pairTargetName(p, ctx.cadres, ctx.villages)} 的结对：${f.message}` })));
}

export const mentoringHandlers: HandlersFor<MentoringMethods> = {
  'mentoring.expertList': ({ deleted }, app) => {
    const doc = app.requireSession().doc;
    return doc.experts
      .filter((e) => !!e.deletedAt === deleted)
      .map((e) => ({ ...e, activePairs: doc.mentorPairs.filter((p) => !p.deletedAt && p.status === '进行中' && p.expertIds.includes(e.id)).length }));
  },

  'mentoring.expertCreate': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = parseOrThrow(expertInputSchema, { ...data, left: '', leftReason: '' }, EXPERT);
    return createRecord<Expert>(s, 'experts', fields, (e) => `新增智库专家：${e.name}${e.unit ? `（${e.unit}）` : ''}`);
  },

  'mentoring.expertUpdate': async ({ id, data }, app) => {
    const s = app.requireSession();
    const current = findRecord(s.doc.experts, id, EXPERT);
    assertLive(current, EXPERT);
    const fields = parseOrThrow(expertInputSchema, { ...editable(current), ...data }, EXPERT);
    refuseOnErrors(tenureConflicts(s.doc, { ...current, ...fields }), EXPERT);
    return updateRecord<Expert>(s, 'experts', id, fields, EXPERT, (e) => `修改智库专家：${e.name}`);
  },

  'mentoring.expertLeave': async ({ id, date, reason }, app) => {
    const s = app.requireSession();
    const e = findRecord(s.doc.experts, id, EXPERT);
    assertLive(e, EXPERT);
    if (e.left) throw new AppError('CONFLICT', `${e.name} 已于 ${e.left} 退出智库`);
    if (endKey(date) < endKey(e.joined)) throw new AppError('INVALID', `退出时间 ${date} 早于 ${e.name} 加入智库的时间 ${e.joined}`, { date: '退出时间早于加入时间' });
    const open = s.doc.mentorPairs.filter((p) => !p.deletedAt && p.status === '进行中' && p.expertIds.includes(id) && (!p.end || endKey(p.end) > endKey(date)));
    if (open.length) {
      const names = open.map((p) => mentorPairLabel(p, s.doc)).join('、');
      throw new AppError('CONFLICT', `${e.name} 还有 ${open.length} 个进行中且超过 ${date} 的结对（${names}），请先结束这些结对或调整其中的专家`);
    }
    return updateRecord<Expert>(s, 'experts', id, { left: date, leftReason: reason }, EXPERT, (x) => `智库专家退出：${x.name}（${date}，${reason}）`);
  },

  'mentoring.expertDelete': async ({ id }, app) => {
    const s = app.requireSession();
    const n = s.doc.mentorPairs.filter((p) => !p.deletedAt && p.status === '进行中' && p.expertIds.includes(id)).length;
    if (n) throw new AppError('CONFLICT', `该专家还有 ${n} 个进行中的结对，请先结束这些结对`);
    await setDeleted<Expert>(s, 'experts', id, true, EXPERT, (e) => e.name);
    return { ok: true as const };
  },

  'mentoring.expertRestore': ({ id }, app) => setDeleted<Expert>(app.requireSession(), 'experts', id, false, EXPERT, (e) => e.name),

  'mentoring.pairList': ({ deleted }, app) => mentorPairRowsFor(app.requireSession().doc, (p) => !!p.deletedAt === deleted),

  'mentoring.pairCheck': ({ id, data }, app) => pairFindings(app.requireSession(), id, data),

  'mentoring.pairCreate': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = mustDraft(pairDraft(s, undefined, data), PAIR).value;
    const findings = refuseOnErrors(checkMentorPair(fields, mentoringContext(s.doc)), PAIR);
    const record = await createRecord<MentorPair>(s, 'mentorPairs', fields, (p) => `新建智库结对（${p.kind}）：${mentorPairLabel(p, s.doc)}`);
    return { record, findings };
  },

  'mentoring.pairUpdate': async ({ id, data }, app) => {
    const s = app.requireSession();
    assertLive(findRecord(s.doc.mentorPairs, id, PAIR), PAIR);
    const fields = mustDraft(pairDraft(s, id, data), PAIR).value;
    const findings = refuseOnErrors(checkMentorPair({ ...fields, id }, mentoringContext(s.doc)), PAIR);
    const record = await updateRecord<MentorPair>(s, 'mentorPairs', id, fields, PAIR, (p) => `修改智库结对：${mentorPairLabel(p, s.doc)}`);
    return { record, findings };
  },

  'mentoring.pairClose': async ({ id, status, date, reason }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.mentorPairs, id, PAIR);
    assertLive(p, PAIR);
    if (p.status !== '进行中') throw new AppError('CONFLICT', `该结对已是“${p.status}”状态`);
    if (endKey(date) < endKey(p.start)) throw new AppError('INVALID', `${status === '已结束' ? '结束' : '取消'}时间 ${date} 早于结对开始时间 ${p.start}`, { date: '早于结对开始时间' });
    const end = status === '已结束' && (!p.end || endKey(p.end) > endKey(date)) ? date : p.end;
    return updateRecord<MentorPair>(s, 'mentorPairs', id, { status, closed: { date, reason }, end }, PAIR, (x) => `智库结对${status}：${mentorPairLabel(x, s.doc)}（${date}，${reason}）`);
  },

  'mentoring.pairDelete': async ({ id }, app) => {
    const s = app.requireSession();
    await setDeleted<MentorPair>(s, 'mentorPairs', id, true, PAIR, (p) => mentorPairLabel(p, s.doc));
    return { ok: true as const };
  },

  'mentoring.pairRestore': async ({ id }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.mentorPairs, id, PAIR);
    if (p.status === '进行中') refuseOnErrors(pairFindings(s, id, {}), PAIR);
    return setDeleted<MentorPair>(s, 'mentorPairs', id, false, PAIR, (x) => mentorPairLabel(x, s.doc));
  },

  'mentoring.activityAdd': async ({ pairId, data }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.mentorPairs, pairId, PAIR);
    assertLive(p, PAIR);
    const input = parseOrThrow(activityInputSchema, data, '结对活动');
    const findings = checkActivity(input, p, '结对');
    const activity: Activity = { ...input, id: randomUUID(), createdAt: nowIso() };
    const record = await changeActivities(s, 'mentorPairs', p, { add: activity }, `记录结对活动：${mentorPairLabel(p, s.doc)} ${activity.date} ${activity.form} ${activity.hours} 小时`);
    return { record, findings };
  },

  'mentoring.activityRemove': async ({ pairId, activityId }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.mentorPairs, pairId, PAIR);
    assertLive(p, PAIR);
    const a = p.activities.find((x) => x.id === activityId);
    if (!a) throw new AppError('NOT_FOUND', '找不到该活动记录');
    return changeActivities(s, 'mentorPairs', p, { remove: a }, `删除结对活动：${mentorPairLabel(p, s.doc)} ${a.date} ${a.form}`);
  },

  'mentoring.activityUpdate': async ({ pairId, activityId, data }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.mentorPairs, pairId, PAIR);
    assertLive(p, PAIR);
    const { before, after } = editedActivity(p, activityId, data);
    const findings = checkActivity(after, p, '结对');
    const record = await changeActivities(s, 'mentorPairs', p, { update: after, before }, `修改结对活动：${mentorPairLabel(p, s.doc)} ${after.date} ${after.form} ${after.hours} 小时`);
    return { record, findings };
  },

  'mentoring.summary': (_i, app) => yearlySummary(app.requireSession().doc.mentorPairs),
};
