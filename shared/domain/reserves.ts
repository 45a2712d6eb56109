/**
 * 后备干部 lifecycle (issue 15): 入库 → 培养中 → 列为考察对象 → 已使用 (任用为…) / 退出 (原因), with
 * 入库时间, 培养措施, 培养联系人 and a yearly 评价. One record per cadre; the 结构分析 counts as 后备
 * the cadres whose record is at an open stage (shared/rules/reserves.ts).
 */
import { z } from 'zod';
import { idSchema, looseDateSchema, text } from './common.js';

export const RESERVE_STAGES = ['入库', '培养中', '列为考察对象', '已使用', '退出'] as const;
export type ReserveStage = (typeof RESERVE_STAGES)[number];
export const OPEN_RESERVE_STAGES: readonly ReserveStage[] = ['入库', '培养中', '列为考察对象'];
export const RESERVE_GRADES = ['优秀', '良好', '一般', '较差'] as const;

export const reserveEvaluationSchema = z.object({
  year: z.number({ message: '评价年度应为数字' }).int('评价年度应为整数').min(2000, '评价年度应在 2000–2100 之间').max(2100, '评价年度应在 2000–2100 之间'),
  grade: z.enum(RESERVE_GRADES, { message: `评价等次应为 ${RESERVE_GRADES.join('、')} 之一` }),
  comment: text(1000).default(''),
});

export const reserveInputSchema = z
  .object({
    cadreId: idSchema,
    stage: z.enum(RESERVE_STAGES, { message: `阶段应为 ${RESERVE_STAGES.join('、')} 之一` }),
    enteredOn: looseDateSchema, // 入库时间
    /** The day the current stage was reached. */
    stageOn: looseDateSchema,
    measures: text(2000).default(''), // 培养措施
    contact: text(40).default(''), // 培养联系人
    usedAs: text(200).default(''), // 已使用：任用为…
    exitReason: text(500).default(''), // 退出原因
    evaluations: z.array(reserveEvaluationSchema).max(50).default([]),
    demo: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.stage === '已使用' && !r.usedAs.trim()) ctx.addIssue({ code: 'custom', path: ['usedAs'], message: '已使用须写明任用为何职务' });
    if (r.stage === '退出' && !r.exitReason.trim()) ctx.addIssue({ code: 'custom', path: ['exitReason'], message: '退出须写明原因' });
    if (r.stageOn < r.enteredOn) ctx.addIssue({ code: 'custom', path: ['stageOn'], message: `阶段日期 ${r.stageOn} 早于入库时间 ${r.enteredOn}` });
    const years = new Set<number>();
    r.evaluations.forEach((e, i) => {
      if (years.has(e.year)) ctx.addIssue({ code: 'custom', path: ['evaluations', i, 'year'], message: `${e.year} 年度评价录入了两次` });
      years.add(e.year);
    });
  });
export type ReserveRecord = z.output<typeof reserveInputSchema> & { id: string; createdAt: string; updatedAt: string; deletedAt?: string };
