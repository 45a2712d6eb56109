/**
 * The rules of the three development programs (issue 6), as pure functions. Each returns
 * findings the UI shows while the user edits; any `error` refuses the save with its message.
 *
 * Date ranges are closed: a placement ending 2023.06.30 and another starting 2023.06.30 DO
 * overlap, because on that day the cadre would be expected at two hosts. A month-only date
 * ("2023.04") starts on the 1st and ends on the last day of that month.
 */
import { isStrongVillage, type Village } from '../domain/village.js';
import { townName } from '../domain/towns.js';
import type { Activity, ActivityInput, MentorPair, ShadowBatch, ShadowHost, ShadowPlacement, VillagePair, Expert } from '../domain/programs.js';
import { ageAt, dateKey } from './dates.js';

export interface Finding {
  level: 'error' | 'warning';
  code: string;
  /** Chinese, naming the people, places and dates involved. */
  message: string;
  /** The form field it belongs to, when there is one. */
  field?: string;
}

export const hasErrors = (fs: Finding[]) => fs.some((f) => f.level === 'error');

// ───────────────────────────── dates ─────────────────────────────

/** Comparable key of the first day a date covers. */
export const startKey = (d: string): number => dateKey(d);
/** Comparable key of the last day a date covers ("2023.04" → as if 2023.04.31; only compared, never shown). */
export function endKey(d: string): number {
  if (!d) return 99999999;
  const [y, m, day] = d.split('.').map(Number);
  return y * 10000 + (m || 12) * 100 + (day || 31);
}

export interface Period {
  start: string;
  /** '' = open-ended. */
  end: string;
}

/** Closed ranges; touching counts as overlap; an empty range (end before start) overlaps nothing. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const as = startKey(a.start), ae = endKey(a.end), bs = startKey(b.start), be = endKey(b.end);
  if (ae < as || be < bs) return false;
  return as <= be && bs <= ae;
}

const span = (p: Period) => `${p.start}–${p.end || '至今'}`;

// ───────────────────────────── who is who ─────────────────────────────

export interface CadreInfo {
  id: string;
  name: string;
  birth: string;
  villageId?: string;
  tags: readonly string[];
  deletedAt?: string;
}

export type VillageInfo = Pick<Village, 'id' | 'name' | 'townCode' | 'strength' | 'demonstration' | 'weakLax'> & { deletedAt?: string };

export function hostLabel(host: Pick<ShadowHost, 'kind' | 'villageId' | 'townCode' | 'department'>, villages: Map<string, VillageInfo>): string {
  if (host.kind === '村（社区）') return villages.get(host.villageId ?? '')?.name ?? '（已删除的村居）';
  return `${townName(host.townCode)}${host.department}`;
}

const live = <T extends { deletedAt?: string }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt);

// ───────────────────────────── 书记跟班 ─────────────────────────────

export interface ShadowContext {
  batches: readonly ShadowBatch[];
  placements: readonly ShadowPlacement[];
  cadres: Map<string, CadreInfo>;
  villages: Map<string, VillageInfo>;
  youthAgeLimit: number;
}

export type PlacementDraft = Pick<ShadowPlacement, 'batchId' | 'hostKey' | 'cadreId' | 'start' | 'end' | 'status'> & { id?: string };
export type BatchDraft = Pick<ShadowBatch, 'name' | 'year' | 'start' | 'end' | 'youth' | 'hosts' | 'cancelled'> & { id?: string };

/** Does the placement occupy its host's place? A 中止 one frees the place. */
const occupiesPlace = (p: Pick<ShadowPlacement, 'status'>) => p.status !== '中止';

function placementWhere(p: ShadowPlacement, ctx: ShadowContext): string {
  const b = ctx.batches.find((x) => x.id === p.batchId);
  const h = b?.hosts.find((x) => x.key === p.hostKey);
  return `“${b?.name ?? '（未知期次）'}”${h ? `（${hostLabel(h, ctx.villages)}）` : ''}`;
}

/** Other live placements of the cadre whose dates overlap the period. */
function overlappingPlacements(cadreId: string, period: Period, ctx: ShadowContext, exceptId?: string): ShadowPlacement[] {
  return live(ctx.placements).filter((p) => p.id !== exceptId && p.cadreId === cadreId && periodsOverlap(p, period));
}

