import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Expert, MentorPair, ShadowBatch } from '../../shared/domain/programs.js';
import type { Village } from '../../shared/domain/village.js';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-programs-');
const { call, fail } = t;
const audit = () => t.app.requireSession().doc.audit;

let strong: Village, home: Village, weak: Village;
let chen: Cadre, li: Cadre, liang: Cadre;

beforeAll(async () => {
  strong = await call('village.create', { data: { name: '水藤村', townCode: '440606105', strength: '强' } });
  home = await call('village.create', { data: { name: '光华村', townCode: '440606005' } });
  weak = await call('village.create', { data: { name: '马东村', townCode: '440606105', strength: '弱' } });
  chen = await call('cadre.create', { data: { name: '陈建国', sex: '男', birth: '1980.05', idNumber: id18('19800512', '013'), villageId: home.id } });
  li = await call('cadre.create', { data: { name: '李婉婷', sex: '女', birth: '1990.03', idNumber: id18('19900301', '024'), villageId: home.id, tags: ['青年'] } });
  liang = await call('cadre.create', { data: { name: '梁志强', sex: '男', birth: '1970.01', idNumber: id18('19700101', '035'), villageId: strong.id, villagePost: '党组织书记' } });
});

describe('书记跟班 handlers', () => {
  let b1: ShadowBatch;

  it('creates a batch with two hosts, giving hosts keys, and audits it', async () => {
    const saved = await call('shadow.batchCreate', {
      data: {
        name: '2023年第一期', year: 2023, start: '2023.04.01', end: '2023.06.30',
        hosts: [
          { kind: '村（社区）', villageId: strong.id, mentorCadreId: liang.id, capacity: 1 },
          { kind: '镇街部门', townCode: '440606005', department: '组织', mentorName: '黄科长', capacity: 2 },
        ],
      },
    });
    b1 = saved.record;
    expect(b1.hosts.map((h) => h.key.length > 0)).toEqual([true, true]);
    expect(saved.findings).toEqual([]);
    expect(audit().at(-1)?.summary).toBe('新建跟班期次：2023年第一期（2023.04.01–2023.06.30，2 个跟班单位）');
  });

  it('refuses a batch with reversed dates, naming the field in Chinese', async () => {
    const e = await fail('shadow.batchCreate', { data: { name: 'x', year: 2023, start: '2023.07.01', end: '2023.06.30' } });
    expect(e.code).toBe('INVALID');
    expect(e.message).toContain('结束日期 2023.06.30 早于开始日期 2023.07.01');
    const bad = await fail('shadow.batchCreate', { data: { name: 'x', year: 2023, start: '2023-07-01', end: '2023.06.30' } });
    expect(bad.message).toBe('不能保存跟班期次：开始日期：日期应写成 2023.04.10 的形式');
  });

  it('places a cadre with the batch dates by default, then refuses an overlapping second placement', async () => {
    const saved = await call('shadow.placementCreate', { data: { batchId: b1.id, hostKey: b1.hosts[0].key, cadreId: chen.id } });
    expect(saved.record).toMatchObject({ start: '2023.04.01', end: '2023.06.30', status: '计划' });

    const b2 = (await call('shadow.batchCreate', {
      data: { name: '2023年第二期', year: 2023, start: '2023.06.30', end: '2023.09.30', hosts: [{ kind: '镇街部门', townCode: '440606105', department: '农业', mentorName: '罗主任', capacity: 3 }] },
    })).record;
    const check = await call('shadow.placementCheck', { data: { batchId: b2.id, hostKey: b2.hosts[0].key, cadreId: chen.id } });
    expect(check.map((f) => f.code)).toEqual(['cadre-overlap']);
    const before = audit().length;
    const e = await fail('shadow.placementCreate', { data: { batchId: b2.id, hostKey: b2.hosts[0].key, cadreId: chen.id } });
    expect(e.message).toContain('陈建国 已在“2023年第一期”（水藤村）跟班（2023.04.01–2023.06.30）');
    expect(e.fields?.cadreId).toContain('时间重叠');
    expect(audit().length).toBe(before);
  });

  it('refuses a second cadre at a full host', async () => {
    const e = await fail('shadow.placementCreate', { data: { batchId: b1.id, hostKey: b1.hosts[0].key, cadreId: li.id } });
    expect(e.message).toContain('水藤村 本期容量 1 人，已安排 1 人（陈建国），不能再安排 李婉婷');
  });

  it('refuses placing the host village’s own 书记 who mentors there', async () => {
    const e = await fail('shadow.placementCreate', { data: { batchId: b1.id, hostKey: b1.hosts[1].key, cadreId: liang.id } });
    expect(e.message).toContain('梁志强 同期担任“2023年第一期”水藤村的导师');
  });

  it('moves a placement 计划 → 在岗 → 结业 with an evaluation, and lists it in the cadre’s history', async () => {
    const p = (await call('shadow.batchGet', { id: b1.id })).placements[0];
    await call('shadow.placementStart', { id: p.id });
    const badEval = await fail('shadow.placementFinish', { id: p.id, evaluation: { grade: '良好' } });
    expect(badEval.message).toContain('请选择等次（优秀/合格/不合格）');
    const done = await call('shadow.placementFinish', { id: p.id, evaluation: { grade: '优秀', mentorComment: '工作扎实', reflection: '学到了集体经济的做法', attachments: ['心得体会.docx'] } });
    expect(done.status).toBe('结业');
    expect(done.evaluation?.attachments).toEqual(['心得体会.docx']);
    const hist = await call('programs.cadreHistory', { cadreId: chen.id });
    expect(hist.placements.map((x) => [x.batchName, x.hostLabel, x.mentorLabel, x.status, x.evaluation?.grade])).toEqual([['2023年第一期', '水藤村', '梁志强', '结业', '优秀']]);
    const startAgain = await fail('shadow.placementStart', { id: p.id });
    expect(startAgain.message).toContain('当前状态为“结业”');
  });

  it('stops a placement with reason and date; the stop date becomes its end and frees the place', async () => {
    const saved = await call('shadow.placementCreate', { data: { batchId: b1.id, hostKey: b1.hosts[1].key, cadreId: li.id } });
    const early = await fail('shadow.placementStop', { id: saved.record.id, date: '2023.03.31', reason: '生病' });
    expect(early.message).toContain('中止日期 2023.03.31 不能早于开始日期');
    const monthOnly = await fail('shadow.placementStop', { id: saved.record.id, date: '2023.05', reason: '生病' });
    expect(monthOnly.message).toContain('中止日期应写到具体日期');
    const stopped = await call('shadow.placementStop', { id: saved.record.id, date: '2023.05.15', reason: '生病住院' });
    expect(stopped).toMatchObject({ status: '中止', end: '2023.05.15', plannedEnd: '2023.06.30', stopped: { date: '2023.05.15', reason: '生病住院' } });
    expect(audit().at(-1)?.summary).toBe('跟班中止：李婉婷（2023年第一期）（2023.05.15，生病住院）');
  });

  it('refuses deleting a batch with placements, removing a host in use, or a zero capacity', async () => {
    const del = await fail('shadow.batchDelete', { id: b1.id });
    expect(del.message).toContain('本期还有 2 个跟班安排');
    const drop = await fail('shadow.batchUpdate', { id: b1.id, data: { hosts: [b1.hosts[1]] } });
    expect(drop.message).toContain('被删除的跟班单位已安排 陈建国');
    const zero = await fail('shadow.batchUpdate', { id: b1.id, data: { hosts: [{ ...b1.hosts[0], capacity: 0 }, b1.hosts[1]] } });
    expect(zero.message).toContain('第1个跟班单位的容量：容量至少为 1 人');
  });

  it('edits a placement’s goals with an audit entry, and refuses restoring a placement that now overlaps', async () => {
    const p = t.app.requireSession().doc.shadowPlacements.find((x) => x.cadreId === chen.id && x.batchId === b1.id)!;
    const saved = await call('shadow.placementUpdate', { id: p.id, data: { goals: '学习股份社管理', status: '计划' } });
    expect(saved.record).toMatchObject({ goals: '学习股份社管理', status: '结业' }); // status only changes through its own methods
    expect(audit().at(-1)).toMatchObject({ action: 'shadowPlacements.update', summary: '修改跟班安排：陈建国（2023年第一期）', after: { goals: '学习股份社管理' } });

    await call('shadow.placementDelete', { id: p.id });
    const b4 = (await call('shadow.batchCreate', {
      data: { name: '2023年补充期', year: 2023, start: '2023.05.01', end: '2023.05.31', hosts: [{ kind: '镇街部门', townCode: '440606005', department: '规划', mentorName: '何科长', capacity: 1 }] },
    })).record;
    await call('shadow.placementCreate', { data: { batchId: b4.id, hostKey: b4.hosts[0].key, cadreId: chen.id } });
    const e = await fail('shadow.placementRestore', { id: p.id });
    expect(e.message).toContain('陈建国 已在“2023年补充期”（大良规划）跟班（2023.05.01–2023.05.31）');
    const clash = t.app.requireSession().doc.shadowPlacements.find((x) => x.batchId === b4.id)!;
    await call('shadow.placementDelete', { id: clash.id });
    await call('shadow.placementRestore', { id: p.id });
  });

  it('exports the batch roster with ID numbers as text', async () => {
    const r = await call('shadow.exportRoster', { batchId: b1.id });
    expect(r.fileName).toBe('2023年第一期-跟班花名册.xlsx');
    const wb = XLSX.read(Buffer.from(r.base64, 'base64'));
    const ws = wb.Sheets['跟班花名册'];
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 });
    expect(rows[1]).toContain('身份证号码');
    const chenRow = rows.find((x) => x[1] === '陈建国')!;
    expect(chenRow[4]).toBe(chen.idNumber);
    expect(ws[XLSX.utils.encode_cell({ r: rows.indexOf(chenRow), c: 4 })].t).toBe('s');
    expect(chenRow.slice(8, 14)).toEqual(['水藤村', '梁志强', '2023.04.01', '2023.06.30', '结业', '优秀']);
  });

  it('cancelling a batch stops running placements and bins the ones not yet started', async () => {
    const b3 = (await call('shadow.batchCreate', {
      data: { name: '2024年第一期', year: 2024, start: '2024.03.01', end: '2024.05.31', hosts: [{ kind: '镇街部门', townCode: '440606005', department: '政法', mentorName: '周科长', capacity: 5 }] },
    })).record;
    const running = (await call('shadow.placementCreate', { data: { batchId: b3.id, hostKey: b3.hosts[0].key, cadreId: chen.id, status: '在岗' } })).record;
    const later = (await call('shadow.placementCreate', { data: { batchId: b3.id, hostKey: b3.hosts[0].key, cadreId: li.id, start: '2024.04.01', end: '2024.05.31' } })).record;
    await call('shadow.batchCancel', { id: b3.id, date: '2024.03.20', reason: '防汛工作需要' });
    const doc = t.app.requireSession().doc;
    expect(doc.shadowPlacements.find((p) => p.id === running.id)).toMatchObject({ status: '中止', end: '2024.03.20', stopped: { reason: '期次取消：防汛工作需要' } });
    expect(doc.shadowPlacements.find((p) => p.id === later.id)?.deletedAt).toBeTruthy();
    const restore = await fail('shadow.placementRestore', { id: later.id });
    expect(restore.message).toContain('已于 2024.03.20 取消');
  });
});

