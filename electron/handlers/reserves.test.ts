import { describe, expect, it } from 'vitest';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-reserves-');
const { call, fail } = t;

describe('后备干部 lifecycle through the router', () => {
  it('enters, advances, refuses a wrong step, is used; the 结构分析 counts only open stages', async () => {
    const v = await call('village.create', { data: { name: '逢简村', townCode: '440606105' } });
    const young = await call('cadre.create', { data: { name: '苏婉婷', sex: '女', birth: '1995.01', idNumber: id18('19950115', '022'), villageId: v.id, villagePost: '后备干部', tags: ['后备'] } });
    const other = await call('cadre.create', { data: { name: '何志明', sex: '男', birth: '1992.03', idNumber: id18('19920315', '011'), villageId: v.id, villagePost: '村委会委员', tags: ['后备'] } });
    const reserves = async () => (await call('analysis.structure', { refDate: '2026.12.01' })).district.reserves;
    // Neither is in the lifecycle yet: post and tag count, as before.
    expect(await reserves()).toBe(2);

    expect((await fail('reserves.save', { cadreId: young.id, data: { stage: '培养中', enteredOn: '2025.03', stageOn: '2025.03' } })).fields?.stage).toBe('新入库的阶段应为“入库”');
    await call('reserves.save', { cadreId: young.id, data: { stage: '入库', enteredOn: '2025.03', stageOn: '2025.03', measures: '到镇街组织办跟岗', contact: '李组织' } });
    const e = await fail('reserves.save', { cadreId: young.id, data: { stage: '已使用', stageOn: '2026.03', usedAs: '村委会委员' } });
    expect(e.message).toBe('苏婉婷 当前为“入库”，下一阶段只能是 培养中、退出');
    await call('reserves.save', { cadreId: young.id, data: { stage: '培养中', stageOn: '2025.06' } });

    // No 2025 评价 yet: the desk says so in January.
    let desk = await call('reminders.list', { on: '2026.01.05' });
    expect(desk.items.filter((r) => r.kind === '后备年度评价').map((r) => r.message)).toEqual(['后备干部 苏婉婷（培养中，入库 2025.03）尚无 2025 年度评价']);
    await call('reserves.save', { cadreId: young.id, data: { evaluations: [{ year: 2025, grade: '良好', comment: '进步明显' }] } });
    desk = await call('reminders.list', { on: '2026.01.05' });
    expect(desk.items.some((r) => r.kind === '后备年度评价')).toBe(false);

    await call('reserves.save', { cadreId: young.id, data: { stage: '列为考察对象', stageOn: '2026.06' } });
    expect(await reserves()).toBe(2);
    await call('reserves.save', { cadreId: young.id, data: { stage: '已使用', stageOn: '2026.11', usedAs: '村委会委员' } });
    // Used: no longer in the pool, though the post still says 后备干部 and the tag 后备.
    expect(await reserves()).toBe(1);
    expect(t.app.requireSession().doc.audit.at(-1)?.summary).toBe('后备干部：苏婉婷 列为考察对象 → 已使用（任用为村委会委员）');
    expect((await fail('reserves.save', { cadreId: young.id, data: { stage: '退出', exitReason: 'x' } })).message).toBe('苏婉婷 当前为“已使用”，已结束，不能再改变阶段');
    void other;
  });
});
