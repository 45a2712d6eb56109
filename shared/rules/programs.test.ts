import { describe, expect, it } from 'vitest';
import type { Activity, Expert, MentorPair, ShadowBatch, ShadowHost, ShadowPlacement, VillagePair } from '../domain/programs.js';
import { expertInputSchema, mentorPairInputSchema, shadowBatchInputSchema, shadowPlacementInputSchema, villagePairInputSchema } from '../domain/programs.js';
import {
  checkActivity,
  checkBatch,
  checkMentorPair,
  checkPlacement,
  checkVillagePair,
  endKey,
  hasErrors,
  periodsOverlap,
  yearlySummary,
  type CadreInfo,
  type Finding,
  type MentoringContext,
  type ShadowContext,
  type VillageInfo,
} from './programs.js';

const meta = (id: string) => ({ id, createdAt: '2023-01-01T00:00:00Z', updatedAt: '2023-01-01T00:00:00Z' });
const codes = (fs: Finding[]) => fs.map((f) => `${f.level}:${f.code}`);

const villages = new Map<string, VillageInfo>([
  ['v-strong', { id: 'v-strong', name: '水藤村', townCode: '440606105', strength: '强', demonstration: null, weakLax: null }],
  ['v-demo', { id: 'v-demo', name: '逢简村', townCode: '440606105', strength: '一般', demonstration: '区级', weakLax: null }],
  ['v-weak', { id: 'v-weak', name: '马东村', townCode: '440606105', strength: '弱', demonstration: null, weakLax: { year: 2023, status: '整顿中' } }],
  ['v-home', { id: 'v-home', name: '光华村', townCode: '440606005', strength: '一般', demonstration: null, weakLax: null }],
]);

const cadres = new Map<string, CadreInfo>([
  ['c-chen', { id: 'c-chen', name: '陈建国', birth: '1980.05', villageId: 'v-home', tags: [] }],
  ['c-li', { id: 'c-li', name: '李婉婷', birth: '1990.03', villageId: 'v-home', tags: ['青年'] }],
  ['c-mentor', { id: 'c-mentor', name: '梁志强', birth: '1970.01', villageId: 'v-strong', tags: [] }],
  ['c-host', { id: 'c-host', name: '何俊杰', birth: '1985.01', villageId: 'v-strong', tags: [] }],
  ['c-gone', { id: 'c-gone', name: '周思琪', birth: '1985.01', villageId: 'v-home', tags: [], deletedAt: '2023-02-01T00:00:00Z' }],
]);

function host(key: string, over: Partial<ShadowHost> = {}): ShadowHost {
  return { key, kind: '村（社区）', villageId: 'v-strong', department: '', mentorName: '', capacity: 2, ...over };
}

function batch(id: string, over: Partial<ShadowBatch> = {}): ShadowBatch {
  return {
    ...meta(id),
    ...shadowBatchInputSchema.parse({ name: `第${id}期`, year: 2023, start: '2023.04.01', end: '2023.06.30', hosts: [host('h1')] }),
    ...over,
  };
}

function placement(id: string, over: Partial<ShadowPlacement> = {}): ShadowPlacement {
  return {
    ...meta(id),
    ...shadowPlacementInputSchema.parse({ batchId: 'b1', hostKey: 'h1', cadreId: 'c-chen', start: '2023.04.01', end: '2023.06.30' }),
    ...over,
  };
}

function shadowCtx(batches: ShadowBatch[], placements: ShadowPlacement[] = []): ShadowContext {
  return { batches, placements, cadres, villages, youthAgeLimit: 35 };
}

