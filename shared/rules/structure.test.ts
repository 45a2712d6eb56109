import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandIndex, analyzeStructure, reservesPerPost, share, structureTable, toCsv, type StructureCadre, type StructureVillage } from './structure.js';

const DALIANG = '440606005';
const RONGGUI = '440606006';
const REF = '2026.06.01';

const villages: StructureVillage[] = [
  { id: 'v1', townCode: DALIANG },
  { id: 'v2', townCode: DALIANG },
  { id: 'v3', townCode: RONGGUI },
  { id: 'v4', townCode: RONGGUI, deletedAt: '2026-01-01T00:00:00Z' },
];

function cadre(over: Partial<StructureCadre> & { edu?: string; partEdu?: string }): StructureCadre {
  const { edu = '高中', partEdu = '', ...rest } = over;
  return {
    sex: '男', birth: '1980.01', politicalStatus: '群众', tags: [],
    fullTimeEducation: { level: edu }, partTimeEducation: { level: partEdu },
    ...rest,
  };
}

// Hand-built: every number below is worked out by hand in the comments.
const cadres: StructureCadre[] = [
  // 大良
  cadre({ villageId: 'v1', villagePost: '党组织书记', birth: '1970.05', politicalStatus: '中共党员', edu: '大专' }), // 56, 书记
  cadre({ villageId: 'v1', villagePost: '村委会主任', sex: '女', birth: '1990.06', edu: '高中', partEdu: '大学' }), // 36 exactly (birth month = ref month)
  cadre({ villageId: 'v2', villagePost: '书记、主任一肩挑', birth: '1980.07', politicalStatus: '党员', edu: '本科' }), // 45 (birthday not yet reached), 一肩挑
  cadre({ villageId: 'v2', villagePost: '党组织委员', sex: '女', birth: '1991.06', politicalStatus: '中共预备党员', edu: '中专' }), // 35
  cadre({ villageId: 'v1', villagePost: '后备干部', sex: '女', birth: '1995.01' }), // reserve only, not in the team
  cadre({ villageId: 'v2', villagePost: '村委会委员', tags: ['后备'], birth: '1971.06', politicalStatus: '中共党员', edu: '初中' }), // 55, member and reserve
  cadre({ villageId: 'v1', villagePost: '党组织副书记', deletedAt: '2026-02-01T00:00:00Z' }), // in 回收站: ignored
  // 容桂
  cadre({ villageId: 'v3', villagePost: '党组织书记', birth: '1966.12', politicalStatus: '中共党员', edu: '研究生' }), // 59
  cadre({ villageId: 'v3', villagePost: '村民小组长', sex: '女' }), // not 两委: ignored
  cadre({ villageId: 'v4', villagePost: '党组织委员' }), // village in 回收站: unassigned
  cadre({ villagePost: '后备干部' }), // no village: unassigned
];

