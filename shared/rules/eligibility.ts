/**
 * 跨村任职 eligibility. The rules are data: a versioned list of definitions, each naming the
 * thresholds it reads. `gatherInputs` copies out of the vault exactly the facts the rules read,
 * and `evaluateEligibility` is a pure function of those facts, so a stored snapshot
 * (version + inputs + verdicts) reproduces the same verdicts later.
 */
import type { Cadre } from '../domain/cadre.js';
import { currentStage, type CrossPilot, type ThresholdOverrides, type Verdict, type VerdictResult } from '../domain/crossPosting.js';
import type { VaultDocument } from '../domain/document.js';
import type { CandidateFacts, Commitment, CommitteeMember, EligibilityInputs, EligibilityThresholds, KinEntry, VillageFacts } from '../domain/eligibilityInputs.js';
import { townName } from '../domain/towns.js';
import { isStrongVillage, type Village } from '../domain/village.js';
import { ageAt, rangesOverlap, yearsBetween } from './dates.js';
import { educationRank, highestEducation } from './education.js';

/** Bump whenever a rule's logic or wording changes, so stored decisions say which rules judged them. */
export const RULE_VERSION = '2026.11-1';

/** 两委 posts: the members a candidate must not be related to. */
export const COMMITTEE_POSTS = ['党组织书记', '党组织副书记', '党组织委员', '村委会主任', '村委会副主任', '村委会委员', '书记、主任一肩挑'] as const;

export interface RuleDefinition {
  id: string;
  label: string;
  /** Which thresholds the rule reads (shown in 设置 and on the pilot page). */
  thresholds: (keyof EligibilityThresholds)[];
  check: (i: EligibilityInputs) => { result: VerdictResult; reason: string };
}

// ---------- helpers ----------