describe('periodsOverlap', () => {
  it('counts touching end = start as overlap, the day after as free', () => {
    expect(periodsOverlap({ start: '2023.04.01', end: '2023.06.30' }, { start: '2023.06.30', end: '2023.09.30' })).toBe(true);
    expect(periodsOverlap({ start: '2023.04.01', end: '2023.06.30' }, { start: '2023.07.01', end: '2023.09.30' })).toBe(false);
  });
  it('treats a month-only end as the whole month and an empty end as open', () => {
    expect(periodsOverlap({ start: '2023.01', end: '2023.06' }, { start: '2023.06.30', end: '2023.07.10' })).toBe(true);
    expect(periodsOverlap({ start: '2023.01', end: '' }, { start: '2030.01.01', end: '2030.02.01' })).toBe(true);
    expect(endKey('2023.06')).toBeGreaterThan(endKey('2023.06.30') - 1);
  });
  it('an empty range (stopped before it began) overlaps nothing', () => {
    expect(periodsOverlap({ start: '2023.04.01', end: '2023.03.31' }, { start: '2023.01.01', end: '2023.12.31' })).toBe(false);
  });
});

describe('checkPlacement', () => {
  const b1 = batch('b1', { hosts: [host('h1', { capacity: 2 }), host('h2', { villageId: 'v-home' })] });

  it('accepts a clean placement without findings', () => {
    expect(checkPlacement(placement('new'), b1, shadowCtx([b1]))).toEqual([]);
  });

  it('refuses the same cadre in an overlapping placement of another batch, naming batch, host and dates', () => {
    const b2 = batch('b2', { name: '2023年第二期', start: '2023.06.30', end: '2023.09.30' });
    const existing = placement('p1', { batchId: 'b2', start: '2023.06.30', end: '2023.09.30' });
    const fs = checkPlacement(placement('new'), b1, shadowCtx([b1, b2], [existing]));
    expect(codes(fs)).toEqual(['error:cadre-overlap']);
    expect(fs[0].message).toContain('陈建国 已在“2023年第二期”（水藤村）跟班（2023.06.30–2023.09.30）');
    expect(fs[0].message).toContain('首尾同一天也算重叠');
  });

  it('allows the next placement to start the day after the previous ends', () => {
    const b2 = batch('b2', { start: '2023.07.01', end: '2023.09.30' });
    const existing = placement('p1', { batchId: 'b2', start: '2023.07.01', end: '2023.09.30' });
    expect(checkPlacement(placement('new'), b1, shadowCtx([b1, b2], [existing]))).toEqual([]);
  });

  it('ignores deleted placements and the placement itself when editing', () => {
    const self = placement('p1');
    const deleted = placement('p2', { deletedAt: '2023-05-01T00:00:00Z' });
    expect(checkPlacement({ ...self }, b1, shadowCtx([b1], [self, deleted]))).toEqual([]);
  });

  it('a stopped placement only blocks the days it covered', () => {
    const stopped = placement('p1', { status: '中止', start: '2023.04.01', end: '2023.04.20', plannedEnd: '2023.06.30' });
    const later = placement('new', { start: '2023.04.21', end: '2023.06.30' });
    expect(checkPlacement(later, b1, shadowCtx([b1], [stopped]))).toEqual([]);
    const clash = placement('new', { start: '2023.04.20', end: '2023.06.30' });
    expect(codes(checkPlacement(clash, b1, shadowCtx([b1], [stopped])))).toEqual(['error:cadre-overlap']);
  });

  it('capacity exactly reached is fine; one more is refused with the names already placed', () => {
    const one = placement('p1', { cadreId: 'c-li', start: '2023.04.01', end: '2023.06.30' });
    expect(checkPlacement(placement('new'), b1, shadowCtx([b1], [one]))).toEqual([]);
    const two = placement('p2', { cadreId: 'c-host', hostKey: 'h1' });
    const fs = checkPlacement(placement('new'), b1, shadowCtx([b1], [one, two]));
    expect(codes(fs)).toEqual(['error:capacity']);
    expect(fs[0].message).toBe('水藤村 本期容量 2 人，已安排 2 人（李婉婷、何俊杰），不能再安排 陈建国');
  });

  it('a 中止 placement frees its place; other hosts and batches do not count', () => {
    const stopped = placement('p1', { cadreId: 'c-li', status: '中止' });
    const other = placement('p2', { cadreId: 'c-host', hostKey: 'h2' });
    const elsewhere = placement('p3', { cadreId: 'c-mentor', batchId: 'b9' });
    const full = batch('b1', { hosts: [host('h1', { capacity: 1 }), host('h2', { villageId: 'v-demo' })] });
    expect(codes(checkPlacement(placement('new'), full, shadowCtx([full], [stopped, other, elsewhere])))).toEqual([]);
  });

  it('refuses a host that is the cadre’s own village', () => {
    const fs = checkPlacement(placement('new', { hostKey: 'h2' }), b1, shadowCtx([b1]));
    expect(codes(fs)).toEqual(['error:own-village']);
    expect(fs[0].message).toContain('光华村 是 陈建国 本人所在的村（社区）');
  });

  it('a department host is never the cadre’s own village', () => {
    const b = batch('b1', { hosts: [{ key: 'd1', kind: '镇街部门', townCode: '440606005', department: '组织', mentorName: '黄主任', capacity: 1 }] });
    expect(checkPlacement(placement('new', { hostKey: 'd1' }), b, shadowCtx([b]))).toEqual([]);
  });

  it('warns (does not refuse) when a 青年 cadre is over the age limit at the start date', () => {
    // 李婉婷 born 1990.03: 35 on 2025.04.01 (at the limit), 36 on 2026.04.01.
    const b25 = batch('b1', { start: '2025.04.01', end: '2025.06.30' });
    expect(checkPlacement(placement('new', { cadreId: 'c-li', start: '2025.04.01', end: '2025.06.30' }), b25, shadowCtx([b25]))).toEqual([]);
    const b26 = batch('b1', { start: '2026.04.01', end: '2026.06.30' });
    const fs = checkPlacement(placement('new', { cadreId: 'c-li', start: '2026.04.01', end: '2026.06.30' }), b26, shadowCtx([b26]));
    expect(codes(fs)).toEqual(['warning:youth-age']);
    expect(fs[0].message).toContain('李婉婷 跟班开始时 36 岁，超过青年年龄上限 35 岁');
    expect(hasErrors(fs)).toBe(false);
  });

  it('a 青年 batch warns for any cadre over the limit, with the configured limit', () => {
    const youth = batch('b1', { youth: true });
    const fs = checkPlacement(placement('new'), youth, { ...shadowCtx([youth]), youthAgeLimit: 40 });
    expect(codes(fs)).toEqual(['warning:youth-age']);
    expect(fs[0].message).toContain('42 岁，超过青年年龄上限 40 岁');
  });

  it('refuses placing the host’s own mentor there', () => {
    const b = batch('b1', { hosts: [host('h1', { mentorCadreId: 'c-mentor' })] });
    const fs = checkPlacement(placement('new', { cadreId: 'c-mentor' }), b, shadowCtx([b]));
    expect(codes(fs)).toContain('error:mentor-is-cadre');
  });

  it('refuses placing a cadre who mentors elsewhere in the same period, but not in another period', () => {
    const other = batch('b2', { name: '2023年第二期', hosts: [host('h1', { villageId: 'v-demo', mentorCadreId: 'c-chen' })] });
    const fs = checkPlacement(placement('new'), b1, shadowCtx([b1, other]));
    expect(codes(fs)).toEqual(['error:cadre-is-mentor']);
    expect(fs[0].message).toContain('陈建国 同期担任“2023年第二期”逢简村的导师');
    const later = batch('b2', { start: '2023.07.01', end: '2023.09.30', hosts: [host('h1', { villageId: 'v-demo', mentorCadreId: 'c-chen' })] });
    expect(checkPlacement(placement('new'), b1, shadowCtx([b1, later]))).toEqual([]);
    const cancelled = { ...other, cancelled: { date: '2023.03.01', reason: '疫情' } };
    expect(checkPlacement(placement('new'), b1, shadowCtx([b1, cancelled]))).toEqual([]);
  });

  it('refuses a placement whose host mentor is himself placed in the same period', () => {
    const b = batch('b1', { hosts: [host('h1', { mentorCadreId: 'c-host' })] });
    const mentorAway = placement('p1', { cadreId: 'c-host', batchId: 'b2', start: '2023.05.01', end: '2023.05.31' });
    const b2 = batch('b2', { name: '外地期', hosts: [host('h1', { villageId: 'v-demo' })] });
    const fs = checkPlacement(placement('new'), b, shadowCtx([b, b2], [mentorAway]));
    expect(codes(fs)).toEqual(['error:mentor-placed']);
    expect(fs[0].message).toContain('导师 何俊杰 同期在“外地期”（逢简村）跟班');
  });

  it('refuses reversed dates, unknown hosts, deleted cadres and cancelled batches', () => {
    expect(codes(checkPlacement(placement('new', { start: '2023.06.01', end: '2023.05.31' }), b1, shadowCtx([b1])))).toEqual(['error:dates-reversed']);
    expect(codes(checkPlacement(placement('new', { hostKey: 'nope' }), b1, shadowCtx([b1])))).toEqual(['error:host-missing']);
    expect(codes(checkPlacement(placement('new', { cadreId: 'c-gone' }), b1, shadowCtx([b1])))).toEqual(['error:cadre-missing']);
    const cancelled = batch('b1', { cancelled: { date: '2023.03.20', reason: '调整计划' } });
    expect(codes(checkPlacement(placement('new'), cancelled, shadowCtx([cancelled])))).toEqual(['error:batch-cancelled']);
  });

  it('warns when the placement runs outside the batch period', () => {
    const fs = checkPlacement(placement('new', { end: '2023.07.15' }), b1, shadowCtx([b1]));
    expect(codes(fs)).toEqual(['warning:outside-batch']);
  });
});