describe('analyzeStructure', () => {
  const report = analyzeStructure(cadres, villages, REF);
  const daliang = report.towns.find((t) => t.townCode === DALIANG)!;
  const ronggui = report.towns.find((t) => t.townCode === RONGGUI)!;

  it('lists all ten 镇街 in the fixed order, with the district total apart', () => {
    expect(report.towns.map((t) => t.label)).toEqual(['大良', '容桂', '伦教', '勒流', '陈村', '北滘', '乐从', '龙江', '杏坛', '均安']);
    expect(report.district.label).toBe('全区');
    expect(report.refDate).toBe(REF);
  });

  it('counts 大良 exactly', () => {
    expect(daliang).toEqual({
      townCode: DALIANG,
      label: '大良',
      villages: 2,
      members: 5,
      ageBands: [1, 2, 1, 1],
      secretaries: 2,
      avgSecretaryAge: 50.5, // (56 + 45) / 2
      women: 2,
      college: 3, // 大专, 在职大学, 本科
      party: 4, // 中共党员, 党员, 中共预备党员, 中共党员
      oneShoulder: 1,
      reserves: 2, // post 后备干部 + tag 后备
      reserveTarget: 4,
    });
  });

  it('leaves out villages in the 回收站 and counts 容桂 exactly', () => {
    expect(ronggui).toMatchObject({ villages: 1, members: 1, ageBands: [0, 0, 0, 1], secretaries: 1, avgSecretaryAge: 59, women: 0, college: 1, party: 1, reserves: 0, reserveTarget: 2 });
  });

  it('adds up the district and reports unplaceable cadres', () => {
    expect(report.district).toMatchObject({
      villages: 3, members: 6, ageBands: [1, 2, 1, 2], secretaries: 3,
      avgSecretaryAge: 53.3, // (56 + 45 + 59) / 3 = 53.33
      women: 2, college: 4, party: 5, oneShoulder: 1, reserves: 2, reserveTarget: 6,
    });
    expect(report.unassigned).toBe(2);
  });

  it('gives an empty 镇街 zeros and no average', () => {
    const lunjiao = report.towns.find((t) => t.label === '伦教')!;
    expect(lunjiao.members).toBe(0);
    expect(lunjiao.avgSecretaryAge).toBeNull();
    expect(share(lunjiao.women, lunjiao.members)).toBeNull();
  });

  it('ages move with the reference date', () => {
    // One year earlier everybody is a year younger: 1990.06 (36) drops into ≤35.
    const earlier = analyzeStructure(cadres, villages, '2025.06.01');
    expect(earlier.towns[0].ageBands).toEqual([2, 1, 2, 0]);
    expect(earlier.towns[0].avgSecretaryAge).toBe(49.5);
  });

  it('restricts the 镇街 list to one town but keeps the district total', () => {
    const one = analyzeStructure(cadres, villages, REF, RONGGUI);
    expect(one.towns.map((t) => t.label)).toEqual(['容桂']);
    expect(one.district.members).toBe(6);
  });
});

describe('age bands', () => {
  it('puts 35 in the first band and 36, 45, 46, 55, 56 where the plan says', () => {
    expect([35, 36, 45, 46, 55, 56].map(ageBandIndex)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(AGE_BANDS.map((b) => b.label)).toEqual(['35岁及以下', '36–45岁', '46–55岁', '56岁及以上']);
  });
});

describe('structureTable and CSV', () => {
  const report = analyzeStructure(cadres, villages, REF);
  const table = structureTable(report);
  const col = (name: string) => table.header.indexOf(name);

  it('shows percentages and the 1:x reserve ratio', () => {
    const dl = table.rows[0];
    expect(dl[0]).toBe('大良');
    expect(dl[col('女性占比')]).toBe('40.0%');
    expect(dl[col('大专及以上占比')]).toBe('60.0%');
    expect(dl[col('党员占比')]).toBe('80.0%');
    expect(dl[col('一肩挑占书记比例')]).toBe('50.0%');
    expect(dl[col('书记平均年龄')]).toBe('50.5');
    expect(dl[col('后备与书记岗位比')]).toBe('1:1.00');
    expect(reservesPerPost(report.towns[0])).toBe(1);
    const last = table.rows.at(-1)!;
    expect(last[0]).toBe('全区');
    expect(last[col('女性占比')]).toBe('33.3%');
    const lunjiao = table.rows[2];
    expect(lunjiao[col('女性占比')]).toBe('—');
    expect(lunjiao[col('后备与书记岗位比')]).toBe('—');
  });

  it('writes CSV Excel opens as UTF-8, quoting cells that need it', () => {
    const csv = toCsv(['名称', '备注'], [['大良', '含,逗号'], ['容桂', '引"号']], ['参考日期 2026.06.01']);
    expect(csv.startsWith('\uFEFF参考日期 2026.06.01\r\n名称,备注\r\n')).toBe(true);
    expect(csv).toContain('大良,"含,逗号"\r\n');
    expect(csv).toContain('容桂,"引""号"\r\n');
  });
});
