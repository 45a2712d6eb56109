/**
 * 跨村任职 (issue 7): a crossPilot is a target village + the post to fill there; a crossCandidate
 * is one cadre's path for one pilot (提名 → 考察 → 公示 → 任命 / 未通过). Every step keeps the
 * eligibility evaluation as it was at that moment, so a decision can be explained years later
 * even after the cadre's file or the thresholds changed.
 */
import { z } from 'zod';
import { VILLAGE_POSTS } from './codes.js';
import { daySchema, idSchema, text } from './common.js';
import type { EligibilityInputs } from '../rules/eligibility.js';

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
export type CrossPilotInput = z.input<typeof crossPilotInputSchema>;

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
  })
  .superRefine((s, ctx) => {
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
export type CrossStepInput = z.input<typeof crossStepInputSchema>;

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