/** Hosts of live, not cancelled batches overlapping the period where the cadre is the mentor. */
function mentorships(cadreId: string, period: Period, ctx: ShadowContext, exceptBatchId?: string): { batch: ShadowBatch; host: ShadowHost }[] {
  const out: { batch: ShadowBatch; host: ShadowHost }[] = [];
  for (const b of live(ctx.batches)) {
    if (b.id === exceptBatchId || b.cancelled || !periodsOverlap(b, period)) continue;
    for (const h of b.hosts) if (h.mentorCadreId === cadreId) out.push({ batch: b, host: h });
  }
  return out;
}

export function checkPlacement(p: PlacementDraft, batch: BatchDraft & { id: string }, ctx: ShadowContext): Finding[] {
  const f: Finding[] = [];
  const cadre = ctx.cadres.get(p.cadreId);
  if (!cadre || cadre.deletedAt) {
    f.push({ level: 'error', code: 'cadre-missing', field: 'cadreId', message: '所选干部不在档案中（可能已移入回收站）' });
    return f;
  }
  const who = cadre.name;
  if (batch.cancelled) f.push({ level: 'error', code: 'batch-cancelled', message: `“${batch.name}”已于 ${batch.cancelled.date} 取消，不能再安排跟班` });
  const host = batch.hosts.find((h) => h.key === p.hostKey);
  if (!host) f.push({ level: 'error', code: 'host-missing', field: 'hostKey', message: `“${batch.name}”中没有所选的跟班单位` });

  if (startKey(p.start) > endKey(p.end)) {
    f.push({ level: 'error', code: 'dates-reversed', field: 'end', message: `${who} 的跟班结束日期 ${p.end} 早于开始日期 ${p.start}` });
    return f;
  }
  if (startKey(p.start) < startKey(batch.start) || endKey(p.end) > endKey(batch.end)) {
    f.push({ level: 'warning', code: 'outside-batch', field: 'start', message: `${who} 的跟班时间 ${span(p)} 超出“${batch.name}”的期限 ${span(batch)}` });
  }

  for (const o of overlappingPlacements(p.cadreId, p, ctx, p.id)) {
    f.push({
      level: 'error',
      code: 'cadre-overlap',
      field: 'cadreId',
      message: `${who} 已在${placementWhere(o, ctx)}跟班（${span(o)}），与本次 ${span(p)} 时间重叠；同一时间只能在一处跟班（首尾同一天也算重叠）`,
    });
  }

  if (host) {
    const where = hostLabel(host, ctx.villages);
    if (host.kind === '村（社区）' && host.villageId && host.villageId === cadre.villageId) {
      f.push({ level: 'error', code: 'own-village', field: 'hostKey', message: `${where} 是 ${who} 本人所在的村（社区），跟班应到其他村（社区）或部门` });
    }
    if (occupiesPlace(p)) {
      const taken = live(ctx.placements).filter((x) => x.id !== p.id && x.batchId === batch.id && x.hostKey === host.key && occupiesPlace(x));
      if (taken.length + 1 > host.capacity) {
        const names = taken.map((x) => ctx.cadres.get(x.cadreId)?.name ?? '？').join('、');
        f.push({ level: 'error', code: 'capacity', field: 'hostKey', message: `${where} 本期容量 ${host.capacity} 人，已安排 ${taken.length} 人（${names}），不能再安排 ${who}` });
      }
    }
    if (host.mentorCadreId === p.cadreId) {
      f.push({ level: 'error', code: 'mentor-is-cadre', field: 'cadreId', message: `${who} 是${where}的导师，不能同时在该单位跟班` });
    } else if (host.mentorCadreId) {
      const mentor = ctx.cadres.get(host.mentorCadreId);
      for (const o of overlappingPlacements(host.mentorCadreId, p, ctx, p.id)) {
        f.push({ level: 'error', code: 'mentor-placed', field: 'hostKey', message: `${where}的导师 ${mentor?.name ?? ''} 同期在${placementWhere(o, ctx)}跟班（${span(o)}），不能同时带教` });
      }
    }
  }
  for (const m of mentorships(p.cadreId, p, ctx)) {
    if (m.batch.id === batch.id && m.host.key === p.hostKey) continue; // reported above
    f.push({ level: 'error', code: 'cadre-is-mentor', field: 'cadreId', message: `${who} 同期担任“${m.batch.name}”${hostLabel(m.host, ctx.villages)}的导师（${span(m.batch)}），不能同时跟班` });
  }

  const age = ageAt(cadre.birth, p.start);
  const youthTagged = cadre.tags.includes('青年');
  if ((batch.youth || youthTagged) && age > ctx.youthAgeLimit) {
    const why = batch.youth ? `“${batch.name}”为青年干部期次` : `${who} 标为青年干部`;
    f.push({ level: 'warning', code: 'youth-age', field: 'cadreId', message: `${why}，但 ${who} 跟班开始时 ${age} 岁，超过青年年龄上限 ${ctx.youthAgeLimit} 岁` });
  }
  return f;
}