export function effectiveThresholds(defaults: EligibilityThresholds, overrides: ThresholdOverrides | undefined): EligibilityThresholds {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** 公示 length; counted with the holiday calendar in workCalendar.ts. */
export const MIN_PUBLICITY_WORKDAYS = 5;

const villageLabel = (v: { name: string; townCode: string }) => `${townName(v.townCode)}${v.name}`;
const openEnd = (end: string) => end || '9999.12.31';
const normId = (s: string) => s.replace(/\s/g, '').toUpperCase();

// ---------- the rules ----------

const sameTown: RuleDefinition = {
  id: 'sameTown',
  label: '同一镇街',
  thresholds: [],
  check: ({ candidate: c, target: t }) => {
    if (!c.village) return { result: 'fail', reason: `${c.name} 未登记所在村（社区），无法确认是否与目标村 ${t.villageName} 同属一个镇街` };
    if (c.village.townCode !== t.townCode) {
      return { result: 'fail', reason: `来源村 ${villageLabel(c.village)} 属${townName(c.village.townCode)}，目标村 ${t.villageName} 属${townName(t.townCode)}，跨村任职限在同一镇街内` };
    }
    return { result: 'pass', reason: `来源村 ${c.village.name} 与目标村 ${t.villageName} 同属${townName(t.townCode)}` };
  },
};

const notOwnVillage: RuleDefinition = {
  id: 'notOwnVillage',
  label: '非目标村本村干部',
  thresholds: [],
  check: ({ candidate: c, target: t }) => {
    if (c.village?.id === t.villageId) return { result: 'fail', reason: `${c.name} 现为目标村 ${t.villageName} 的干部（${c.villagePost || '职务未填'}），不属于跨村任职` };
    const self = t.committee.find((m) => m.cadreId === c.cadreId || (c.idNumber && normId(m.idNumber) === normId(c.idNumber)));
    if (self) return { result: 'fail', reason: `身份证号码 ${c.idNumber} 与目标村 ${t.villageName} ${self.post} ${self.name} 的档案相同，本人已在目标村任职（或档案重复）` };
    return { result: 'pass', reason: `${c.name} 不在目标村 ${t.villageName} 任职` };
  },
};

const strongSource: RuleDefinition = {
  id: 'strongSource',
  label: '来源村为强村或示范村',
  thresholds: [],
  check: ({ candidate: c }) => {
    const v = c.village;
    if (!v) return { result: 'fail', reason: `${c.name} 未登记所在村（社区）` };
    const desc = `班子强弱“${v.strength}”${v.demonstration ? `，${v.demonstration}示范村` : '，非示范村'}${v.weakLax ? `，${v.weakLax.year} 年列为软弱涣散（${v.weakLax.status}）` : ''}`;
    const ok = isStrongVillage({ strength: v.strength as Village['strength'], demonstration: v.demonstration as Village['demonstration'], weakLax: v.weakLax as Village['weakLax'] });
    return ok ? { result: 'pass', reason: `来源村 ${v.name}：${desc}` } : { result: 'fail', reason: `来源村 ${v.name}：${desc}，不是强村或示范村` };
  },
};

const noOverlap: RuleDefinition = {
  id: 'noOverlap',
  label: '任职期间无其他跨村任职或书记跟班',
  thresholds: [],
  check: ({ target: t, commitments }) => {
    const period = { start: t.periodStart, end: t.periodEnd };
    const hits = commitments.filter((x) => rangesOverlap(period, { start: x.start, end: openEnd(x.end) }));
    const describe = (x: Commitment) => `${x.kind}“${x.label}”（${x.start}–${x.end || '至今'}，${x.status}）`;
    const hard = hits.filter((x) => x.kind !== '跨村任职候选');
    if (hard.length) return { result: 'fail', reason: `与本试点任职期间 ${t.periodStart}–${t.periodEnd} 重叠：${hard.map(describe).join('；')}` };
    if (hits.length) return { result: 'warn', reason: `同时是其他试点的人选：${hits.map(describe).join('；')}，如在其他试点任命则本试点不能任命` };
    return { result: 'pass', reason: `${t.periodStart}–${t.periodEnd} 期间无其他跨村任职或书记跟班安排` };
  },
};

const age: RuleDefinition = {
  id: 'age',
  label: '年龄',
  thresholds: ['maxAge'],
  check: ({ candidate: c, referenceDate, thresholds, target: t }) => {
    if (!c.birth) return { result: 'warn', reason: '未登记出生年月' };
    const a = ageAt(c.birth, referenceDate);
    const base = `出生年月 ${c.birth}，至 ${referenceDate} 为 ${a} 岁，上限 ${thresholds.maxAge} 岁`;
    if (a > thresholds.maxAge) return { result: 'fail', reason: `${base}，超龄` };
    const atEnd = ageAt(c.birth, t.periodEnd);
    if (atEnd > thresholds.maxAge) return { result: 'warn', reason: `${base}；任期结束 ${t.periodEnd} 时为 ${atEnd} 岁，将超过上限` };
    return { result: 'pass', reason: base };
  },
};

const party: RuleDefinition = {
  id: 'party',
  label: '政治面貌与党龄',
  thresholds: ['minPartyYears'],
  check: ({ candidate: c, referenceDate, thresholds }) => {
    if (c.politicalStatus === '中共预备党员') return { result: 'fail', reason: `政治面貌“中共预备党员”，尚未转正，要求中共党员且党龄至少 ${thresholds.minPartyYears} 年` };
    if (c.politicalStatus !== '中共党员') return { result: 'fail', reason: `政治面貌“${c.politicalStatus || '未填'}”，要求中共党员` };
    if (!c.partyJoinDate) return { result: 'warn', reason: `中共党员，未登记入党时间，无法核对党龄（要求至少 ${thresholds.minPartyYears} 年）` };
    const y = yearsBetween(c.partyJoinDate, referenceDate);
    const base = `中共党员，${c.partyJoinDate} 入党，至 ${referenceDate} 党龄 ${y} 年，要求至少 ${thresholds.minPartyYears} 年`;
    return y >= thresholds.minPartyYears ? { result: 'pass', reason: base } : { result: 'fail', reason: `${base}，不足` };
  },
};

const education: RuleDefinition = {
  id: 'education',
  label: '学历',
  thresholds: ['minEducation'],
  check: ({ candidate: c, thresholds }) => {
    if (!c.education) return { result: 'warn', reason: `未登记学历，最低要求${thresholds.minEducation}` };
    const base = `最高学历 ${c.education}，最低要求 ${thresholds.minEducation}`;
    return educationRank(c.education) <= educationRank(thresholds.minEducation) ? { result: 'pass', reason: base } : { result: 'fail', reason: `${base}，未达到` };
  },
};

const villageYears: RuleDefinition = {
  id: 'villageYears',
  label: '村（社区）工作年限',
  thresholds: ['minVillageYears'],
  check: ({ candidate: c, referenceDate, thresholds }) => {
    if (!c.villageWorkSince) return { result: 'warn', reason: `未登记开始从事村（社区）工作时间，要求至少 ${thresholds.minVillageYears} 年` };
    const y = yearsBetween(c.villageWorkSince, referenceDate);
    const base = `${c.villageWorkSince} 起从事村（社区）工作，至 ${referenceDate} 满 ${y} 年，要求至少 ${thresholds.minVillageYears} 年`;
    return y >= thresholds.minVillageYears ? { result: 'pass', reason: base } : { result: 'fail', reason: `${base}，不足` };
  },
};

const assessment: RuleDefinition = {
  id: 'assessment',
  label: '近年年度考核',
  thresholds: ['assessmentYears'],
  check: ({ candidate: c, referenceDate, thresholds }) => {
    // The current year's 考核 is done only at year end, so "the last N years" are the N completed ones;
    // a current-year result, when already entered, is read too.
    const refYear = Number(referenceDate.slice(0, 4));
    const years = Array.from({ length: thresholds.assessmentYears }, (_, k) => refYear - 1 - k);
    const inWindow = c.assessments.filter((a) => a.year >= refYear - thresholds.assessmentYears && a.year <= refYear).sort((a, b) => b.year - a.year);
    const seen = inWindow.map((a) => `${a.year} ${a.grade}`).join('、') || '无记录';
    const bad = inWindow.filter((a) => a.grade === '基本称职' || a.grade === '不称职');
    if (bad.length) return { result: 'fail', reason: `近 ${thresholds.assessmentYears} 年考核：${seen}；${bad.map((a) => `${a.year} 年为“${a.grade}”`).join('、')}` };
    const missing = years.filter((y) => !inWindow.some((a) => a.year === y)).sort();
    if (missing.length) return { result: 'warn', reason: `近 ${thresholds.assessmentYears} 年考核：${seen}；缺 ${missing.join('、')} 年的结果` };
    return { result: 'pass', reason: `近 ${thresholds.assessmentYears} 年考核：${seen}` };
  },
};

const negativeList: RuleDefinition = {
  id: 'negativeList',
  label: '十不选',
  thresholds: [],
  check: ({ candidate: c }) => {
    if (!c.negativeFlags.length) return { result: 'pass', reason: '档案中无十不选情形记录' };
    return {
      result: 'fail',
      reason: `档案记有十不选情形：${c.negativeFlags.map((f) => `“${f.kind}”（${f.date}，来源：${f.source}${f.note ? `，${f.note}` : ''}）`).join('；')}`,
    };
  },
};

/** A kin entry points at a person; an ID number decides when both sides have one, else the name does. */
function samePerson(kin: KinEntry, person: { cadreId: string; name: string; idNumber: string }): 'id' | 'link' | 'name' | null {
  if (kin.cadreId && kin.cadreId === person.cadreId) return 'link';
  const a = normId(kin.idNumber);
  const b = normId(person.idNumber);
  if (a && b) return a === b ? 'id' : null;
  return kin.name.trim() && kin.name.trim() === person.name.trim() ? 'name' : null;
}

const basisText = { id: '身份证号码一致', link: '关联档案', name: '按姓名匹配（一方未登记身份证号码，请核实）' } as const;

const avoidance: RuleDefinition = {
  id: 'avoidance',
  label: '回避（亲属关系）',
  thresholds: [],
  check: ({ candidate: c, target: t }) => {
    const self = { cadreId: c.cadreId, name: c.name, idNumber: c.idNumber };
    const found: string[] = [];
    for (const m of t.committee) {
      // The candidate's own file in the target 两委 is notOwnVillage's business, not kinship.
      if (m.cadreId === c.cadreId || (c.idNumber && normId(m.idNumber) === normId(c.idNumber))) continue;
      const member = { cadreId: m.cadreId, name: m.name, idNumber: m.idNumber };
      for (const k of c.kin) {
        if (samePerson(k, self) === 'id' || samePerson(k, self) === 'link') continue; // a data slip listing oneself
        const how = samePerson(k, member);
        if (how) found.push(`${c.name} 的${k.source}中“${k.relation} ${k.name}”即目标村 ${m.post} ${m.name}（${basisText[how]}）`);
      }
      for (const k of m.kin) {
        const how = samePerson(k, self);
        if (how) found.push(`目标村 ${m.post} ${m.name} 的${k.source}中登记“${k.relation} ${k.name}”即本人（${basisText[how]}）`);
      }
    }
    if (found.length) return { result: 'fail', reason: `与目标村 ${t.villageName} 两委成员有亲属关系：${[...new Set(found)].join('；')}` };
    const n = c.kin.length;
    return { result: 'pass', reason: `已核对本人 ${n} 名亲属与目标村 ${t.villageName} ${t.committee.length} 名两委成员，未发现亲属关系` };
  },
};

export const ELIGIBILITY_RULES: readonly RuleDefinition[] = [sameTown, notOwnVillage, strongSource, noOverlap, age, party, education, villageYears, assessment, negativeList, avoidance];

export interface EligibilityResult {
  ruleVersion: string;
  verdicts: Verdict[];
  overall: VerdictResult;
}

export function overallOf(verdicts: Verdict[]): VerdictResult {
  if (verdicts.some((v) => v.result === 'fail')) return 'fail';
  if (verdicts.some((v) => v.result === 'warn')) return 'warn';
  return 'pass';
}

/** Pure: the same inputs always give the same verdicts. */
export function evaluateEligibility(inputs: EligibilityInputs, rules: readonly RuleDefinition[] = ELIGIBILITY_RULES): EligibilityResult {
  const verdicts = rules.map((r) => ({ ruleId: r.id, label: r.label, ...r.check(inputs) }));
  return { ruleVersion: RULE_VERSION, verdicts, overall: overallOf(verdicts) };
}

// ---------- collecting the facts ----------

export function kinOf(c: Pick<Cadre, 'relations' | 'family'>): KinEntry[] {
  return [
    ...c.relations.map((r) => ({ relation: r.kind, name: r.name, idNumber: r.idNumber, cadreId: r.cadreId, source: '关系名单' as const })),
    ...c.family.map((f) => ({ relation: f.relation, name: f.name, idNumber: f.idNumber, source: '家庭成员' as const })),
  ];
}

function villageFacts(v: Village | undefined): VillageFacts | null {
  if (!v) return null;
  return { id: v.id, name: v.name, townCode: v.townCode, strength: v.strength, demonstration: v.demonstration, weakLax: v.weakLax };
}

export function candidateFacts(c: Cadre, villages: Map<string, Village>): CandidateFacts {
  return {
    cadreId: c.id,
    name: c.name,
    idNumber: c.idNumber,
    birth: c.birth,
    politicalStatus: c.politicalStatus,
    partyJoinDate: c.partyJoinDate,
    education: highestEducation(c),
    villageWorkSince: c.villageWorkSince,
    villagePost: c.villagePost ?? '',
    assessments: c.assessments.map((a) => ({ year: a.year, grade: a.grade })),
    negativeFlags: c.negativeFlags.map((f) => ({ kind: f.kind, date: f.date, source: f.source, note: f.note })),
    kin: kinOf(c),
    village: villageFacts(c.villageId ? villages.get(c.villageId) : undefined),
  };
}

export function committeeOf(doc: Pick<VaultDocument, 'cadres'>, villageId: string): CommitteeMember[] {
  return doc.cadres
    .filter((c) => !c.deletedAt && c.villageId === villageId && c.villagePost && (COMMITTEE_POSTS as readonly string[]).includes(c.villagePost))
    .map((c) => ({ cadreId: c.id, name: c.name, idNumber: c.idNumber, post: c.villagePost as string, kin: kinOf(c) }));
}

/** Other postings and placements of this cadre that could clash with the pilot's period. */
export function commitmentsOf(doc: Pick<VaultDocument, 'crossPilots' | 'crossCandidates' | 'shadowPlacements' | 'shadowBatches' | 'villages'>, cadreId: string, pilotId: string): Commitment[] {
  const out: Commitment[] = [];
  const villages = new Map(doc.villages.map((v) => [v.id, v]));
  for (const cand of doc.crossCandidates) {
    if (cand.deletedAt || cand.cadreId !== cadreId || cand.pilotId === pilotId) continue;
    const pilot = doc.crossPilots.find((p) => p.id === cand.pilotId && !p.deletedAt);
    if (!pilot) continue;
    const stage = currentStage(cand);
    if (stage === '未通过') continue;
    const v = villages.get(pilot.villageId);
    out.push({ kind: stage === '任命' ? '跨村任职' : '跨村任职候选', label: `${v?.name ?? '（村居已删除）'} ${pilot.post}`, start: pilot.periodStart, end: pilot.periodEnd, status: stage || '候选' });
  }
  const batches = new Map(doc.shadowBatches.map((b) => [b.id, b]));
  for (const p of doc.shadowPlacements) {
    if (p.deletedAt || p.cadreId !== cadreId) continue;
    const batch = batches.get(p.batchId);
    if (!batch || batch.deletedAt || batch.cancelled) continue;
    // A 中止 placement's end is already its stop date, so start–end is exactly the time covered.
    out.push({ kind: '书记跟班', label: batch.name, start: p.start, end: p.end, status: p.status });
  }
  return out.filter((x) => /^\d{4}\.\d{2}/.test(x.start));
}

export function referenceDateOf(pilot: Pick<CrossPilot, 'referenceDate' | 'periodStart'>): string {
  return pilot.referenceDate || pilot.periodStart;
}

/** What every candidate of one pilot shares; build once when evaluating a whole pool. */
export interface PilotContext {
  villages: Map<string, Village>;
  committee: CommitteeMember[];
}

export function pilotContext(doc: Pick<VaultDocument, 'villages' | 'cadres'>, pilot: Pick<CrossPilot, 'villageId'>): PilotContext {
  return { villages: new Map(doc.villages.map((v) => [v.id, v])), committee: committeeOf(doc, pilot.villageId) };
}

export function gatherInputs(
  doc: Pick<VaultDocument, 'settings' | 'villages' | 'cadres' | 'crossPilots' | 'crossCandidates' | 'shadowPlacements' | 'shadowBatches'>,
  pilot: CrossPilot,
  cadre: Cadre,
  ctx: PilotContext = pilotContext(doc, pilot),
): EligibilityInputs {
  const target = ctx.villages.get(pilot.villageId);
  return {
    ruleVersion: RULE_VERSION,
    referenceDate: referenceDateOf(pilot),
    thresholds: effectiveThresholds(doc.settings.eligibility, pilot.thresholds),
    candidate: candidateFacts(cadre, ctx.villages),
    target: {
      pilotId: pilot.id,
      villageId: pilot.villageId,
      villageName: target?.name ?? '（村居已删除）',
      townCode: target?.townCode ?? '',
      post: pilot.post,
      periodStart: pilot.periodStart,
      periodEnd: pilot.periodEnd,
      committee: ctx.committee,
    },
    commitments: commitmentsOf(doc, cadre.id, pilot.id),
  };
}
