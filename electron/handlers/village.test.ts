import { describe, expect, it } from 'vitest';
import { invoke } from './router.js';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-villages-');
const { call, fail } = t;

describe('villages, structure analysis and demo data through the router', () => {
  it('bulk-creates all lines in one save, or none when a line is wrong', async () => {
    const auditBefore = t.app.requireSession().doc.audit.length;
    const bad = await call('village.bulkCreate', { text: '杏坛 逢简村\n佛山 某村' });
    expect(bad.created).toEqual([]);
    expect(bad.errors.map((e) => e.message)).toEqual(['第 2 行：镇街“佛山”不是顺德区的十个镇街之一']);
    expect(t.app.requireSession().doc.villages).toHaveLength(0);

    const ok = await call('village.bulkCreate', { text: '杏坛 逢简村\n乐从 水藤村 村\n大良 金榜社区' });
    expect(ok.created.map((v) => `${v.townCode} ${v.name} ${v.kind} ${v.strength}`)).toEqual([
      '440606105 逢简村 村 一般', '440606103 水藤村 村 一般', '440606005 金榜社区 社区 一般',
    ]);
    const audit = t.app.requireSession().doc.audit.slice(auditBefore);
    expect(audit.map((a) => a.summary)).toEqual(['批量新建村（社区）：杏坛逢简村', '批量新建村（社区）：乐从水藤村', '批量新建村（社区）：大良金榜社区']);

    const again = await call('village.bulkCreate', { text: '杏坛 逢简村' });
    expect(again.errors[0].message).toBe('第 1 行：杏坛已有“逢简村”');
    expect((await fail('village.bulkCreate', { text: '\n \n' })).message).toContain('没有可添加的行');
  });

  it('names the field in Chinese when a village is invalid', async () => {
    const e = await fail('village.create', { data: { name: '测试村', townCode: '440606105', weakLax: { year: 1999, status: '整顿中' }, vitality: [{ stars: 6 }] } });
    expect(e.fields).toEqual({ 'weakLax.year': '列入年份应在 2000–2100 之间', 'vitality.0.year': '请填写活力指数的年度', 'vitality.0.stars': '星级应为 1–5 星' });
    expect((await fail('village.create', { data: { name: ' ', townCode: '' } })).fields).toEqual({ name: '村（社区）名称不能为空', townCode: '请选择所属镇街' });
  });

  it('refuses renaming onto, or restoring over, a live namesake in the same town', async () => {
    const [fengjian] = (await call('village.list', {})).filter((v) => v.name === '逢简村');
    const other = await call('village.create', { data: { name: '马齐村', townCode: '440606105' } });
    expect((await fail('village.update', { id: other.id, data: { name: '逢简村' } })).message).toBe('杏坛已有“逢简村”');
    await call('village.delete', { id: fengjian.id });
    const twin = await call('village.create', { data: { name: '逢简村', townCode: '440606105' } });
    expect((await fail('village.restore', { id: fengjian.id })).code).toBe('CONFLICT');
    await call('village.delete', { id: twin.id });
    await call('village.restore', { id: fengjian.id });
  });

  it('counts each village team and reserves, and analyses the structure at a reference date', async () => {
    const fengjian = (await call('village.list', {})).find((v) => v.name === '逢简村')!;
    await call('cadre.create', { data: { name: '梁国良', sex: '男', birth: '1970.05', idNumber: id18('19700515', '011'), villageId: fengjian.id, villagePost: '书记、主任一肩挑', politicalStatus: '中共党员', fullTimeEducation: { level: '大专' } } });
    await call('cadre.create', { data: { name: '何丽娟', sex: '女', birth: '1990.06', idNumber: id18('19900615', '022'), villageId: fengjian.id, villagePost: '党组织委员', tags: ['后备'] } });
    await call('cadre.create', { data: { name: '苏婉婷', sex: '女', birth: '1995.01', idNumber: id18('19950115', '042'), villageId: fengjian.id, villagePost: '后备干部' } });
    const counts = await call('village.teamCounts', {});
    expect(counts[fengjian.id]).toEqual({ team: 2, reserves: 2, secretary: '梁国良' });

    const r = await call('analysis.structure', { townCode: '440606105', refDate: '2026.06.01' });
    expect(r.towns).toHaveLength(1);
    expect(r.towns[0]).toMatchObject({ label: '杏坛', villages: 2, members: 2, ageBands: [0, 1, 0, 1], secretaries: 1, avgSecretaryAge: 56, women: 1, college: 1, party: 1, oneShoulder: 1, reserves: 2, reserveTarget: 4 });
    expect(r.district.villages).toBe(4);
    expect((await fail('analysis.structure', { refDate: '2026-06-01' })).message).toBe('参考日期应写成 2026.06.01 的形式');
    expect((await fail('analysis.structure', { townCode: '440606999' })).message).toBe('请选择镇街');
  });

  it('refuses to load 示例 data into a vault with real records', async () => {
    const e = await fail('demo.load', {});
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/^档案库中已有 \d+ 条正式记录，不能再载入示例数据/);
    expect(t.app.requireSession().doc.meta.demo).toBe(false);
  });
});

describe('demo.load and demo.clear', () => {
  const demo = useTestApp('cadre-villages-demo-');

  it('fills an empty vault, marks it, and clears only the 示例 records', async () => {
    const load = await invoke(demo.app, 'demo.load', {});
    expect(load).toMatchObject({ ok: true, value: { cadres: 2000 } });
    const doc = demo.app.requireSession().doc;
    expect(doc.meta.demo).toBe(true);
    expect(doc.villages.length).toBeGreaterThan(80);
    expect((await invoke(demo.app, 'demo.load', {})).ok).toBe(false);

    // A real cadre entered into the demo vault survives the clear, minus its link to a demo village.
    const real = await invoke(demo.app, 'cadre.create', { data: { name: '真实人', sex: '男', birth: '1980.01', idNumber: id18('19800115', '031'), villageId: doc.villages[0].id } });
    expect(real.ok).toBe(true);
    const d = demo.app.requireSession().doc;
    const demoRecords = [d.villages, d.cadres, d.experts, d.mentorPairs, d.villagePairs, d.shadowBatches, d.shadowPlacements, d.crossPilots, d.crossCandidates, d.postRecords, d.villageTerms, d.reserveRecords]
      .flat()
      .filter((x) => x.demo).length;
    expect(demoRecords).toBeGreaterThan(2000 + 80);
    const cleared = await invoke(demo.app, 'demo.clear', {});
    expect(cleared).toEqual({ ok: true, value: { removed: demoRecords } });
    const after = demo.app.requireSession().doc;
    expect(after.meta.demo).toBe(false);
    expect(after.villages).toEqual([]);
    expect(
      [after.experts, after.mentorPairs, after.villagePairs, after.shadowBatches, after.shadowPlacements, after.crossPilots, after.crossCandidates, after.postRecords, after.villageTerms, after.reserveRecords].map((l) => l.length),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(after.cadres.map((c) => [c.name, c.villageId])).toEqual([['真实人', undefined]]);
    expect(after.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['demo.load', 'demo.clear']));
  });
});