export function checkBatch(b: BatchDraft, ctx: ShadowContext): Finding[] {
  const f: Finding[] = [];
  if (startKey(b.start) > endKey(b.end)) {
    f.push({ level: 'error', code: 'dates-reversed', field: 'end', message: `“${b.name}”结束日期 ${b.end} 早于开始日期 ${b.start}` });
  }
  if (b.year !== Number(b.start.slice(0, 4))) {
    f.push({ level: 'warning', code: 'year-mismatch', field: 'year', message: `“${b.name}”年度填的是 ${b.year} 年，但开始日期是 ${b.start}` });
  }
  const seen = new Map<string, string>();
  const mine = b.id ? live(ctx.placements).filter((p) => p.batchId === b.id) : [];
  for (const h of b.hosts) {
    const where = hostLabel(h, ctx.villages);
    const identity = h.kind === '村（社区）' ? `v:${h.villageId}` : `d:${h.townCode}:${h.department.trim()}`;
    if (seen.has(identity)) f.push({ level: 'error', code: 'host-duplicate', field: 'hosts', message: `跟班单位“${where}”重复列出` });
    seen.set(identity, h.key);
    if (h.kind === '村（社区）') {
      const v = ctx.villages.get(h.villageId ?? '');
      if (!v || v.deletedAt) f.push({ level: 'error', code: 'host-village-missing', field: 'hosts', message: '跟班村（社区）不在村居信息中（可能已移入回收站）' });
      else if (!isStrongVillage(v)) f.push({ level: 'warning', code: 'host-not-strong', field: 'hosts', message: `${v.name} 既不是强村也不是示范村${v.weakLax?.status === '整顿中' ? '（软弱涣散整顿中）' : ''}，不宜作为跟班村` });
    }
    const taken = mine.filter((p) => p.hostKey === h.key && occupiesPlace(p));
    if (taken.length > h.capacity) {
      f.push({ level: 'error', code: 'capacity', field: 'hosts', message: `${where} 容量 ${h.capacity} 人，少于已安排的 ${taken.length} 人` });
    }
    if (h.mentorCadreId) {
      const mentor = ctx.cadres.get(h.mentorCadreId);
      for (const o of overlappingPlacements(h.mentorCadreId, b, ctx)) {
        f.push({ level: 'error', code: 'mentor-placed', field: 'hosts', message: `${where}的导师 ${mentor?.name ?? ''} 同期在${placementWhere(o, ctx)}跟班（${span(o)}），不能同时带教` });
      }
    } else if (!h.mentorName.trim()) {
      f.push({ level: 'warning', code: 'mentor-missing', field: 'hosts', message: `${where} 还没有指定导师` });
    }
  }
  const keys = new Set(b.hosts.map((h) => h.key));
  const orphaned = mine.filter((p) => !keys.has(p.hostKey));
  if (orphaned.length) {
    const names = orphaned.map((p) => ctx.cadres.get(p.cadreId)?.name ?? '？').join('、');
    f.push({ level: 'error', code: 'host-in-use', field: 'hosts', message: `被删除的跟班单位已安排 ${names}，请先调整这些跟班安排` });
  }
  const outside = mine.filter((p) => p.status !== '中止' && (startKey(p.start) < startKey(b.start) || endKey(p.end) > endKey(b.end)));
  if (outside.length) {
    f.push({ level: 'warning', code: 'outside-batch', field: 'start', message: `${outside.map((p) => ctx.cadres.get(p.cadreId)?.name ?? '？').join('、')} 的跟班时间超出本期 ${span(b)}` });
  }
  return f;
}

// ───────────────────────────── 智库结对 ─────────────────────────────