describe('checkBatch', () => {
  it('accepts strong and 示范 village hosts and a department', () => {
    const b = batch('b1', {
      hosts: [host('h1', { mentorName: '梁书记' }), host('h2', { villageId: 'v-demo', mentorCadreId: 'c-mentor' }), { key: 'd', kind: '镇街部门', townCode: '440606005', department: '政法', mentorName: '黄科长', capacity: 1 }],
    });
    expect(checkBatch(b, shadowCtx([b]))).toEqual([]);
  });

  it('warns on a weak host village and a host without a mentor', () => {
    const b = batch('b1', { hosts: [host('h1', { villageId: 'v-weak' })] });
    expect(codes(checkBatch(b, shadowCtx([b])))).toEqual(['warning:host-not-strong', 'warning:mentor-missing']);
  });

  it('refuses duplicate hosts and capacity below the placements already made', () => {
    const b = batch('b1', { hosts: [host('h1', { capacity: 1, mentorName: 'x' }), host('h2', { mentorName: 'y' })] });
    const ps = [placement('p1'), placement('p2', { cadreId: 'c-li' })];
    const fs = checkBatch(b, shadowCtx([b], ps));
    expect(codes(fs)).toEqual(['error:capacity', 'error:host-duplicate']);
    expect(fs[0].message).toBe('水藤村 容量 1 人，少于已安排的 2 人');
  });

  it('refuses removing a host that already has placements', () => {
    const b = batch('b1', { hosts: [host('h2', { villageId: 'v-demo', mentorName: 'x' })] });
    const fs = checkBatch(b, shadowCtx([b], [placement('p1')]));
    expect(codes(fs)).toEqual(['error:host-in-use']);
    expect(fs[0].message).toContain('陈建国');
  });

  it('refuses a mentor who is a placed cadre in the same period', () => {
    const b = batch('b1', { hosts: [host('h1', { mentorCadreId: 'c-chen' })] });
    const away = placement('p1', { batchId: 'b2', start: '2023.06.30', end: '2023.08.31' });
    const fs = checkBatch(b, shadowCtx([b, batch('b2')], [away]));
    expect(codes(fs)).toEqual(['error:mentor-placed']);
  });

  it('warns when the batch year does not match its start date', () => {
    const b = batch('b1', { year: 2026, hosts: [host('h1', { mentorName: 'x' })] });
    const fs = checkBatch(b, shadowCtx([b]));
    expect(codes(fs)).toEqual(['warning:year-mismatch']);
    expect(fs[0].message).toBe('“第b1期”年度填的是 2026 年，但开始日期是 2023.04.01');
  });

  it('refuses reversed dates and warns about placements left outside shortened dates', () => {
    const b = batch('b1', { start: '2023.04.01', end: '2023.05.31', hosts: [host('h1', { mentorName: 'x' })] });
    expect(codes(checkBatch(b, shadowCtx([b], [placement('p1')])))).toEqual(['warning:outside-batch']);
    const r = batch('b1', { start: '2023.07.01', end: '2023.05.31', hosts: [] });
    expect(codes(checkBatch(r, shadowCtx([r])))).toEqual(['error:dates-reversed']);
  });
});

