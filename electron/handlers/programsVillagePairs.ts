/** 村居结对: a village that needs help paired with a strong village, a department or a company. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/define.js';
import type { programsContract } from '../../shared/contract/programs.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { activityInputSchema, villagePairInputSchema, type Activity, type VillagePair } from '../../shared/domain/programs.js';
import { checkActivity, checkVillagePair, endKey, partnerLabel, type Finding } from '../../shared/rules/programs.js';
import { nowIso, type Session } from '../store/session.js';
import { assertLive, changeActivities, editedActivity, mustDraft, editable, parseDraft, parseOrThrow, refuseOnErrors, villageMap, villagePairRowsFor } from './programsCommon.js';
import { createRecord, findRecord, setDeleted, updateRecord } from './records.js';
import type { HandlersFor } from './types.js';

type VillagePairMethods = Pick<typeof programsContract, Extract<keyof typeof programsContract, `villagePair.${string}`>>;

const PAIR = '村居结对';

function label(p: VillagePair, doc: VaultDocument): string {
  const villages = villageMap(doc);
  return `${partnerLabel(p, villages)}—${villages.get(p.helpedVillageId)?.name ?? '？'}（${p.year}）`;
}

function draft(s: Session, id: string | undefined, data: Record<string, unknown>) {
  const current = id ? findRecord(s.doc.villagePairs, id, PAIR) : undefined;
  const merged: Record<string, unknown> = { ...(current ? editable(current) : {}), ...data };
  merged.status = current?.status ?? '进行中';
  merged.closed = current?.closed ?? null;
  merged.activities = current?.activities ?? [];
  if (merged.partnerKind === '村（社区）') merged.partnerName = '';
  else delete merged.partnerVillageId;
  return parseDraft(villagePairInputSchema, merged);
}

function findings(s: Session, id: string | undefined, data: Record<string, unknown>): Finding[] {
  const d = draft(s, id, data);
  return d.ok ? checkVillagePair({ ...d.value, id }, { pairs: s.doc.villagePairs, villages: villageMap(s.doc) }) : d.findings;
}

/** A pair's period for its activity log: its year, or up to the day it was closed. */
const periodOf = (p: VillagePair) => ({ start: `${p.year}.01`, end: p.closed?.date ?? '' });