export interface MentoringContext {
  experts: Map<string, Pick<Expert, 'id' | 'name' | 'joined' | 'left' | 'deletedAt'>>;
  pairs: readonly MentorPair[];
  cadres: Map<string, CadreInfo>;
  villages: Map<string, VillageInfo>;
  expertLoadLimit: number;
}

export type MentorPairDraft = Pick<MentorPair, 'kind' | 'expertIds' | 'targetKind' | 'cadreId' | 'villageId' | 'start' | 'end' | 'status'> & { id?: string };

export function pairTargetName(p: Pick<MentorPair, 'targetKind' | 'cadreId' | 'villageId'>, cadres: Map<string, CadreInfo>, villages: Map<string, VillageInfo>): string {
  if (p.targetKind === '干部') return cadres.get(p.cadreId ?? '')?.name ?? '（未知干部）';
  return `${villages.get(p.villageId ?? '')?.name ?? '（未知村居）'}班子`;
}

const sameTarget = (a: MentorPairDraft, b: MentorPairDraft) =>
  a.targetKind === b.targetKind && (a.targetKind === '干部' ? a.cadreId === b.cadreId : a.villageId === b.villageId);

export function checkMentorPair(p: MentorPairDraft, ctx: MentoringContext): Finding[] {
  const f: Finding[] = [];
  const expertName = (id: string) => ctx.experts.get(id)?.name ?? '（未知专家）';

  const counted = new Map<string, number>();
  for (const id of p.expertIds) counted.set(id, (counted.get(id) ?? 0) + 1);
  for (const [id, n] of counted) {
    if (n > 1) f.push({ level: 'error', code: 'expert-twice', field: 'expertIds', message: `专家 ${expertName(id)} 在本结对中重复出现 ${n} 次，每位专家只能列一次` });
  }
  if (p.kind === '一对一') {
    if (p.expertIds.length !== 1) f.push({ level: 'error', code: 'kind-experts', field: 'expertIds', message: `“一对一”结对只能有一位专家，现有 ${p.expertIds.length} 位` });
    if (p.targetKind !== '干部') f.push({ level: 'error', code: 'kind-target', field: 'targetKind', message: '“一对一”结对的对象应是一名干部；结对村班子请选“多对一”' });
  } else if (counted.size < 2) {
    f.push({ level: 'error', code: 'kind-experts', field: 'expertIds', message: `“多对一”结对至少需要两位不同的专家，现有 ${counted.size} 位` });
  }

  if (p.targetKind === '干部') {
    const c = ctx.cadres.get(p.cadreId ?? '');
    if (!c || c.deletedAt) f.push({ level: 'error', code: 'target-missing', field: 'cadreId', message: '请选择结对的干部（所选干部不在档案中）' });
  } else {
    const v = ctx.villages.get(p.villageId ?? '');
    if (!v || v.deletedAt) f.push({ level: 'error', code: 'target-missing', field: 'villageId', message: '请选择结对的村（社区）班子' });
  }

  if (p.end && startKey(p.start) > endKey(p.end)) {
    f.push({ level: 'error', code: 'dates-reversed', field: 'end', message: `结对结束时间 ${p.end} 早于开始时间 ${p.start}` });
  }

  const target = pairTargetName(p, ctx.cadres, ctx.villages);
  const active = p.status === '进行中';
  for (const id of counted.keys()) {
    const e = ctx.experts.get(id);
    if (!e || e.deletedAt) {
      f.push({ level: 'error', code: 'expert-missing', field: 'expertIds', message: `${e ? `专家 ${e.name} 已移入回收站` : '所选专家不在智库名单中'}` });
      continue;
    }
    if (startKey(p.start) < startKey(e.joined)) {
      f.push({ level: 'error', code: 'tenure', field: 'start', message: `结对开始 ${p.start} 早于 ${e.name} 加入智库的时间 ${e.joined}` });
    }
    if (e.left && endKey(p.end) > endKey(e.left)) {
      f.push({ level: 'error', code: 'tenure', field: 'end', message: `${e.name} 在智库任期至 ${e.left}，结对${p.end ? `结束时间 ${p.end}` : '未定结束时间'}超出其任期` });
    }
    if (active) {
      const load = live(ctx.pairs).filter((x) => x.id !== p.id && x.status === '进行中' && x.expertIds.includes(id));
      if (load.length + 1 > ctx.expertLoadLimit) {
        f.push({ level: 'warning', code: 'expert-load', field: 'expertIds', message: `${e.name} 已有 ${load.length} 个进行中的结对，再结对将超过每人 ${ctx.expertLoadLimit} 个的上限` });
      }
      for (const dup of live(ctx.pairs)) {
        if (dup.id === p.id || dup.status !== '进行中' || !dup.expertIds.includes(id) || !sameTarget(dup, p)) continue;
        f.push({ level: 'error', code: 'pair-duplicate', field: 'expertIds', message: `${e.name} 与 ${target} 已有进行中的结对（${dup.start} 起），不能重复结对` });
      }
    }
  }
  return f;
}

