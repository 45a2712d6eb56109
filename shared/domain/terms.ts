/**
 * 任期与换届 (issue 15): a village's 届次 (villageTerm), each cadre's post history (postRecord)
 * and what the reminders desk was told about an item (reminderMark).
 *
 * Post history is the source of 任现职时间: a cadre's `villageId` / `villagePost` / `postSince`
 * are kept equal to the open record (shared/rules/postHistory.ts `currentPostFields`), so the
 * 审批表, 花名册 exports, 结构分析 and 跨村任职 keep reading the fields they always read.
 * A cadre whose every record is closed is 离任 — a 历史任职干部 — not deleted.
 */
import { z } from 'zod';
import { VILLAGE_POSTS } from './codes.js';
import { daySchema, idSchema, looseDateSchema, text } from './common.js';

type Meta = { id: string; createdAt: string; updatedAt: string; deletedAt?: string };

/** 离任原因, as the 组织部 forms list them. */
export const LEAVE_REASONS = ['换届未连任', '辞职', '调任', '跨村任职', '免职', '退休', '去世', '其他'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

const optionalLoose = z
  .string()
  .refine((v) => v === '' || looseDateSchema.safeParse(v).success, '日期应写成 2023.04.10 或 2023.04 的形式')
  .default('');
const optionalDay = z
  .string()
  .refine((v) => v === '' || daySchema.safeParse(v).success, '日期应写成 2023.04.10 的形式')
  .default('');

export const postRecordInputSchema = z
  .object({
    cadreId: idSchema,
    villageId: z.string({ message: '请选择任职的村（社区）' }).min(1, '请选择任职的村（社区）').max(64),
    post: z.enum(VILLAGE_POSTS, { message: `职务应为 ${VILLAGE_POSTS.join('、')} 之一` }),
    /** 任职时间; '' only for records migrated from a file that had no 任现职时间. */
    start: optionalLoose,
    /** 离任时间; '' = 在任. */
    end: optionalLoose,
    basis: text(200).default(''), // 任职文件号 / 依据（选举结果、任命文件）
    leaveBasis: text(200).default(''), // 离任文件号 / 依据
    leaveReason: z.union([z.enum(LEAVE_REASONS, { message: `离任原因应为 ${LEAVE_REASONS.join('、')} 之一` }), z.literal('')]).default(''),
    destination: text(200).default(''), // 去向
    note: text(500).default(''),
    demo: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.end && r.start && r.end < r.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `离任时间 ${r.end} 早于任职时间 ${r.start}` });
    if (r.end && !r.leaveReason) ctx.addIssue({ code: 'custom', path: ['leaveReason'], message: '离任须选择离任原因' });
  });
export type PostRecord = z.output<typeof postRecordInputSchema> & Meta;

export const villageTermInputSchema = z
  .object({
    villageId: z.string({ message: '请选择村（社区）' }).min(1, '请选择村（社区）').max(64),
    /** 第 N 届. */
    number: z.number({ message: '届次应为数字' }).int('届次应为整数').min(1, '届次应在 1–99 之间').max(99, '届次应在 1–99 之间'),
    start: z.string({ message: '请填写任期起' }).refine((v) => daySchema.safeParse(v).success, '任期起应写成 2021.06.15 的形式'), // 任期起（换届选举完成、班子产生之日）
    /** 任期止; '' = start + 设置 的任期年限. */
    end: optionalDay,
    /** 应换届时间; '' = 任期止. */
    dueDate: optionalDay,
    /** The 换届 that closes this term is done; '' = not yet. */
    completedOn: optionalDay,
    note: text(500).default(''),
    demo: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.end && t.end <= t.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `任期止 ${t.end} 不晚于任期起 ${t.start}` });
    if (t.completedOn && t.completedOn < t.start) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: `换届完成日期 ${t.completedOn} 早于任期起 ${t.start}` });
  });
export type VillageTerm = z.output<typeof villageTermInputSchema> & Meta;

/** What the user did with a reminder: 已处理 hides it for good, 暂缓 until a day. */
export const reminderMarkInputSchema = z
  .object({
    key: z.string().min(1).max(200),
    status: z.enum(['已处理', '暂缓'], { message: '处理方式应为 已处理 或 暂缓' }),
    until: optionalDay,
    note: text(500).default(''),
  })
  .superRefine((m, ctx) => {
    if (m.status === '暂缓' && !m.until) ctx.addIssue({ code: 'custom', path: ['until'], message: '暂缓须填写到哪一天' });
  });
export type ReminderMark = z.output<typeof reminderMarkInputSchema> & { operator: string; at: string };

/** Thresholds of the 换届 rules and the reminders desk (设置 → 任期与提醒). */
export const termSettingsSchema = z.object({
  /** 任期年限: 应换届 = 任期起 + this many years unless set per term. */
  termYears: z.number().int().min(1).max(10).default(5),
  /** 应换届 / 任期届满 shows this many months ahead. */
  dueWithinMonths: z.number().int().min(1).max(36).default(6),
  /** 到龄: age cap at the 换届 date or at the end of the coming term. */
  ageCap: z.number().int().min(40).max(80).default(60),
  /** 任现职超 N 年. */
  maxPostYears: z.number().int().min(1).max(40).default(10),
  /** 跨村任职 任期 / 结对 到期 show this many months ahead. */
  endingWithinMonths: z.number().int().min(1).max(12).default(2),
});
export type TermSettings = z.output<typeof termSettingsSchema>;
export const DEFAULT_TERM_SETTINGS: TermSettings = termSettingsSchema.parse({});