export const villagePairHandlers: HandlersFor<VillagePairMethods> = {
  'villagePair.list': ({ deleted }, app) => villagePairRowsFor(app.requireSession().doc, (p) => !!p.deletedAt === deleted),

  'villagePair.check': ({ id, data }, app) => findings(app.requireSession(), id, data),

  'villagePair.create': async ({ data }, app) => {
    const s = app.requireSession();
    const fields = mustDraft(draft(s, undefined, data), PAIR).value;
    const warnings = refuseOnErrors(checkVillagePair(fields, { pairs: s.doc.villagePairs, villages: villageMap(s.doc) }), PAIR);
    const record = await createRecord<VillagePair>(s, 'villagePairs', fields, (p) => `新建村居结对：${label(p, s.doc)}`);
    return { record, findings: warnings };
  },

  'villagePair.update': async ({ id, data }, app) => {
    const s = app.requireSession();
    assertLive(findRecord(s.doc.villagePairs, id, PAIR), PAIR);
    const fields = mustDraft(draft(s, id, data), PAIR).value;
    const warnings = refuseOnErrors(checkVillagePair({ ...fields, id }, { pairs: s.doc.villagePairs, villages: villageMap(s.doc) }), PAIR);
    const record = await updateRecord<VillagePair>(s, 'villagePairs', id, fields, PAIR, (p) => `修改村居结对：${label(p, s.doc)}`);
    return { record, findings: warnings };
  },

  'villagePair.close': async ({ id, status, date, reason }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.villagePairs, id, PAIR);
    assertLive(p, PAIR);
    if (p.status !== '进行中') throw new AppError('CONFLICT', `该结对已是“${p.status}”状态`);
    if (endKey(date) < endKey(`${p.year}.01`)) throw new AppError('INVALID', `${status === '已结束' ? '结束' : '取消'}时间 ${date} 早于结对年度 ${p.year} 年`, { date: '早于结对年度' });
    return updateRecord<VillagePair>(s, 'villagePairs', id, { status, closed: { date, reason } }, PAIR, (x) => `村居结对${status}：${label(x, s.doc)}（${date}，${reason}）`);
  },

  'villagePair.delete': async ({ id }, app) => {
    const s = app.requireSession();
    await setDeleted<VillagePair>(s, 'villagePairs', id, true, PAIR, (p) => label(p, s.doc));
    return { ok: true as const };
  },

  'villagePair.restore': async ({ id }, app) => {
    const s = app.requireSession();
    refuseOnErrors(findings(s, id, {}), PAIR);
    return setDeleted<VillagePair>(s, 'villagePairs', id, false, PAIR, (p) => label(p, s.doc));
  },

  'villagePair.activityAdd': async ({ pairId, data }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.villagePairs, pairId, PAIR);
    assertLive(p, PAIR);
    const input = parseOrThrow(activityInputSchema, data, '结对活动');
    const warnings = checkActivity(input, periodOf(p), '结对');
    const activity: Activity = { ...input, id: randomUUID(), createdAt: nowIso() };
    const record = await changeActivities(s, 'villagePairs', p, { add: activity }, `记录村居结对活动：${label(p, s.doc)} ${activity.date} ${activity.form}`);
    return { record, findings: warnings };
  },

  'villagePair.activityRemove': async ({ pairId, activityId }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.villagePairs, pairId, PAIR);
    assertLive(p, PAIR);
    const a = p.activities.find((x) => x.id === activityId);
    if (!a) throw new AppError('NOT_FOUND', '找不到该活动记录');
    return changeActivities(s, 'villagePairs', p, { remove: a }, `删除村居结对活动：${label(p, s.doc)} ${a.date} ${a.form}`);
  },

  'villagePair.activityUpdate': async ({ pairId, activityId, data }, app) => {
    const s = app.requireSession();
    const p = findRecord(s.doc.villagePairs, pairId, PAIR);
    assertLive(p, PAIR);
    const { before, after } = editedActivity(p, activityId, data);
    const warnings = checkActivity(after, periodOf(p), '结对');
    const record = await changeActivities(s, 'villagePairs', p, { update: after, before }, `修改村居结对活动：${label(p, s.doc)} ${after.date} ${after.form}`);
    return { record, findings: warnings };
  },

  'villagePair.summary': (_i, app) => {
    const doc = app.requireSession().doc;
    const targets = doc.settings.villagePairTargets;
    const years = new Set<number>(Object.keys(targets).map(Number));
    const live = doc.villagePairs.filter((p) => !p.deletedAt);
    for (const p of live) years.add(p.year);
    return [...years]
      .filter((y) => Number.isFinite(y))
      .sort((a, b) => a - b)
      .map((year) => {
        const acts = live.flatMap((p) => p.activities).filter((a) => Number(a.date.slice(0, 4)) === year);
        return {
          year,
          // A cancelled pair was never formed.
          formed: live.filter((p) => p.year === year && p.status !== '已取消').length,
          active: live.filter((p) => p.year === year && p.status === '进行中').length,
          target: targets[String(year)] ?? null,
          activities: acts.length,
          hours: Math.round(acts.reduce((s, a) => s + a.hours, 0) * 10) / 10,
        };
      });
  },

  'villagePair.setTarget': async ({ year, target }, app) => {
    const s = app.requireSession();
    return s.mutate((doc, audit) => {
      const before = doc.settings.villagePairTargets[String(year)];
      const next = { ...doc.settings.villagePairTargets };
      if (target === null) delete next[String(year)];
      else next[String(year)] = target;
      doc.settings = { ...doc.settings, villagePairTargets: next };
      audit({ action: 'settings.update', entity: 'settings', recordId: '', summary: `村居结对 ${year} 年目标：${before ?? '未设'} → ${target ?? '未设'}`, before: { [year]: before }, after: { [year]: target } });
      return next;
    });
  },
};