// ───────────────────────────── 智库结对 ─────────────────────────────

function expert(id: string, name: string, over: Partial<Expert> = {}): Expert {
  return { ...meta(id), ...expertInputSchema.parse({ name, joined: '2023.01' }), ...over };
}
const experts = new Map([
  ['e1', expert('e1', '王教授')],
  ['e2', expert('e2', '赵律师')],
  ['e3', expert('e3', '孙规划师', { joined: '2023.06', left: '2024.12' })],
  ['e-del', expert('e-del', '钱会计', { deletedAt: '2023-03-01T00:00:00Z' })],
]);

function pair(id: string, over: Partial<MentorPair> = {}): MentorPair {
  return { ...meta(id), ...mentorPairInputSchema.parse({ kind: '一对一', expertIds: ['e1'], cadreId: 'c-chen', start: '2023.04' }), ...over };
}
function mctx(pairs: MentorPair[] = [], limit = 3): MentoringContext {
  return { experts, pairs, cadres, villages, expertLoadLimit: limit };
}

describe('checkMentorPair', () => {
  it('accepts a one-to-one pair and a 多对一 pair with a village 班子', () => {
    expect(checkMentorPair(pair('new'), mctx())).toEqual([]);
    expect(checkMentorPair(pair('new', { kind: '多对一', expertIds: ['e1', 'e2'], targetKind: '村班子', cadreId: undefined, villageId: 'v-weak' }), mctx())).toEqual([]);
  });

  it('refuses a 多对一 pair listing the same expert twice, and says it needs two different experts', () => {
    const fs = checkMentorPair(pair('new', { kind: '多对一', expertIds: ['e1', 'e1'] }), mctx());
    expect(codes(fs)).toEqual(['error:expert-twice', 'error:kind-experts']);
    expect(fs[0].message).toBe('专家 王教授 在本结对中重复出现 2 次，每位专家只能列一次');
    expect(fs[1].message).toContain('至少需要两位不同的专家，现有 1 位');
  });

  it('a 多对一 pair with a repeated expert among others is still refused for the repeat', () => {
    expect(codes(checkMentorPair(pair('new', { kind: '多对一', expertIds: ['e1', 'e2', 'e1'] }), mctx()))).toEqual(['error:expert-twice']);
  });

  it('一对一 takes exactly one expert and one cadre', () => {
    expect(codes(checkMentorPair(pair('new', { expertIds: ['e1', 'e2'] }), mctx()))).toEqual(['error:kind-experts']);
    expect(codes(checkMentorPair(pair('new', { targetKind: '村班子', villageId: 'v-weak' }), mctx()))).toEqual(['error:kind-target']);
  });

  it('refuses a pair starting before the expert joined or running past the day they left', () => {
    expect(codes(checkMentorPair(pair('new', { expertIds: ['e3'], start: '2023.05', end: '2023.12' }), mctx()))).toEqual(['error:tenure']);
    expect(checkMentorPair(pair('new', { expertIds: ['e3'], start: '2023.06', end: '2024.12' }), mctx())).toEqual([]);
    expect(checkMentorPair(pair('new', { expertIds: ['e3'], start: '2023.06.01', end: '2024.12.31' }), mctx())).toEqual([]);
    const past = checkMentorPair(pair('new', { expertIds: ['e3'], start: '2023.06', end: '2025.01' }), mctx());
    expect(codes(past)).toEqual(['error:tenure']);
    expect(past[0].message).toBe('孙规划师 在智库任期至 2024.12，结对结束时间 2025.01超出其任期');
    expect(codes(checkMentorPair(pair('new', { expertIds: ['e3'], start: '2023.06', end: '' }), mctx()))).toEqual(['error:tenure']);
  });

  it('warns when an expert goes over the load limit; exactly at the limit is fine', () => {
    const others = [pair('p1', { cadreId: 'c-li' }), pair('p2', { cadreId: 'c-host' })];
    expect(checkMentorPair(pair('new'), mctx(others))).toEqual([]); // third active pair, limit 3
    const three = [...others, pair('p3', { cadreId: 'c-mentor' })];
    const fs = checkMentorPair(pair('new'), mctx(three));
    expect(codes(fs)).toEqual(['warning:expert-load']);
    expect(fs[0].message).toBe('王教授 已有 3 个进行中的结对，再结对将超过每人 3 个的上限');
    expect(checkMentorPair(pair('new'), mctx(three, 4))).toEqual([]);
  });

  it('ended, cancelled and deleted pairs do not count toward the load', () => {
    const others = [pair('p1', { cadreId: 'c-li', status: '已结束' }), pair('p2', { cadreId: 'c-host', status: '已取消' }), pair('p3', { cadreId: 'c-mentor', deletedAt: 'x' })];
    expect(checkMentorPair(pair('new'), mctx(others, 1))).toEqual([]);
  });

  it('refuses a duplicate active pair of the same expert and target, but allows it once the first has ended', () => {
    const fs = checkMentorPair(pair('new'), mctx([pair('p1')]));
    expect(codes(fs)).toEqual(['error:pair-duplicate']);
    expect(fs[0].message).toBe('王教授 与 陈建国 已有进行中的结对（2023.04 起），不能重复结对');
    expect(checkMentorPair(pair('new'), mctx([pair('p1', { status: '已结束' })]))).toEqual([]);
    expect(checkMentorPair(pair('p1'), mctx([pair('p1')]))).toEqual([]); // editing itself
  });

  it('a 多对一 pair sharing one expert with an active pair for the same village is a duplicate', () => {
    const existing = pair('p1', { kind: '多对一', expertIds: ['e1', 'e2'], targetKind: '村班子', cadreId: undefined, villageId: 'v-weak' });
    const fs = checkMentorPair(pair('new', { kind: '多对一', expertIds: ['e2', 'e3'], targetKind: '村班子', cadreId: undefined, villageId: 'v-weak', start: '2023.07', end: '2024.06' }), mctx([existing]));
    expect(codes(fs)).toEqual(['error:pair-duplicate']);
    expect(fs[0].message).toContain('赵律师 与 马东村班子');
  });

  it('refuses deleted experts, missing targets and reversed periods', () => {
    expect(codes(checkMentorPair(pair('new', { expertIds: ['e-del'] }), mctx()))).toEqual(['error:expert-missing']);
    expect(codes(checkMentorPair(pair('new', { cadreId: 'c-gone' }), mctx()))).toEqual(['error:target-missing']);
    expect(codes(checkMentorPair(pair('new', { start: '2023.05', end: '2023.04.30' }), mctx()))).toEqual(['error:dates-reversed']);
    expect(checkMentorPair(pair('new', { start: '2023.05', end: '2023.05' }), mctx())).toEqual([]);
  });
});

