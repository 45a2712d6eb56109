/**
 * 书记跟班 (shadowBatch / shadowPlacement), 智库结对 (expert / mentorPair),
 * 村居结对 (villagePair). Owned by the programs feature; see issue 6.
 *
 * Activity records (座谈、实地指导…) live inside their pair: they are only ever read with it,
 * and one pair update then carries the activity and its audit entry in the same save.
 */
import { z } from 'zod';
import { daySchema, idSchema, looseDateSchema, text } from './common.js';
import { TOWN_CODES } from './towns.js';

type Meta = { id: string; createdAt: string; updatedAt: string; deletedAt?: string };

const optionalLooseDate = z.union([looseDateSchema, z.literal('')]).default('');
/** A reference to another record, with the Chinese prompt shown when it is missing. */
const ref = (what: string) => z.string({ message: `请选择${what}` }).min(1, `请选择${what}`).max(64);

/** An "end/cancel with reason" stamp, shared by every program record. */
export const closingSchema = z.object({
  date: looseDateSchema,
  reason: z.string().trim().min(1, '请填写原因').max(500),
});

// ───────────────────────────── 书记跟班 ─────────────────────────────

export const HOST_DEPARTMENTS = ['组织', '政法', '农业', '规划', '宣传', '城管', '经济发展', '社会工作', '其他'] as const;

/** A host place of a batch: a strong/示范 village or a town department, with its mentor and capacity. */
export const shadowHostSchema = z
  .object({
    /** Stable within the batch, so placements keep pointing at the right host after edits. */
    key: z.string().trim().min(1).max(40),
    kind: z.enum(['村（社区）', '镇街部门']),
    villageId: idSchema.optional(),
    townCode: z.enum(TOWN_CODES).optional(),
    department: text(40).default(''),
    /** The mentor: a cadre on file (usually the host village's 书记) or just a name. */
    mentorCadreId: idSchema.optional(),
    mentorName: text(40).default(''),
    capacity: z.number({ message: '容量应为数字' }).int('容量应为整数').min(1, '容量至少为 1 人').max(100, '容量不能超过 100 人'),
  })
  .superRefine((h, ctx) => {
    if (h.kind === '村（社区）' && !h.villageId) ctx.addIssue({ code: 'custom', path: ['villageId'], message: '请选择跟班的村（社区）' });
    if (h.kind === '镇街部门') {
      if (!h.townCode) ctx.addIssue({ code: 'custom', path: ['townCode'], message: '请选择部门所在镇街' });
      if (!h.department.trim()) ctx.addIssue({ code: 'custom', path: ['department'], message: '请填写跟班部门' });
    }
  });
export type ShadowHost = z.output<typeof shadowHostSchema>;

export const shadowBatchInputSchema = z.object({
  name: z.string().trim().min(1, '期次名称不能为空').max(60),
  year: z.number().int().min(2000, '年份不合理').max(2100, '年份不合理'),
  start: daySchema,
  end: daySchema,
  /** A 青年 batch warns for every placed cadre over the age limit. */
  youth: z.boolean().default(false),
  hosts: z.array(shadowHostSchema).max(100).default([]),
  note: text(1000).default(''),
  /** Set when the whole batch is called off. */
  cancelled: closingSchema.nullable().default(null),
  demo: z.boolean().optional(),
});
export type ShadowBatch = z.output<typeof shadowBatchInputSchema> & Meta;

export const PLACEMENT_STATUSES = ['计划', '在岗', '结业', '中止'] as const;
export const EVALUATION_GRADES = ['优秀', '合格', '不合格'] as const;

export const evaluationSchema = z.object({
  grade: z.enum(EVALUATION_GRADES, { message: '请选择等次（优秀/合格/不合格）' }),
  mentorComment: text(2000).default(''),
  reflection: text(8000).default(''), // 心得
  /** Attachments are listed by file name; the files themselves stay in the paper archive. */
  attachments: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});

/**
 * One cadre at one host of one batch. `start`/`end` are the days actually covered: when a
 * placement is 中止, `end` becomes the stop date (the planned end is kept in `plannedEnd`), so
 * anyone checking "was this cadre in 跟班 on day X" (跨村任职 does) only needs start, end, status.
 */
