import { z } from 'zod';
import { parseDay } from '../rules/dates.js';
import { DEFAULT_TERM_SETTINGS, termSettingsSchema } from './terms.js';

/** One day of the 法定节假日与调休 calendar the user adds or corrects (beyond the built-in years). */
export const workCalendarEntrySchema = z.object({
  date: z.string().refine((d) => /^\d{4}\.\d{2}\.\d{2}$/.test(d) && parseDay(d).ok, {
    error: (iss) => `法定节假日与调休：日期“${String(iss.input)}”不存在或不是 2027.01.01 的形式`,
  }),
  kind: z.enum(['休', '班'], { error: '法定节假日与调休：类别应为“休”或“班”' }),
  note: z.string().max(50, { error: '法定节假日与调休：备注不超过 50 字' }).optional(),
});

const workCalendarSchema = z.array(workCalendarEntrySchema).superRefine((entries, ctx) => {
  const first = new Map<string, number>();
  entries.forEach((e, i) => {
    const j = first.get(e.date);
    if (j === undefined) first.set(e.date, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `法定节假日与调休：${e.date} 录入了两次（第 ${j + 1} 条和第 ${i + 1} 条）` });
  });
});

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(480).default(15),
  backupsToKeep: z.number().int().min(1).max(100).default(10),
  /** 书记跟班 青年 age limit (warning). */
  youthAgeLimit: z.number().int().min(18).max(60).default(35),
  /** 智库结对 active pairs per expert (warning). */
  expertLoadLimit: z.number().int().min(1).max(50).default(3),
  /** 村居结对 target pairs per year, e.g. { "2023": 10 }. */
  villagePairTargets: z.record(z.string(), z.number().int().min(0)).default({ '2023': 10 }),
  /** Family table column 3 on the printed 审批表: 出生年月 or 年龄. */
  familyColumn: z.enum(['出生年月', '年龄']).default('出生年月'),
  /** 跨村任职 eligibility thresholds (defaults; a pilot may override). */
  eligibility: z
    .object({
      maxAge: z.number().int().min(18).max(70).default(50),
      minPartyYears: z.number().int().min(0).max(50).default(3),
      minEducation: z.string().default('高中'),
      minVillageYears: z.number().int().min(0).max(50).default(3),
      assessmentYears: z.number().int().min(1).max(10).default(3),
    })
    .default({ maxAge: 50, minPartyYears: 3, minEducation: '高中', minVillageYears: 3, assessmentYears: 3 }),
  /** 法定节假日与调休 entered by the user; a date here wins over the built-in calendar (shared/rules/workCalendar.ts). */
  workCalendar: workCalendarSchema.default([]),
  /** 附件 size caps, MB: one file, and all attachments of the vault together. */
  attachmentMaxFileMB: z.number().int().min(1).max(500).default(50),
  attachmentMaxTotalMB: z.number().int().min(10).max(100_000).default(4096),
  /** 任期与换届 and the reminders desk (shared/domain/terms.ts). */
  terms: termSettingsSchema.default(DEFAULT_TERM_SETTINGS),
});
export type Settings = z.output<typeof settingsSchema>;

/**
 * A change to some settings. No defaults here: a field left out keeps its stored value
 * (parsing a patch with the defaults would silently reset every setting not sent).
 */
export const settingsPatchSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(480).optional(),
  backupsToKeep: z.number().int().min(1).max(100).optional(),
  youthAgeLimit: z.number().int().min(18).max(60).optional(),
  expertLoadLimit: z.number().int().min(1).max(50).optional(),
  villagePairTargets: z.record(z.string(), z.number().int().min(0)).optional(),
  familyColumn: z.enum(['出生年月', '年龄']).optional(),
  eligibility: z
    .object({
      maxAge: z.number().int().min(18).max(70),
      minPartyYears: z.number().int().min(0).max(50),
      minEducation: z.string(),
      minVillageYears: z.number().int().min(0).max(50),
      assessmentYears: z.number().int().min(1).max(10),
    })
    .partial()
    .optional(),
  workCalendar: workCalendarSchema.optional(),
  attachmentMaxFileMB: z.number().int().min(1, '单个附件上限至少 1 MB').max(500, '单个附件上限不超过 500 MB').optional(),
  attachmentMaxTotalMB: z.number().int().min(10, '附件总量上限至少 10 MB').max(100_000, '附件总量上限不超过 100000 MB').optional(),
  terms: termSettingsSchema.partial().optional(),
});
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

/** Applies a patch; nested `eligibility` and `terms` are merged field by field. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return settingsSchema.parse({ ...current, ...defined, eligibility: { ...current.eligibility, ...(patch.eligibility ?? {}) }, terms: { ...current.terms, ...(patch.terms ?? {}) } });
}
export const defaultSettings = (): Settings => settingsSchema.parse({});