describe('书记跟班 roster import', () => {
  it('reports each row by Excel row number, counts earlier rows against capacity, and imports only good rows in one save', async () => {
    const b = (await call('shadow.batchCreate', {
      data: {
        name: '2025年第一期', year: 2025, start: '2025.04.01', end: '2025.06.30',
        hosts: [
          { kind: '村（社区）', villageId: strong.id, mentorName: '梁书记', capacity: 1 },
          { kind: '镇街部门', townCode: '440606005', department: '规划', mentorName: '何科长', capacity: 5 },
        ],
      },
    })).record;
    const ws = XLSX.utils.aoa_to_sheet([
      ['2025年第一期书记跟班花名册'],
      ['序号', '姓名', '身份证号码', '跟班单位', '开始日期', '结束日期', '跟班目标'],
      [1, '陈建国', chen.idNumber, '杏坛水藤村', '', '', '学习物业管理'],
      [2, '李婉婷', '', '水藤村', '2025.4.1', '2025-06-30', ''],
      [3, '周思琪', '', '大良规划', '', '', ''],
      [4, '梁志强', 440606197001010000, '大良规划', '', '', ''],
      [5, '李婉婷', li.idNumber, '北滘组织', '', '', ''],
      [6, '李婉婷', li.idNumber, '大良规划', '2025.13.01', '', ''],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '花名册');
    const base64 = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');

    const before = t.app.requireSession().doc.shadowPlacements.length;
    const preview = await call('shadow.importRoster', { batchId: b.id, fileName: '花名册.xlsx', base64 });
    expect(preview.rows.map((r) => [r.excelRow, r.level])).toEqual([[3, 'ok'], [4, 'error'], [5, 'error'], [6, 'error'], [7, 'error'], [8, 'error']]);
    expect(preview.rows[0]).toMatchObject({ name: '陈建国', hostLabel: '水藤村', start: '2025.04.01', end: '2025.06.30' });
    expect(preview.rows[1].messages).toEqual(['第 4 行：水藤村 本期容量 1 人，已安排 1 人（陈建国），不能再安排 李婉婷']);
    expect(preview.rows[2].messages).toEqual(['第 5 行：干部档案中没有“周思琪”，请先建档']);
    expect(preview.rows[3].messages[0]).toContain('第 6 行：身份证号码：身份证号码被 Excel 存成了数字');
    expect(preview.rows[4].messages).toEqual(['第 7 行：跟班单位“北滘组织”不是本期的跟班单位（本期有：水藤村、大良规划）']);
    expect(preview.rows[5].messages[0]).toContain('第 8 行：开始日期');
    expect(preview.importable).toBe(1);
    expect(t.app.requireSession().doc.shadowPlacements.length).toBe(before); // a preview saves nothing

    const done = await call('shadow.importRoster', { batchId: b.id, fileName: '花名册.xlsx', base64, commit: true });
    expect(done.created).toBe(1);
    const added = t.app.requireSession().doc.shadowPlacements.slice(before);
    expect(added.map((p) => [p.cadreId, p.goals, p.status])).toEqual([[chen.id, '学习物业管理', '计划']]);
    expect(audit().at(-1)?.summary).toBe('导入跟班花名册“花名册.xlsx”：陈建国（2025年第一期）2025.04.01–2025.06.30');
  });

  it('round-trips: an exported roster imported into another batch finds the same cadres', async () => {
    const src = (await call('shadow.batchList', { deleted: false })).find((r) => r.name === '2025年第一期')!;
    const exported = await call('shadow.exportRoster', { batchId: src.id });
    const target = (await call('shadow.batchCreate', {
      data: { name: '2025年第二期', year: 2025, start: '2025.07.01', end: '2025.09.30', hosts: [{ kind: '村（社区）', villageId: strong.id, mentorName: '梁书记', capacity: 3 }] },
    })).record;
    const preview = await call('shadow.importRoster', { batchId: target.id, fileName: 'x.xlsx', base64: exported.base64 });
    // Dates come from the file, so 陈建国 would be in both batches at once: refused, with the period warning too.
    expect(preview.rows.map((r) => [r.excelRow, r.name, r.level])).toEqual([[3, '陈建国', 'error']]);
    expect(preview.rows[0].messages).toEqual([
      expect.stringContaining('第 3 行：陈建国 已在“2025年第一期”（水藤村）跟班（2025.04.01–2025.06.30）'),
      expect.stringContaining('第 3 行：陈建国 的跟班时间 2025.04.01–2025.06.30 超出“2025年第二期”的期限'),
    ]);
    expect(preview.importable).toBe(0);
  });
});

describe('智库结对 handlers', () => {
  let wang: Expert, zhao: Expert, pair: MentorPair;

  it('creates experts and a 多对一 pair, refusing the same expert twice', async () => {
    wang = await call('mentoring.expertCreate', { data: { name: '王教授', unit: '华南农业大学', fields: ['乡村振兴'], joined: '2023.01' } });
    zhao = await call('mentoring.expertCreate', { data: { name: '赵律师', joined: '2023.03' } });
    const twice = await fail('mentoring.pairCreate', { data: { kind: '多对一', expertIds: [wang.id, wang.id], cadreId: chen.id, start: '2023.04' } });
    expect(twice.message).toContain('专家 王教授 在本结对中重复出现 2 次');
    const saved = await call('mentoring.pairCreate', { data: { kind: '多对一', expertIds: [wang.id, zhao.id], targetKind: '村班子', villageId: weak.id, start: '2023.04', goals: '理清集体经济发展思路' } });
    pair = saved.record;
    expect(pair.status).toBe('进行中');
  });

  it('refuses a pair starting before the expert joined', async () => {
    const e = await fail('mentoring.pairCreate', { data: { kind: '一对一', expertIds: [zhao.id], cadreId: li.id, start: '2023.02' } });
    expect(e.message).toContain('结对开始 2023.02 早于 赵律师 加入智库的时间 2023.03');
  });

  it('logs activities, warns about one outside the period, and sums hours per year', async () => {
    await call('mentoring.activityAdd', { pairId: pair.id, data: { date: '2023.05.10', form: '实地指导', hours: 3, content: '走访村集体物业' } });
    const early = await call('mentoring.activityAdd', { pairId: pair.id, data: { date: '2023.03.01', form: '电话', hours: 0.5, content: '电话沟通' } });
    expect(early.findings.map((f) => f.code)).toEqual(['activity-outside']);
    const entry = audit().at(-1)!;
    expect(entry).toMatchObject({ action: 'mentorPairs.activityAdd', summary: '记录结对活动：王教授、赵律师—马东村班子 2023.03.01 电话 0.5 小时', after: { date: '2023.03.01', form: '电话', hours: 0.5 } });
    expect(entry.before).toBeUndefined();
    const bad = await fail('mentoring.activityAdd', { pairId: pair.id, data: { date: '2023.05.10', form: '聚餐', hours: 1, content: 'x' } });
    expect(bad.message).toContain('请选择形式');
    expect(await call('mentoring.summary', {})).toEqual([{ year: 2023, pairs: 1, activities: 2, hours: 3.5 }]);
    const removed = await call('mentoring.activityRemove', { pairId: pair.id, activityId: early.record.activities[0].id });
    expect(removed.activities.map((a) => a.date)).toEqual(['2023.05.10']);
    expect(audit().at(-1)).toMatchObject({ action: 'mentorPairs.activityRemove', before: { date: '2023.03.01' } });
  });

  it('edits an activity in place: same id, re-sorted by date, the period warning, an audit entry of the changed fields', async () => {
    const added = await call('mentoring.activityAdd', { pairId: pair.id, data: { date: '2023.06.02', form: '座谈', hours: 2, content: '座谈股份社分红' } });
    const target = added.record.activities.find((a) => a.date === '2023.06.02')!;
    const before = audit().length;

    const moved = await call('mentoring.activityUpdate', { pairId: pair.id, activityId: target.id, data: { date: '2023.03.20', hours: 2.5 } });
    expect(moved.findings.map((f) => f.message)).toEqual(['活动日期 2023.03.20 不在结对期限 2023.04–至今 内']);
    expect(moved.record.activities.map((a) => `${a.date} ${a.form} ${a.hours} ${a.content}`)).toEqual(['2023.03.20 座谈 2.5 座谈股份社分红', '2023.05.10 实地指导 3 走访村集体物业']);
    expect(moved.record.activities[0]).toMatchObject({ id: target.id, createdAt: target.createdAt });
    expect(audit().length).toBe(before + 1);
    expect(audit().at(-1)).toMatchObject({
      action: 'mentorPairs.activityUpdate',
      summary: '修改结对活动：王教授、赵律师—马东村班子 2023.03.20 座谈 2.5 小时',
      before: { id: target.id, date: '2023.06.02', hours: 2 },
      after: { id: target.id, date: '2023.03.20', hours: 2.5 },
    });
    expect(Object.keys(audit().at(-1)!.after as object).sort()).toEqual(['date', 'hours', 'id']);

    const bad = await fail('mentoring.activityUpdate', { pairId: pair.id, activityId: target.id, data: { content: '  ', hours: -1 } });
    expect(bad.message).toContain('请填写活动内容');
    expect(bad.message).toContain('时长不能为负');
    const gone = await fail('mentoring.activityUpdate', { pairId: pair.id, activityId: 'no-such-activity', data: { hours: 1 } });
    expect(gone.message).toBe('找不到该活动记录，可能已被删除');
    expect(audit().length).toBe(before + 1);

    const back = await call('mentoring.activityUpdate', { pairId: pair.id, activityId: target.id, data: { date: '2023.06.02' } });
    expect(back.findings).toEqual([]);
    expect(await call('mentoring.summary', {})).toEqual([{ year: 2023, pairs: 1, activities: 2, hours: 5.5 }]);
    await call('mentoring.activityRemove', { pairId: pair.id, activityId: target.id });
  });

  it('refuses an expert leaving while a pair runs past that date, then closes the pair and lets them leave', async () => {
    const e = await fail('mentoring.expertLeave', { id: zhao.id, date: '2023.12', reason: '工作调动' });
    expect(e.message).toContain('赵律师 还有 1 个进行中且超过 2023.12 的结对（王教授、赵律师—马东村班子）');
    const closed = await call('mentoring.pairClose', { id: pair.id, status: '已结束', date: '2023.11', reason: '目标完成' });
    expect(closed).toMatchObject({ status: '已结束', end: '2023.11', closed: { date: '2023.11', reason: '目标完成' } });
    const left = await call('mentoring.expertLeave', { id: zhao.id, date: '2023.12', reason: '工作调动' });
    expect(left.left).toBe('2023.12');
  });

  it('soft deletes and restores a pair with audit entries', async () => {
    await call('mentoring.pairDelete', { id: pair.id });
    expect((await call('mentoring.pairList', { deleted: true })).length).toBe(1);
    await call('mentoring.pairRestore', { id: pair.id });
    expect(audit().slice(-2).map((a) => a.action)).toEqual(['mentorPairs.delete', 'mentorPairs.restore']);
  });
});

describe('村居结对 handlers', () => {
  it('refuses a village paired with itself and warns on a second active pair for the helped village', async () => {
    const same = await fail('villagePair.create', { data: { helpedVillageId: weak.id, partnerKind: '村（社区）', partnerVillageId: weak.id, year: 2023 } });
    expect(same.message).toContain('马东村 不能与自己结对');
    const first = await call('villagePair.create', { data: { helpedVillageId: weak.id, partnerKind: '村（社区）', partnerVillageId: strong.id, year: 2023 } });
    expect(first.findings).toEqual([]);
    const second = await call('villagePair.create', { data: { helpedVillageId: weak.id, partnerKind: '企业', partnerName: '美的集团', year: 2024 } });
    expect(second.findings.map((f) => f.message)).toEqual([expect.stringContaining('马东村 已在 2023 年与 水藤村 结对（进行中）')]);
  });

  it('summarises formed pairs per year against the editable target', async () => {
    await call('villagePair.setTarget', { year: 2024, target: 12 });
    const rows = await call('villagePair.summary', {});
    expect(rows.map((r) => [r.year, r.formed, r.target])).toEqual([[2023, 1, 10], [2024, 1, 12]]);
    expect(t.app.requireSession().doc.settings.villagePairTargets).toEqual({ '2023': 10, '2024': 12 });
  });

  it('edits a village pair activity in place, warning when its date falls outside the pair’s year', async () => {
    const pair = (await call('villagePair.list', {})).find((p) => p.year === 2023)!;
    const added = await call('villagePair.activityAdd', { pairId: pair.id, data: { date: '2023.05', form: '座谈', hours: 2, content: '两村班子座谈' } });
    const act = added.record.activities[0];
    const early = await call('villagePair.activityUpdate', { pairId: pair.id, activityId: act.id, data: { date: '2022.12.30', outcomes: '确定帮扶清单' } });
    expect(early.findings.map((f) => f.code)).toEqual(['activity-outside']);
    expect(early.record.activities).toEqual([{ ...act, date: '2022.12.30', outcomes: '确定帮扶清单' }]);
    expect(audit().at(-1)).toMatchObject({ action: 'villagePairs.activityUpdate', summary: '修改村居结对活动：水藤村—马东村（2023） 2022.12.30 座谈', before: { date: '2023.05', outcomes: '' } });
    const ok = await call('villagePair.activityUpdate', { pairId: pair.id, activityId: act.id, data: { date: '2023.05.08' } });
    expect(ok.findings).toEqual([]);
    await call('villagePair.delete', { id: pair.id });
    const binned = await fail('villagePair.activityUpdate', { pairId: pair.id, activityId: act.id, data: { hours: 3 } });
    expect(binned.message).toBe('该村居结对在回收站中，请先恢复再修改');
    await call('villagePair.restore', { id: pair.id });
  });
});

describe('program limits', () => {
  it('changes only the given limit and leaves the other settings as they were', async () => {
    const r = await call('programs.setLimits', { expertLoadLimit: 5 });
    expect(r).toEqual({ youthAgeLimit: 35, expertLoadLimit: 5 });
    const settings = t.app.requireSession().doc.settings;
    expect(settings.villagePairTargets).toEqual({ '2023': 10, '2024': 12 });
    expect(settings.expertLoadLimit).toBe(5);
    const bad = await fail('programs.setLimits', { youthAgeLimit: 10 });
    expect(bad.message).toBe('青年年龄上限不能小于 18');
  });
});

describe('batch list', () => {
  it('counts placed against capacity, not counting stopped placements', async () => {
    const rows = await call('shadow.batchList', { deleted: false });
    const first = rows.find((r) => r.name === '2023年第一期')!;
    expect([first.placed, first.capacity]).toEqual([1, 3]);
  });
});