// ───────────────────────────── 村居结对 ─────────────────────────────

function vpair(id: string, over: Partial<VillagePair> = {}): VillagePair {
  return { ...meta(id), ...villagePairInputSchema.parse({ helpedVillageId: 'v-weak', partnerKind: '村（社区）', partnerVillageId: 'v-strong', year: 2023 }), ...over };
}

describe('checkVillagePair', () => {
  it('accepts a village partner and a company partner', () => {
    expect(checkVillagePair(vpair('new'), { pairs: [], villages })).toEqual([]);
    expect(checkVillagePair(vpair('new', { partnerKind: '企业', partnerVillageId: undefined, partnerName: '美的集团' }), { pairs: [], villages })).toEqual([]);
  });

  it('refuses a village paired with itself', () => {
    const fs = checkVillagePair(vpair('new', { partnerVillageId: 'v-weak' }), { pairs: [], villages });
    expect(codes(fs)).toEqual(['error:partner-same']);
    expect(fs[0].message).toContain('马东村 不能与自己结对');
  });

  it('warns when the helped village is already in an active pair, not when that pair ended', () => {
    const fs = checkVillagePair(vpair('new', { partnerVillageId: 'v-demo' }), { pairs: [vpair('p1')], villages });
    expect(codes(fs)).toEqual(['warning:helped-twice']);
    expect(fs[0].message).toContain('马东村 已在 2023 年与 水藤村 结对（进行中）');
    expect(checkVillagePair(vpair('new'), { pairs: [vpair('p1', { status: '已结束' })], villages })).toEqual([]);
    expect(checkVillagePair(vpair('new', { status: '已结束' }), { pairs: [vpair('p1')], villages })).toEqual([]);
  });

  it('a village that helps in one pair may itself be helped in another', () => {
    const helps = vpair('p1', { helpedVillageId: 'v-home', partnerVillageId: 'v-weak' });
    expect(checkVillagePair(vpair('new'), { pairs: [helps], villages })).toEqual([]);
  });

  it('refuses a non-village partner without a name', () => {
    expect(codes(checkVillagePair(vpair('new', { partnerKind: '部门', partnerVillageId: undefined, partnerName: ' ' }), { pairs: [], villages }))).toEqual(['error:partner-missing']);
  });
});

