import { describe, expect, it } from 'vitest';
import type { ReserveRecord } from '../domain/reserves.js';
import { reserveInputSchema } from '../domain/reserves.js';
import { nextReserveStages, reservePool, reserveReviewDue } from './reserves.js';

const rec = (over: Partial<ReserveRecord>): ReserveRecord => ({ id: 'r', cadreId: 'c', stage: '培养中', enteredOn: '2024.03', stageOn: '2024.06', measures: '', contact: '', usedAs: '', exitReason: '', evaluations: [], createdAt: '', updatedAt: '', ...over });

describe('后备干部 lifecycle', () => {
  it.each([
    ['入库', ['培养中', '退出']],
    ['培养中', ['列为考察对象', '退出']],
    ['列为考察对象', ['已使用', '培养中', '退出']],
    ['已使用', []],
    ['退出', []],
  ] as const)('after %s: %j', (stage, next) => expect(nextReserveStages(stage)).toEqual(next));

  it('已使用 names the post, 退出 its reason, in Chinese', () => {
    const r = reserveInputSchema.safeParse({ cadreId: 'c', stage: '已使用', enteredOn: '2024.03', stageOn: '2026.03' });
    expect(r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({ usedAs: '已使用须写明任用为何职务' });
    const x = reserveInputSchema.safeParse({ cadreId: 'c', stage: '退出', enteredOn: '2024.03', stageOn: '2024.01', evaluations: [{ year: 2024, grade: '良好' }, { year: 2024, grade: '一般' }] });
    expect(x.success ? [] : x.error.issues.map((i) => i.message)).toEqual(['退出须写明原因', '阶段日期 2024.01 早于入库时间 2024.03', '2024 年度评价录入了两次']);
  });

  it('only open stages count in the pool; every record is tracked', () => {
    const pool = reservePool([rec({ cadreId: 'a', stage: '入库' }), rec({ cadreId: 'b', stage: '已使用', usedAs: '村委会委员' }), rec({ cadreId: 'c', stage: '退出', exitReason: '外出' }), rec({ cadreId: 'd', stage: '列为考察对象', deletedAt: 'x' })]);
    expect([...pool.tracked].sort()).toEqual(['a', 'b', 'c']);
    expect([...pool.active]).toEqual(['a']);
  });

  it.each([
    ['entered 2024, no 2025 评价, on 2026.01.01', {}, '2026.01.01', { year: 2025, due: '2026.01.31' }],
    ['2025 evaluated', { evaluations: [{ year: 2025, grade: '良好' as const, comment: '' }] }, '2026.01.01', undefined],
    ['entered during 2026: nothing due for 2025', { enteredOn: '2026.01' }, '2026.06.01', undefined],
    ['entered on the last day of 2025', { enteredOn: '2025.12.31' }, '2026.01.01', { year: 2025, due: '2026.01.31' }],
    ['退出: no review', { stage: '退出' as const, exitReason: '外出' }, '2026.06.01', undefined],
  ])('%s', (_l, over, on, expected) => expect(reserveReviewDue(rec(over), on)).toEqual(expected));
});