// ───────────────────────────── 村居结对 ─────────────────────────────

export type VillagePairDraft = Pick<VillagePair, 'helpedVillageId' | 'partnerKind' | 'partnerVillageId' | 'partnerName' | 'year' | 'status'> & { id?: string };

export function partnerLabel(p: Pick<VillagePair, 'partnerKind' | 'partnerVillageId' | 'partnerName'>, villages: Map<string, VillageInfo>): string {
  return p.partnerKind === '村（社区）' ? villages.get(p.partnerVillageId ?? '')?.name ?? '（未知村居）' : p.partnerName;
}

export function checkVillagePair(p: VillagePairDraft, ctx: { pairs: readonly VillagePair[]; villages: Map<string, VillageInfo> }): Finding[] {
  const f: Finding[] = [];
  const helped = ctx.villages.get(p.helpedVillageId);
  if (!helped || helped.deletedAt) {
    f.push({ level: 'error', code: 'helped-missing', field: 'helpedVillageId', message: '请选择需要帮扶的村（社区）' });
    return f;
  }
  if (p.partnerKind === '村（社区）') {
    const partner = ctx.villages.get(p.partnerVillageId ?? '');
    if (!partner || partner.deletedAt) f.push({ level: 'error', code: 'partner-missing', field: 'partnerVillageId', message: '请选择结对的帮扶村（社区）' });
    else if (partner.id === helped.id) f.push({ level: 'error', code: 'partner-same', field: 'partnerVillageId', message: `${helped.name} 不能与自己结对，帮扶方应是另一个村（社区）` });
  } else if (!p.partnerName.trim()) {
    f.push({ level: 'error', code: 'partner-missing', field: 'partnerName', message: `请填写结对的${p.partnerKind}名称` });
  }
  if (p.status === '进行中') {
    for (const o of live(ctx.pairs)) {
      if (o.id === p.id || o.status !== '进行中' || o.helpedVillageId !== p.helpedVillageId) continue;
      f.push({ level: 'warning', code: 'helped-twice', field: 'helpedVillageId', message: `${helped.name} 已在 ${o.year} 年与 ${partnerLabel(o, ctx.villages)} 结对（进行中），一个村（社区）一般只在一个结对中作为被帮扶方` });
    }
  }
  return f;
}

// ───────────────────────────── activities ─────────────────────────────

/** An activity outside its pair's period is kept but flagged, as it is usually a typing slip. */
export function checkActivity(a: Pick<ActivityInput, 'date'>, period: Period, what: string): Finding[] {
  if (startKey(a.date) < startKey(period.start) || (period.end && startKey(a.date) > endKey(period.end))) {
    return [{ level: 'warning', code: 'activity-outside', field: 'date', message: `活动日期 ${a.date} 不在${what}期限 ${span(period)} 内` }];
  }
  return [];
}

/** Per-year totals of pairs started, activities held and their hours. */
export function yearlySummary(pairs: readonly (Pick<MentorPair, 'start' | 'deletedAt'> & { activities: readonly Activity[] })[]): { year: number; pairs: number; activities: number; hours: number }[] {
  const rows = new Map<number, { year: number; pairs: number; activities: number; hours: number }>();
  const row = (y: number) => {
    let r = rows.get(y);
    if (!r) rows.set(y, (r = { year: y, pairs: 0, activities: 0, hours: 0 }));
    return r;
  };
  for (const p of live(pairs)) {
    row(Number(p.start.slice(0, 4))).pairs++;
    for (const a of p.activities) {
      const r = row(Number(a.date.slice(0, 4)));
      r.activities++;
      r.hours = Math.round((r.hours + a.hours) * 10) / 10;
    }
  }
  return [...rows.values()].sort((a, b) => a.year - b.year);
}
