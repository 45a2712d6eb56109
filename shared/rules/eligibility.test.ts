import { describe, expect, it } from 'vitest';
import { cadreInputSchema, type Cadre, type CadreInput } from '../domain/cadre.js';
import type { CrossCandidate, CrossPilot } from '../domain/crossPosting.js';
import { emptyDocument, type VaultDocument } from '../domain/document.js';
import type { ShadowBatch, ShadowPlacement } from '../domain/programs.js';
import { villageInputSchema, type Village, type VillageInput } from '../domain/village.js';
import { evaluateEligibility, gatherInputs, RULE_VERSION } from './eligibility.js';
import { idCheckChar } from './idCard.js';

const T = '2026-01-01T00:00:00.000Z';
const DALIANG = '440606005';
const RONGGUI = '440606006';

let serial = 100;
function idFor(birth: string, sex: '男' | '女' = '男'): string {
  const [y, m] = birth.split('.');
  serial += 2;
  const seq = String(serial + (sex === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `440606${y}${m}15${seq}`;
  return first17 + idCheckChar(first17);
}

function village(id: string, input: Partial<VillageInput> & { name: string }): Village {
  return { ...villageInputSchema.parse({ townCode: DALIANG, ...input }), id, createdAt: T, updatedAt: T };
}

function cadre(id: string, input: Partial<CadreInput> & { name: string }): Cadre {
  const birth = input.birth ?? '1980.05';
  const sex = input.sex ?? '男';
  const fields = cadreInputSchema.parse({
    sex,
    birth,
    idNumber: idFor(birth, sex),
    politicalStatus: '中共党员',
    partyJoinDate: '2005.07',
    villageWorkSince: '2010.03',
    fullTimeEducation: { level: '大专', degree: '', levelSchool: '', degreeSchool: '' },
    assessments: [
      { year: 2023, grade: '称职' },
      { year: 2024, grade: '优秀' },
      { year: 2025, grade: '称职' },
    ],
    villageId: 'v-strong',
    villagePost: '党组织副书记',
    ...input,
  });
  return { ...fields, id, createdAt: T, updatedAt: T };
}

function pilot(over: Partial<CrossPilot> = {}): CrossPilot {
  return {
    id: 'p1',
    villageId: 'v-target',
    post: '党组织书记',
    reason: '软弱涣散 整顿',
    periodStart: '2026.11.25',
    periodEnd: '2029.11.24',
    referenceDate: '',
    thresholds: {},
    note: '',
    filled: null,
    createdAt: T,
    updatedAt: T,
    ...over,
  };
}

/** 大良: a weak target, a strong source, a 示范 source, an ordinary village; 容桂: a strong village. */
function baseDoc(): VaultDocument {
  const doc = emptyDocument(T);
  doc.villages = [
    village('v-target', { name: '弱村', strength: '弱', weakLax: { year: 2025, status: '整顿中' }, crossPilot: true }),
    village('v-strong', { name: '强村', strength: '强' }),
    village('v-demo', { name: '示范村', strength: '一般', demonstration: '区级' }),
    village('v-plain', { name: '平村', strength: '一般' }),
    village('v-other-town', { name: '容桂强村', strength: '强', townCode: RONGGUI }),
  ];
  doc.cadres = [
    cadre('t-sec', { name: '何书记', birth: '1970.02', villageId: 'v-target', villagePost: '党组织书记' }),
    cadre('t-dir', { name: '梁主任', birth: '1975.08', villageId: 'v-target', villagePost: '村委会主任' }),
    cadre('t-reserve', { name: '麦后备', birth: '1995.01', villageId: 'v-target', villagePost: '后备干部' }),
  ];
  return doc;
}

function evaluate(doc: VaultDocument, c: Cadre, p: CrossPilot = pilot()) {
  if (!doc.cadres.includes(c)) doc.cadres.push(c);
  if (!doc.crossPilots.some((x) => x.id === p.id)) doc.crossPilots.push(p);
  const inputs = gatherInputs(doc, p, c);
  const result = evaluateEligibility(inputs);
  const by = (id: string) => {
    const v = result.verdicts.find((x) => x.ruleId === id);
    if (!v) throw new Error(`no verdict ${id}`);
    return v;
  };
  return { inputs, result, by };
}

describe('a well-qualified candidate from a strong village of the same 镇街', () => {
  it('passes every rule and quotes the data it read', () => {
    const { result, by } = evaluate(baseDoc(), cadre('c1', { name: '陈志强' }));
    expect(result.verdicts.filter((v) => v.result !== 'pass')).toEqual([]);
    expect(result.overall).toBe('pass');
    expect(result.ruleVersion).toBe(RULE_VERSION);
    expect(by('age').reason).toBe('出生年月 1980.05，至 2026.11.25 为 46 岁，上限 50 岁');
    expect(by('party').reason).toBe('中共党员，2005.07 入党，至 2026.11.25 党龄 21 年，要求至少 3 年');
    expect(by('education').reason).toBe('最高学历 大专，最低要求 高中');
    expect(by('villageYears').reason).toBe('2010.03 起从事村（社区）工作，至 2026.11.25 满 16 年，要求至少 3 年');
    expect(by('assessment').reason).toBe('近 3 年考核：2025 称职、2024 优秀、2023 称职');
    expect(by('sameTown').reason).toContain('同属大良');
  });

  it('gives the same verdicts from the stored inputs after a JSON round trip (reproducible decisions)', () => {
    const { inputs, result } = evaluate(baseDoc(), cadre('c1', { name: '陈志强', birth: '1977.03' }));
    const stored = JSON.parse(JSON.stringify(inputs));
    expect(evaluateEligibility(stored)).toEqual(result);
  });
});

describe('same 镇街 and source village', () => {
  it('fails a cadre of another 镇街, naming both towns', () => {
    const { by } = evaluate(baseDoc(), cadre('c1', { name: '容桂人', villageId: 'v-other-town' }));
    expect(by('sameTown').result).toBe('fail');
    expect(by('sameTown').reason).toContain('属容桂');
    expect(by('sameTown').reason).toContain('目标村 弱村 属大良');
  });

  it('fails a cadre without a village', () => {
    const { by } = evaluate(baseDoc(), cadre('c1', { name: '无村人', villageId: undefined }));
    expect(by('sameTown').result).toBe('fail');
    expect(by('strongSource').result).toBe('fail');
  });

  it('passes a 示范村 source, fails an ordinary one, and fails a strong village under 整顿', () => {
    expect(evaluate(baseDoc(), cadre('c1', { name: '甲', villageId: 'v-demo' })).by('strongSource').result).toBe('pass');
    const plain = evaluate(baseDoc(), cadre('c2', { name: '乙', villageId: 'v-plain' })).by('strongSource');
    expect(plain.result).toBe('fail');
    expect(plain.reason).toBe('来源村 平村：班子强弱“一般”，非示范村，不是强村或示范村');
    const doc = baseDoc();
    doc.villages.find((v) => v.id === 'v-strong')!.weakLax = { year: 2025, status: '整顿中' };
    const lax = evaluate(doc, cadre('c3', { name: '丙' })).by('strongSource');
    expect(lax.result).toBe('fail');
    expect(lax.reason).toContain('2025 年列为软弱涣散（整顿中）');
  });

  it("fails the target village's own cadre", () => {
    const doc = baseDoc();
    const own = doc.cadres.find((c) => c.id === 't-dir')!;
    const v = evaluate(doc, own).by('notOwnVillage');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('现为目标村 弱村 的干部（村委会主任）');
  });
});

describe('other postings and 书记跟班 over the same period', () => {
  function withShadow(doc: VaultDocument, cadreId: string, start: string, end: string, over: Partial<ShadowBatch> = {}) {
    const batch = { id: 'b1', name: '2026年第二期书记跟班', year: 2026, start, end, youth: false, hosts: [], note: '', cancelled: null, createdAt: T, updatedAt: T, ...over } as ShadowBatch;
    const placement = { id: 'sp1', batchId: 'b1', hostKey: 'h1', cadreId, start, end, goals: '', status: '在岗', plannedEnd: '', stopped: null, evaluation: null, createdAt: T, updatedAt: T } as ShadowPlacement;
    doc.shadowBatches.push(batch);
    doc.shadowPlacements.push(placement);
  }

  it('fails when a 书记跟班 placement overlaps the pilot period and names the batch', () => {
    const doc = baseDoc();
    withShadow(doc, 'c1', '2026.10.01', '2027.03.31');
    const v = evaluate(doc, cadre('c1', { name: '跟班人' })).by('noOverlap');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('书记跟班“2026年第二期书记跟班”（2026.10.01–2027.03.31，在岗）');
  });

  it('passes when the placement ended before the pilot starts, or its batch was cancelled', () => {
    const doc = baseDoc();
    withShadow(doc, 'c1', '2025.03.01', '2025.08.31');
    expect(evaluate(doc, cadre('c1', { name: '跟班人' })).by('noOverlap').result).toBe('pass');
    const doc2 = baseDoc();
    withShadow(doc2, 'c1', '2026.10.01', '2027.03.31', { cancelled: { date: '2026.09.01', reason: '疫情' } });
    expect(evaluate(doc2, cadre('c1', { name: '跟班人' })).by('noOverlap').result).toBe('pass');
  });

  function otherPilot(doc: VaultDocument, cadreId: string, stages: CrossCandidate['steps'][number]['stage'][]) {
    doc.villages.push(village('v-weak2', { name: '二号弱村', strength: '弱' }));
    doc.crossPilots.push(pilot({ id: 'p2', villageId: 'v-weak2', post: '村委会主任' }));
    doc.crossCandidates.push({
      id: 'cc-other', pilotId: 'p2', cadreId, origin: '推荐', note: '', createdAt: T, updatedAt: T,
      steps: stages.map((stage) => ({ stage, date: '2026.10.01', notes: '', publicityStart: '', publicityEnd: '', reason: stage === '未通过' ? '考察未通过' : '', operator: '李组织', recordedAt: T, warnings: [], eligibility: {} as never })),
    });
  }

  it('fails a cadre already appointed to another pilot over the same period', () => {
    const doc = baseDoc();
    otherPilot(doc, 'c1', ['提名', '考察', '公示', '任命']);
    const v = evaluate(doc, cadre('c1', { name: '已任命' })).by('noOverlap');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('跨村任职“二号弱村 村委会主任”');
  });

  it('warns for a cadre still in another pilot’s process, and ignores one who 未通过 there', () => {
    const doc = baseDoc();
    otherPilot(doc, 'c1', ['提名', '考察']);
    const v = evaluate(doc, cadre('c1', { name: '两边考察' })).by('noOverlap');
    expect(v.result).toBe('warn');
    expect(v.reason).toContain('考察');
    const doc2 = baseDoc();
    otherPilot(doc2, 'c1', ['提名', '未通过']);
    expect(evaluate(doc2, cadre('c1', { name: '落选' })).by('noOverlap').result).toBe('pass');
  });
});

describe('thresholds', () => {
  it('fails over the age limit and warns when the limit is passed during the term', () => {
    const old = evaluate(baseDoc(), cadre('c1', { name: '老', birth: '1975.10' })).by('age');
    expect(old.result).toBe('fail');
    expect(old.reason).toBe('出生年月 1975.10，至 2026.11.25 为 51 岁，上限 50 岁，超龄');
    const nearly = evaluate(baseDoc(), cadre('c2', { name: '将', birth: '1977.12' })).by('age');
    expect(nearly.result).toBe('warn');
    expect(nearly.reason).toContain('任期结束 2029.11.24 时为 51 岁');
  });

  it('uses the per-pilot override and the reference date', () => {
    const p = pilot({ thresholds: { maxAge: 45 }, referenceDate: '2026.06.30' });
    const v = evaluate(baseDoc(), cadre('c1', { name: '四十六' }), p).by('age');
    expect(v.result).toBe('fail');
    expect(v.reason).toBe('出生年月 1980.05，至 2026.06.30 为 46 岁，上限 45 岁，超龄');
  });

  it('requires a full party member with enough 党龄', () => {
    expect(evaluate(baseDoc(), cadre('c1', { name: '群', politicalStatus: '群众', partyJoinDate: '' })).by('party')).toMatchObject({ result: 'fail', reason: '政治面貌“群众”，要求中共党员' });
    expect(evaluate(baseDoc(), cadre('c2', { name: '预', politicalStatus: '中共预备党员', partyJoinDate: '2026.01' })).by('party').result).toBe('fail');
    expect(evaluate(baseDoc(), cadre('c3', { name: '无期', partyJoinDate: '' })).by('party').result).toBe('warn');
    const young = evaluate(baseDoc(), cadre('c4', { name: '新', partyJoinDate: '2024.07' })).by('party');
    expect(young.result).toBe('fail');
    expect(young.reason).toBe('中共党员，2024.07 入党，至 2026.11.25 党龄 2 年，要求至少 3 年，不足');
  });

  it('compares 学历 by level and counts 在职 education', () => {
    const low = evaluate(baseDoc(), cadre('c1', { name: '初', fullTimeEducation: { level: '初中', degree: '', levelSchool: '', degreeSchool: '' } })).by('education');
    expect(low).toMatchObject({ result: 'fail', reason: '最高学历 初中，最低要求 高中，未达到' });
    const partTime = evaluate(baseDoc(), cadre('c2', {
      name: '在职',
      fullTimeEducation: { level: '初中', degree: '', levelSchool: '', degreeSchool: '' },
      partTimeEducation: { level: '大学', degree: '', levelSchool: '', degreeSchool: '' },
    })).by('education');
    expect(partTime).toMatchObject({ result: 'pass', reason: '最高学历 大学，最低要求 高中' });
    const none = evaluate(baseDoc(), cadre('c3', { name: '空', fullTimeEducation: { level: '', degree: '', levelSchool: '', degreeSchool: '' } })).by('education');
    expect(none.result).toBe('warn');
  });

  it('checks years of village work', () => {
    expect(evaluate(baseDoc(), cadre('c1', { name: '短', villageWorkSince: '2025.01' })).by('villageYears')).toMatchObject({ result: 'fail' });
    expect(evaluate(baseDoc(), cadre('c2', { name: '未填', villageWorkSince: '' })).by('villageYears').result).toBe('warn');
  });

  it('fails a 基本称职 in the window, warns on a missing year, ignores older results', () => {
    const bad = evaluate(baseDoc(), cadre('c1', { name: '基', assessments: [{ year: 2023, grade: '称职' }, { year: 2024, grade: '基本称职' }, { year: 2025, grade: '称职' }] })).by('assessment');
    expect(bad.result).toBe('fail');
    expect(bad.reason).toContain('2024 年为“基本称职”');
    const gap = evaluate(baseDoc(), cadre('c2', { name: '缺', assessments: [{ year: 2023, grade: '称职' }, { year: 2025, grade: '优秀' }] })).by('assessment');
    expect(gap).toMatchObject({ result: 'warn', reason: '近 3 年考核：2025 优秀、2023 称职；缺 2024 年的结果' });
    const old = evaluate(baseDoc(), cadre('c3', { name: '旧', assessments: [{ year: 2019, grade: '不称职' }, { year: 2023, grade: '称职' }, { year: 2024, grade: '称职' }, { year: 2025, grade: '称职' }] })).by('assessment');
    expect(old.result).toBe('pass');
  });
});

describe('十不选', () => {
  it('fails on any flag and names it with date and source', () => {
    const v = evaluate(baseDoc(), cadre('c1', { name: '失信', negativeFlags: [{ kind: '失信被执行人', date: '2025.06.01', source: '法院公告', note: '' }] })).by('negativeList');
    expect(v.result).toBe('fail');
    expect(v.reason).toBe('档案记有十不选情形：“失信被执行人”（2025.06.01，来源：法院公告）');
  });
});

describe('回避 (kinship with the target 两委)', () => {
  it('fails on a relation-list entry matched by ID number, naming the relative and post', () => {
    const doc = baseDoc();
    const sec = doc.cadres.find((c) => c.id === 't-sec')!;
    const v = evaluate(doc, cadre('c1', { name: '何二', relations: [{ kind: '三代以内旁系血亲', name: '何书记', idNumber: sec.idNumber, note: '' }] })).by('avoidance');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('何二 的关系名单中“三代以内旁系血亲 何书记”即目标村 党组织书记 何书记（身份证号码一致）');
  });

  it('fails through the 家庭成员 list by ID number even when the name is written differently', () => {
    const doc = baseDoc();
    const dir = doc.cadres.find((c) => c.id === 't-dir')!;
    const v = evaluate(doc, cadre('c1', { name: '梁妻', sex: '女', family: [{ relation: '丈夫', name: '梁建华', birth: '1975.08', politicalStatus: '', workUnit: '', idNumber: dir.idNumber }] })).by('avoidance');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('家庭成员中“丈夫 梁建华”即目标村 村委会主任 梁主任（身份证号码一致）');
  });

  it('matches a relation that links to the 两委 member’s file even without an ID number', () => {
    const v = evaluate(baseDoc(), cadre('c1', { name: '梁弟', relations: [{ kind: '三代以内旁系血亲', name: '梁哥', idNumber: '', cadreId: 't-dir', note: '' }] })).by('avoidance');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('“三代以内旁系血亲 梁哥”即目标村 村委会主任 梁主任（关联档案）');
  });

  it('falls back to the name when the family entry has no ID number, and says so', () => {
    const v = evaluate(baseDoc(), cadre('c1', { name: '何子', family: [{ relation: '父亲', name: '何书记', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }] })).by('avoidance');
    expect(v.result).toBe('fail');
    expect(v.reason).toContain('按姓名匹配');
  });

  it('does not match a namesake whose ID number differs', () => {
    const v = evaluate(baseDoc(), cadre('c1', { name: '同名', family: [{ relation: '父亲', name: '何书记', birth: '', politicalStatus: '', workUnit: '', idNumber: idFor('1950.01') }] })).by('avoidance');
    expect(v.result).toBe('pass');
  });

  it('ignores relatives among non-两委 people of the target (后备干部)', () => {
    const doc = baseDoc();
    const reserve = doc.cadres.find((c) => c.id === 't-reserve')!;
    const v = evaluate(doc, cadre('c1', { name: '麦叔', relations: [{ kind: '三代以内旁系血亲', name: '麦后备', idNumber: reserve.idNumber, note: '' }] })).by('avoidance');
    expect(v.result).toBe('pass');
  });

  it('catches kinship recorded only on the 两委 member’s side (the candidate’s ID in two roles)', () => {
    const doc = baseDoc();
    const cand = cadre('c1', { name: '陈外甥' });
    // The target's 书记 lists the candidate (by ID) among his family, the candidate's own file is silent.
    doc.cadres.find((c) => c.id === 't-sec')!.family.push({ relation: '外甥', name: '陈外甥', birth: '', politicalStatus: '', workUnit: '', idNumber: cand.idNumber });
    const { by, result } = evaluate(doc, cand);
    expect(by('avoidance').result).toBe('fail');
    expect(by('avoidance').reason).toContain('目标村 党组织书记 何书记 的家庭成员中登记“外甥 陈外甥”即本人（身份证号码一致）');
    expect(by('notOwnVillage').result).toBe('pass');
    expect(result.overall).toBe('fail');
  });

  it('treats a duplicate file of a target 两委 member as the same person, not as a relative', () => {
    const doc = baseDoc();
    const sec = doc.cadres.find((c) => c.id === 't-sec')!;
    // A second file with the same ID number (e.g. imported twice) sitting in a strong village.
    const dup: Cadre = { ...sec, id: 'dup', villageId: 'v-strong', villagePost: '党组织委员', family: [] };
    const { by } = evaluate(doc, dup);
    expect(by('notOwnVillage').result).toBe('fail');
    expect(by('notOwnVillage').reason).toContain('与目标村 弱村 党组织书记 何书记 的档案相同');
    expect(by('avoidance').result).toBe('pass');
  });

  it('ignores a slip where the candidate lists himself as a relative', () => {
    const c = cadre('c1', { name: '自己' });
    c.relations.push({ kind: '直系血亲', name: '自己', idNumber: c.idNumber, note: '' });
    expect(evaluate(baseDoc(), c).by('avoidance').result).toBe('pass');
  });
});