describe('activities and yearly summary', () => {
  it('flags an activity outside the pair period', () => {
    expect(checkActivity({ date: '2023.04' }, { start: '2023.04', end: '2023.12' }, '结对')).toEqual([]);
    expect(checkActivity({ date: '2023.12.31' }, { start: '2023.04', end: '2023.12' }, '结对')).toEqual([]);
    expect(codes(checkActivity({ date: '2024.01.01' }, { start: '2023.04', end: '2023.12' }, '结对'))).toEqual(['warning:activity-outside']);
    expect(codes(checkActivity({ date: '2023.03.31' }, { start: '2023.04', end: '' }, '结对'))).toEqual(['warning:activity-outside']);
  });

  it('counts pairs by start year and activities/hours by activity year, skipping deleted pairs', () => {
    const act = (date: string, hours: number): Activity => ({ id: date, createdAt: '', date, form: '座谈', hours, content: 'x', outcomes: '' });
    const rows = yearlySummary([
      { start: '2023.04', activities: [act('2023.05.01', 2.5), act('2024.01.10', 1)] },
      { start: '2023.09.01', activities: [act('2023.10.01', 0.2)] },
      { start: '2024.02', activities: [], deletedAt: 'x' },
    ]);
    expect(rows).toEqual([
      { year: 2023, pairs: 2, activities: 2, hours: 2.7 },
      { year: 2024, pairs: 0, activities: 1, hours: 1 },
    ]);
  });
});
