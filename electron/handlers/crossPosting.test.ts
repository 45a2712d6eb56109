import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StepResult } from '../../shared/contract/crossPosting.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { CrossPilot, CrossStage } from '../../shared/domain/crossPosting.js';
import type { Village } from '../../shared/domain/village.js';
import { evaluateEligibility } from '../../shared/rules/eligibility.js';
import { idCheckChar } from '../../shared/rules/idCard.js';
import { closePdfBrowser } from '../print/pdf.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-cross-');
const { call, fail } = t;
// The comparison-sheet PDF starts a headless browser that would keep the worker alive.
afterAll(() => closePdfBrowser());

let seq = 10;
const idFor = (birth: string, male: boolean) => {
  seq += 2;
  const first17 = `440606${birth.replace('.', '')}10${String(seq + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

async function village(name: string, over: Record<string, unknown> = {}): Promise<Village> {
  return call('village.create', { data: { name, townCode: '440606005', ...over } });
}
async function cadre(name: string, villageId: string, over: Record<string, unknown> = {}): Promise<Cadre> {
  const birth = (over.birth as string) ?? '1982.04';
  return call('cadre.create', {
    data: {
      name, sex: '男', birth, idNumber: idFor(birth, true), politicalStatus: '中共党员', partyJoinDate: '2006.07',
      villageWorkSince: '2012.03', fullTimeEducation: { level: '大学' }, villageId, villagePost: '党组织副书记', postSince: '2021.03',
      currentPosition: '副书记', resume: [{ from: '2012.03', to: '2021.03', text: '村委会委员' }, { from: '2021.03', to: '', text: '党组织副书记' }],
      assessments: [{ year: 2023, grade: '称职' }, { year: 2024, grade: '优秀' }, { year: 2025, grade: '称职' }],
      ...over,
    },
  });
}

let target: Village, strong: Village, plain: Village, otherTown: Village;
let good: Cadre, second: Cadre, old: Cadre;
let pilot: CrossPilot;

describe('跨村任职 handlers', () => {
  beforeAll(async () => {
    target = await village('弱村', { strength: '弱', weakLax: { year: 2025, status: '整顿中' } });
    strong = await village('强村', { strength: '强', vitality: [{ year: 2025, stars: 5 }] });
    plain = await village('平村', { strength: '一般' });
    otherTown = await village('容桂强村', { strength: '强', townCode: '440606006' });
    await cadre('何书记', target.id, { villagePost: '党组织书记', birth: '1968.01' });
    good = await cadre('陈志强', strong.id);
    second = await cadre('梁家豪', strong.id, { birth: '1985.06', fullTimeEducation: { level: '大专' } });
    old = await cadre('黄老', strong.id, { birth: '1970.02' });
    await cadre('平村人', plain.id);
    await cadre('容桂人', otherTown.id);
  });

  it('creates a pilot and flags its village as 跨村任职试点', async () => {
    pilot = await call('cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', reason: '软弱涣散 整顿', periodStart: '2026.11.25', periodEnd: '2029.11.24' } });
    expect(pilot.filled).toBeNull();
    expect((await call('village.get', { id: target.id })).crossPilot).toBe(true);
    const e = await fail('cross.pilotCreate', { data: { villageId: target.id, post: '党组织书记', periodStart: '2026.11.25', periodEnd: '2026.01.01' } });
    expect(e.message).toContain('任职结束日期 2026.01.01 早于开始日期 2026.11.25');
  });

  it('suggests only cadres of strong/示范 villages in the same 镇街, excluding the target’s own', async () => {
    const pool = await call('cross.pool', { pilotId: pilot.id });
    expect(pool.map((r) => r.name).sort()).toEqual(['梁家豪', '陈志强', '黄老'].sort());
    const oldRow = pool.find((r) => r.name === '黄老')!;
    expect(oldRow.overall).toBe('fail');
    expect(oldRow.verdicts.find((v) => v.ruleId === 'age')!.reason).toBe('出生年月 1970.02，至 2026.11.25 为 56 岁，上限 50 岁，超龄');
    expect(pool[pool.length - 1].name).toBe('黄老'); // failing people sort last
  });

  it('adds someone by hand and says what does not fit', async () => {
    const plainCadre = (await call('cadre.list', {})).find((c) => c.name === '平村人')!;
    const view = await call('cross.candidateAdd', { pilotId: pilot.id, cadreId: plainCadre.id });
    expect(view.overall).toBe('fail');
    expect(view.verdicts.find((v) => v.ruleId === 'strongSource')!.reason).toContain('来源村 平村：班子强弱“一般”，非示范村');
    const dup = await fail('cross.candidateAdd', { pilotId: pilot.id, cadreId: plainCadre.id });
    expect(dup.message).toBe('平村人 已在本试点的人选名单中');
  });

  it('moves a candidate 提名 → 考察 → 公示 → 任命 and updates the cadre file, the resume and the pilot', async () => {
    const view = await call('cross.candidateAdd', { pilotId: pilot.id, cadreId: good.id, origin: '推荐' });
    const cid = view.candidate.id;
    const early = await fail('cross.step', { candidateId: cid, step: { stage: '考察', date: '2026.11.01' } });
    expect(early.message).toBe('陈志强 尚未提名，下一步只能是 提名');
    await call('cross.step', { candidateId: cid, step: { stage: '提名', date: '2026.11.02', notes: '镇党委推荐' } });
    const back = await fail('cross.step', { candidateId: cid, step: { stage: '考察', date: '2026.11.01' } });
    expect(back.message).toContain('早于上一步“提名”的日期 2026.11.02');
    await call('cross.step', { candidateId: cid, step: { stage: '考察', date: '2026.11.05' } });
    const noEnd = await fail('cross.step', { candidateId: cid, step: { stage: '公示', date: '2026.11.10' } });
    expect(noEnd.fields?.['step.publicityStart']).toBe('公示须填写开始日期');
    // Wed 11.11 – Sun 11.15: three working days.
    const pub = await call('cross.step', { candidateId: cid, step: { stage: '公示', date: '2026.11.10', publicityStart: '2026.11.11', publicityEnd: '2026.11.15' } });
    expect(pub.warnings).toEqual(['公示期 2026.11.11–2026.11.15 只有 3 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日']);

    const done = await call('cross.step', { candidateId: cid, step: { stage: '任命', date: '2026.11.20', notes: '镇党委会议研究决定' } });
    expect(done.candidate.stage).toBe('任命');
    // Now in the target village, today's checks would call him the target's own cadre; the list
    // shows what was found on the day of 任命.
    expect((await call('cross.evaluate', { pilotId: pilot.id, cadreId: good.id })).verdicts.find((v) => v.ruleId === 'notOwnVillage')?.result).toBe('fail');
    expect(done.candidate.overall).toBe('pass');
    expect(done.candidate.asOf).toBe('2026.11.20');

    const file = await call('cadre.get', { id: good.id });
    expect(file.villageId).toBe(target.id);
    expect(file.villagePost).toBe('党组织书记');
    expect(file.postSince).toBe('2026.11');
    expect(file.currentPosition).toBe('弱村党组织书记');
    expect(file.resume.slice(-2)).toEqual([
      { from: '2021.03', to: '2026.11', text: '党组织副书记' },
      { from: '2026.11', to: '', text: '大良弱村党组织书记（跨村任职）' },
    ]);
    // 任命 writes the post history of both villages: home post closed as 跨村任职, target post open.
    const history = await call('terms.history', { cadreId: good.id });
    expect(history.map((r) => [r.villageId === target.id ? '弱村' : '原村', r.post, r.start, r.end, r.leaveReason, r.destination])).toEqual([
      ['弱村', '党组织书记', '2026.11.20', '', '', ''],
      ['原村', '党组织副书记', '2021.03', '2026.11.20', '跨村任职', '大良弱村党组织书记（跨村任职）'],
    ]);

    const overview = await call('cross.overview', {});
    expect(overview[0].currentStep).toBe('已任命 陈志强');
    expect(overview[0].candidateCount).toBe(2);

    const detail = await call('cross.pilotGet', { id: pilot.id });
    expect(detail.pilot.filled).toMatchObject({ cadreId: good.id, cadreName: '陈志强', date: '2026.11.20' });
    const steps = detail.candidates.find((c) => c.cadreId === good.id)!.candidate.steps;
    expect(steps.map((s) => `${s.stage}/${s.operator}`)).toEqual(['提名/测试员', '考察/测试员', '公示/测试员', '任命/测试员']);
    // The decision keeps the inputs as they were: re-evaluating them gives the stored verdicts.
    const decision = steps[3].eligibility;
    expect(decision.inputs.candidate.village?.name).toBe('强村');
    expect(evaluateEligibility(decision.inputs).verdicts).toEqual(decision.verdicts);

    const audit = await call('audit.list', { recordId: good.id });
    expect(audit.entries[0].summary).toBe('跨村任职任命：陈志强 任 大良弱村党组织书记');
  });

  it('refuses a second 任命 on a filled pilot and refuses 任命 of a failing candidate', async () => {
    const p2 = await call('cross.pilotCreate', { data: { villageId: target.id, post: '村委会主任', periodStart: '2026.11.25', periodEnd: '2029.11.24' } });
    const v = await call('cross.candidateAdd', { pilotId: p2.id, cadreId: old.id });
    for (const [stage, date] of [['提名', '2026.11.02'], ['考察', '2026.11.03']] as const) {
      const r = await call('cross.step', { candidateId: v.candidate.id, step: { stage, date } });
      expect(r.warnings.some((w) => w.startsWith('资格审查“年龄”不符合'))).toBe(true);
    }
    await call('cross.step', { candidateId: v.candidate.id, step: { stage: '公示', date: '2026.11.04', publicityStart: '2026.11.09', publicityEnd: '2026.11.13' } });
    const e = await fail('cross.step', { candidateId: v.candidate.id, step: { stage: '任命', date: '2026.11.20' } });
    expect(e.message).toContain('黄老 资格审查有不符合项，不能任命：年龄（出生年月 1970.02');
    expect((await call('cadre.get', { id: old.id })).villageId).toBe(strong.id);

    // The hand-added 平村人 was closed when 陈志强 was appointed, so no step can follow.
    const filled = await call('cross.pilotGet', { id: pilot.id });
    const other = filled.candidates.find((c) => c.stage !== '任命')!;
    const closedOne = await fail('cross.step', { candidateId: other.candidate.id, step: { stage: '提名', date: '2026.11.21' } });
    expect(closedOne.message).toBe('平村人 当前为“未通过”，流程已结束');
    const e2 = await fail('cross.candidateAdd', { pilotId: pilot.id, cadreId: second.id });
    expect(e2.message).toContain('已任命 陈志强');
  });

  it('records 未通过 only with a reason', async () => {
    const p3 = await call('cross.pilotCreate', { data: { villageId: target.id, post: '村委会副主任', periodStart: '2026.11.25', periodEnd: '2029.11.24' } });
    const v = await call('cross.candidateAdd', { pilotId: p3.id, cadreId: second.id });
    await call('cross.step', { candidateId: v.candidate.id, step: { stage: '提名', date: '2026.11.02' } });
    const e = await fail('cross.step', { candidateId: v.candidate.id, step: { stage: '未通过', date: '2026.11.03' } });
    expect(e.fields?.['step.reason']).toBe('未通过须写明原因');
    const r = await call('cross.step', { candidateId: v.candidate.id, step: { stage: '未通过', date: '2026.11.03', reason: '考察中群众评价一般' } });
    expect(r.candidate.stage).toBe('未通过');
    const after = await fail('cross.step', { candidateId: v.candidate.id, step: { stage: '考察', date: '2026.11.04' } });
    expect(after.message).toBe('梁家豪 当前为“未通过”，流程已结束');
  });

  it('edits a pilot: moving it to another village flags that village; a filled pilot keeps its village and post', async () => {
    const other = await village('二号弱村', { strength: '弱' });
    const p4 = await call('cross.pilotCreate', { data: { villageId: target.id, post: '村委会委员', periodStart: '2026.11.25', periodEnd: '2029.11.24' } });
    const moved = await call('cross.pilotUpdate', { id: p4.id, data: { villageId: other.id, reason: '班子弱' } });
    expect(moved).toMatchObject({ villageId: other.id, reason: '班子弱', post: '村委会委员' });
    expect((await call('village.get', { id: other.id })).crossPilot).toBe(true);
    const e = await fail('cross.pilotUpdate', { id: pilot.id, data: { post: '村委会主任' } });
    expect(e.message).toBe('该试点已任命，不能再更改目标村或职务');
  });

  it('compares candidates and prints the comparison as an A4 landscape PDF', async () => {
    const cols = await call('cross.compare', { pilotId: pilot.id, cadreIds: [good.id, second.id, old.id] });
    expect(cols.map((c) => c.name)).toEqual(['陈志强', '梁家豪', '黄老']);
    expect(cols[0].stage).toBe('任命');
    expect(cols[1].stage).toBe('未列入人选');
    expect(cols[1].source?.stars).toBe(5);
    const one = await fail('cross.compare', { pilotId: pilot.id, cadreIds: [good.id] });
    expect(one.message).toBe('请至少选择 2 名人选进行比较');

    const pdf = await call('cross.comparisonPdf', { pilotId: pilot.id, cadreIds: [second.id, old.id] });
    expect(pdf.fileName).toMatch(/^跨村任职人选比较表_弱村_\d{8}\.pdf$/);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape is 842 × 595 points.
    expect(bytes.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 841\.\d+ 59[45]\.\d+\s*\]/);
  }, 60_000);
});

describe('跨村任职: closing the other candidates at 任命, and restoring removed ones', () => {
  let p: CrossPilot;
  let appointee: Cadre, examined: Cadre, listed: Cadre, rejected: Cadre, removed: Cadre;
  const cand: Record<string, string> = {};
  const steps = async (name: string, list: [CrossStage, string][]) => {
    for (const [stage, date] of list) {
      const step = stage === '公示' ? { stage, date, publicityStart: date, publicityEnd: '2026.12.11' } : stage === '未通过' ? { stage, date, reason: '考察中群众评价一般' } : { stage, date };
      await call('cross.step', { candidateId: cand[name], step });
    }
  };
  const detail = () => call('cross.pilotGet', { id: p.id });

  beforeAll(async () => {
    const t = await village('三号弱村', { strength: '弱' });
    appointee = await cadre('任命甲', strong.id);
    examined = await cadre('考察乙', strong.id);
    listed = await cadre('列入丙', strong.id);
    rejected = await cadre('落选丁', strong.id);
    removed = await cadre('移出戊', strong.id);
    p = await call('cross.pilotCreate', { data: { villageId: t.id, post: '党组织书记', periodStart: '2026.12.20', periodEnd: '2029.12.19' } });
    for (const c of [appointee, examined, listed, rejected, removed]) cand[c.name] = (await call('cross.candidateAdd', { pilotId: p.id, cadreId: c.id })).candidate.id;
    await steps('任命甲', [['提名', '2026.12.01'], ['考察', '2026.12.02'], ['公示', '2026.12.03']]);
    // 考察 recorded after the day of 任命: the closing step must not go back before it.
    await steps('考察乙', [['提名', '2026.12.01'], ['考察', '2026.12.16']]);
    await steps('落选丁', [['提名', '2026.12.01'], ['未通过', '2026.12.02']]);
    await steps('移出戊', [['提名', '2026.12.01']]);
  });

  it('lists a removed candidate apart and restores it with an audit entry', async () => {
    await call('cross.candidateRemove', { id: cand['移出戊'] });
    let d = await detail();
    expect(d.candidates.map((c) => c.name)).not.toContain('移出戊');
    expect(d.removed.map((c) => [c.name, c.stage])).toEqual([['移出戊', '提名']]);
    expect((await fail('cross.candidateRemove', { id: cand['移出戊'] })).message).toBe('该人选已移出名单');

    const r = await call('cross.candidateRestore', { id: cand['移出戊'] });
    expect(r).toMatchObject({ warnings: [], closed: [] });
    expect(r.candidate.stage).toBe('提名');
    expect(r.candidate.candidate.steps.map((s) => s.stage)).toEqual(['提名']);
    d = await detail();
    expect(d.removed).toEqual([]);
    expect(d.candidates.map((c) => c.name)).toContain('移出戊');
    expect(t.app.requireSession().doc.audit.at(-1)).toMatchObject({ action: 'crossCandidates.restore', recordId: cand['移出戊'], summary: '从回收站恢复：跨村任职人选 大良 三号弱村 · 党组织书记 — 移出戊', operator: '测试员' });

    const again = await fail('cross.candidateRestore', { id: cand['移出戊'] });
    expect(again.message).toBe('该人选不在回收站中，无需恢复');
  });

  it('refuses restoring a removed candidate who was listed again meanwhile', async () => {
    await call('cross.candidateRemove', { id: cand['列入丙'] });
    const fresh = await call('cross.candidateAdd', { pilotId: p.id, cadreId: listed.id });
    const e = await fail('cross.candidateRestore', { id: cand['列入丙'] });
    expect(e.message).toBe('列入丙 已重新列入本试点的人选名单，不能再恢复这条记录');
    cand['列入丙'] = fresh.candidate.id;
  });

  it('任命 closes every other open candidate as 未通过（该试点已任命他人）in the same save', async () => {
    await call('cross.candidateRemove', { id: cand['移出戊'] }); // in the 回收站 while 任命 happens
    const session = t.app.requireSession();
    const spy = vi.spyOn(session, 'mutate');
    const before = session.doc.audit.length;
    let r: StepResult;
    try {
      r = await call('cross.step', { candidateId: cand['任命甲'], step: { stage: '任命', date: '2026.12.15' } });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(r.closed.sort()).toEqual(['列入丙', '考察乙'].sort());

    const d = await detail();
    const byName = Object.fromEntries(d.candidates.map((c) => [c.name, c]));
    expect(Object.entries(byName).map(([n, c]) => `${n}:${c.stage}`).sort()).toEqual(['任命甲:任命', '列入丙:未通过', '考察乙:未通过', '落选丁:未通过'].sort());
    const last = (name: string) => byName[name].candidate.steps.at(-1)!;
    expect(last('列入丙')).toMatchObject({ stage: '未通过', date: '2026.12.15', reason: '该试点已任命他人', notes: '2026.12.15 已任命 任命甲，本人选随之结束', operator: '测试员' });
    expect(byName['列入丙'].candidate.steps).toHaveLength(1); // listed, never nominated: closed straight away
    expect(last('考察乙')).toMatchObject({ stage: '未通过', date: '2026.12.16', reason: '该试点已任命他人' });
    expect(last('考察乙').eligibility.inputs.candidate.village?.name).toBe('强村');
    // One already 未通过 keeps its own reason and gets no second step.
    expect(byName['落选丁'].candidate.steps.map((s) => `${s.stage}:${s.reason}`)).toEqual(['提名:', '未通过:考察中群众评价一般']);

    const entries = session.doc.audit.slice(before);
    expect(new Set(entries.map((e) => e.at)).size).toBe(1);
    expect(entries.filter((e) => e.action === 'crossCandidates.step').map((e) => e.summary).sort()).toEqual(
      [
        '跨村任职 大良 三号弱村 · 党组织书记：任命甲 任命',
        '跨村任职 大良 三号弱村 · 党组织书记：列入丙 未通过（该试点已任命他人）',
        '跨村任职 大良 三号弱村 · 党组织书记：考察乙 未通过（该试点已任命他人）',
      ].sort(),
    );
    const row = (await call('cross.overview', {})).find((x) => x.id === p.id)!;
    expect(row.currentStep).toBe('已任命 任命甲');
    expect(row.stageCounts).toEqual({ 任命: 1, 未通过: 3 });
  });

  it('a candidate removed before 任命 comes back closed as 未通过 on the filled pilot', async () => {
    const r = await call('cross.candidateRestore', { id: cand['移出戊'] });
    expect(r.candidate.stage).toBe('未通过');
    expect(r.closed).toEqual(['移出戊']);
    expect(r.warnings).toEqual(['大良 三号弱村 · 党组织书记 已于 2026.12.15 任命 任命甲，移出戊 恢复后按“未通过”结束（该试点已任命他人）']);
    expect(r.candidate.candidate.steps.map((s) => `${s.stage} ${s.date} ${s.reason}`)).toEqual(['提名 2026.12.01 ', '未通过 2026.12.15 该试点已任命他人']);
    expect(t.app.requireSession().doc.audit.slice(-2).map((e) => e.action)).toEqual(['crossCandidates.restore', 'crossCandidates.step']);
    expect(removed.id).toBeTruthy();
  });
});
