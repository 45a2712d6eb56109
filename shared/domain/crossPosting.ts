/**
 * 跨村任职 (issue 7): a crossPilot is a target village + the post to fill there; a crossCandidate
 * is one cadre's path for one pilot (提名 → 考察 → 公示 → 任命 / 未通过). Every step keeps the
 * eligibility evaluation as it was at that moment, so a decision can be explained years later
 * even after the cadre's file or the thresholds changed.
 */
import { z } from 'zod';
import { VILLAGE_POSTS } from './codes.js';
import { daySchema, idSchema, text } from './common.js';
import type { EligibilityInputs } from './eligibilityInputs.js';

/** Threshold overrides a pilot may set; anything left out falls back to 设置 → eligibility. */
export const thresholdOverridesSchema = z.object({
  maxAge: z.number().int().min(18).max(70).optional(),
  minPartyYears: z.number().int().min(0).max(50).optional(),
  minEducation: z.string().max(20).optional(),
  minVillageYears: z.number().int().min(0).max(50).optional(),
  assessmentYears: z.number().int().min(1).max(10).optional(),
});
export type ThresholdOverrides = z.output<typeof thresholdOverridesSchema>;

export const crossPilotInputSchema = z
  .object({
    villageId: idSchema, // target village (flagged 跨村任职试点)
    post: z.enum(VILLAGE_POSTS, { message: '请选择拟任职务' }),
    reason: text(500).default(''), // e.g. 软弱涣散 整顿、班子战斗力弱
    periodStart: daySchema, // 任职期间
    periodEnd: daySchema,
    /** Date the age and years are counted at; '' = periodStart. */
    referenceDate: z.union([daySchema, z.literal('')]).default(''),
    thresholds: thresholdOverridesSchema.default({}),
    note: text(1000).default(''),
    demo: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: `任职结束日期 ${p.periodEnd} 早于开始日期 ${p.periodStart}` });
    }
  });

/** Set when a candidate is appointed; the pilot then shows as filled. */
export interface PilotFilled {
  candidateId: string;
  cadreId: string;
  cadreName: string;
  date: string;
}

export type CrossPilot = z.output<typeof crossPilotInputSchema> & {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
  filled: PilotFilled | null;
};

export const CROSS_STAGES = ['提名', '考察', '公示', '任命', '未通过'] as const;
export type CrossStage = (typeof CROSS_STAGES)[number];
/** 任命 and 未通过 end a candidate's path. */
export const FINAL_STAGES: readonly CrossStage[] = ['任命', '未通过'];

export type VerdictResult = 'pass' | 'warn' | 'fail';
export interface Verdict {
  ruleId: string;
  label: string;
  result: VerdictResult;
  /** Quotes the data read, e.g. "出生年月 1980.05，至 2026.11.25 为 46 岁，上限 50 岁". */
  reason: string;
}

/** What a step stores: which rules, what they read, what they said. */
export interface EligibilitySnapshot {
  ruleVersion: string;
  evaluatedAt: string; // ISO time
  inputs: EligibilityInputs;
  verdicts: Verdict[];
  overall: VerdictResult;
}

const count = (label: string) =>
  z.number({ message: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000, `${label}不超过 100000`);

/**
 * The 考察 record (组织考察): who inspected, when, how many were talked to, the 民主测评 votes and
 * the 考察组's findings — what the 考察材料 is written from.
 */
export const inspectionSchema = z
  .object({
    team: text(200).refine((t) => t.trim().length > 0, '请填写考察组成员'), // 考察组成员
    from: daySchema, // 考察时间
    to: z.union([daySchema, z.literal('')]).default(''),
    interviewees: count('谈话人数'),
    /** 民主测评: people taking part and the votes for each grade. */
    votes: z.object({ participants: count('参加测评人数'), excellent: count('优秀票数'), competent: count('称职票数'), basic: count('基本称职票数'), incompetent: count('不称职票数') }),
    strengths: text(2000).refine((t) => t.trim().length > 0, '请填写主要优点'),
    weaknesses: text(2000).default(''),
    conclusion: text(2000).refine((t) => t.trim().length > 0, '请填写考察结论'),
  })
  .superRefine((x, ctx) => {
    if (x.to && x.to < x.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `考察结束日期 ${x.to} 早于开始日期 ${x.from}` });
    const v = x.votes;
    const cast = v.excellent + v.competent + v.basic + v.incompetent;
    if (cast > v.participants) ctx.addIssue({ code: 'custom', path: ['votes', 'participants'], message: `民主测评各等次票数合计 ${cast} 票，多于参加测评人数 ${v.participants} 人` });
  });
export type Inspection = z.output<typeof inspectionSchema>;

/** What the user types for a step; the handler adds operator and the snapshot. */
export const crossStepInputSchema = z
  .object({
    stage: z.enum(CROSS_STAGES),
    date: daySchema,
    notes: text(2000).default(''),
    /** 公示 only. */
    publicityStart: z.union([daySchema, z.literal('')]).default(''),
    publicityEnd: z.union([daySchema, z.literal('')]).default(''),
    /** 未通过 only. */
    reason: text(1000).default(''),
    /** 考察 only: the structured 考察 record (steps recorded before it existed have none). */
    inspection: inspectionSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.inspection && s.stage !== '考察') ctx.addIssue({ code: 'custom', path: ['inspection'], message: '考察记录只能填在“考察”环节' });
    if (s.stage === '公示') {
      if (!s.publicityStart) ctx.addIssue({ code: 'custom', path: ['publicityStart'], message: '公示须填写开始日期' });
      if (!s.publicityEnd) ctx.addIssue({ code: 'custom', path: ['publicityEnd'], message: '公示须填写结束日期' });
      if (s.publicityStart && s.publicityEnd && s.publicityEnd < s.publicityStart) {
        ctx.addIssue({ code: 'custom', path: ['publicityEnd'], message: `公示结束日期 ${s.publicityEnd} 早于开始日期 ${s.publicityStart}` });
      }
    }
    if (s.stage === '未通过' && !s.reason.trim()) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '未通过须写明原因' });
    }
  });

export type CrossStepFields = z.output<typeof crossStepInputSchema>;
export type CrossStep = CrossStepFields & {
  operator: string;
  recordedAt: string; // ISO time
  /** Warnings shown when the step was recorded (e.g. 公示不足 5 个工作日). */
  warnings: string[];
  eligibility: EligibilitySnapshot;
};

export const crossCandidateInputSchema = z.object({
  pilotId: idSchema,
  cadreId: idSchema,
  /** 推荐 = came from the suggested pool; 手动添加 = added by hand. */
  origin: z.enum(['推荐', '手动添加']).default('手动添加'),
  note: text(1000).default(''),
  demo: z.boolean().optional(),
});

export type CrossCandidate = z.output<typeof crossCandidateInputSchema> & {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
  steps: CrossStep[];
};

/** The stage a candidate has reached ('' = added to the list, not yet nominated). */
export function currentStage(c: Pick<CrossCandidate, 'steps'>): CrossStage | '' {
  return c.steps.length ? c.steps[c.steps.length - 1].stage : '';
}

/** Which stages may follow the current one. 未通过 is possible at any open stage. */
export function nextStages(stage: CrossStage | ''): CrossStage[] {
  switch (stage) {
    case '':
      return ['提名'];
    case '提名':
      return ['考察', '未通过'];
    case '考察':
      return ['公示', '未通过'];
    case '公示':
      return ['任命', '未通过'];
    default:
      return [];
  }
}