export const shadowPlacementInputSchema = z.object({
  batchId: ref('期次'),
  hostKey: ref('跟班单位'),
  cadreId: ref('跟班干部'),
  start: daySchema,
  end: daySchema,
  goals: text(2000).default(''),
  status: z.enum(PLACEMENT_STATUSES).default('计划'),
  plannedEnd: z.union([daySchema, z.literal('')]).default(''),
  stopped: closingSchema.nullable().default(null),
  evaluation: evaluationSchema.nullable().default(null),
  demo: z.boolean().optional(),
});
export type ShadowPlacement = z.output<typeof shadowPlacementInputSchema> & Meta;

// ───────────────────────────── 智库结对 ─────────────────────────────

export const EXPERT_FIELDS = ['乡村振兴', '规划', '产业', '法律', '财务', '基层治理', '党建', '文旅', '其他'] as const;

export const expertInputSchema = z.object({
  name: z.string().trim().min(1, '专家姓名不能为空').max(40),
  unit: text(100).default(''),
  title: text(60).default(''), // 职称/职务
  fields: z.array(z.enum(EXPERT_FIELDS)).max(EXPERT_FIELDS.length).default([]),
  phone: z.string().trim().max(40).regex(/^[\d\-+ ]*$/, '联系电话只能包含数字和 -').default(''),
  /** Tenure in the 智库: a pair must fall inside it. */
  joined: looseDateSchema,
  left: optionalLooseDate,
  leftReason: text(500).default(''),
  note: text(1000).default(''),
  demo: z.boolean().optional(),
});
export type Expert = z.output<typeof expertInputSchema> & Meta;

export const ACTIVITY_FORMS = ['座谈', '实地指导', '电话', '培训'] as const;

export const activityInputSchema = z.object({
  date: looseDateSchema,
  form: z.enum(ACTIVITY_FORMS, { message: '请选择形式（座谈/实地指导/电话/培训）' }),
  hours: z.number({ message: '时长应为数字' }).min(0, '时长不能为负').max(200, '时长不能超过 200 小时'),
  content: z.string().trim().min(1, '请填写活动内容').max(2000),
  outcomes: text(2000).default(''),
});
export type ActivityInput = z.input<typeof activityInputSchema>;
export const storedActivitySchema = activityInputSchema.extend({ id: idSchema, createdAt: z.string() });
export type Activity = z.output<typeof storedActivitySchema>;

export const PAIR_STATUSES = ['进行中', '已结束', '已取消'] as const;

export const mentorPairInputSchema = z.object({
  kind: z.enum(['一对一', '多对一']),
  expertIds: z.array(idSchema, { message: '请选择结对专家' }).min(1, '请选择结对专家').max(20),
  /** 多对一 may pair with a whole village 班子; 一对一 is always one cadre. */
  targetKind: z.enum(['干部', '村班子']).default('干部'),
  cadreId: idSchema.optional(),
  villageId: idSchema.optional(),
  start: looseDateSchema,
  end: optionalLooseDate,
  goals: text(2000).default(''),
  status: z.enum(PAIR_STATUSES).default('进行中'),
  closed: closingSchema.nullable().default(null),
  /** Managed by the activity methods; pair edits keep what is stored. */
  activities: z.array(storedActivitySchema).max(2000).default([]),
  demo: z.boolean().optional(),
});
export type MentorPair = z.output<typeof mentorPairInputSchema> & Meta;

// ───────────────────────────── 村居结对 ─────────────────────────────

export const PARTNER_KINDS = ['村（社区）', '部门', '企业'] as const;

export const villagePairInputSchema = z.object({
  helpedVillageId: ref('被帮扶的村（社区）'),
  partnerKind: z.enum(PARTNER_KINDS),
  partnerVillageId: idSchema.optional(),
  partnerName: text(100).default(''),
  year: z.number().int().min(2000, '年份不合理').max(2100, '年份不合理'),
  goals: text(2000).default(''),
  status: z.enum(PAIR_STATUSES).default('进行中'),
  closed: closingSchema.nullable().default(null),
  /** Managed by the activity methods; pair edits keep what is stored. */
  activities: z.array(storedActivitySchema).max(2000).default([]),
  demo: z.boolean().optional(),
});
export type VillagePair = z.output<typeof villagePairInputSchema> & Meta;
