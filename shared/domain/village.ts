import { z } from 'zod';
import { TOWN_CODES } from './towns.js';
import { text } from './common.js';

export const VILLAGE_STRENGTHS = ['强', '一般', '弱'] as const;

export const villageInputSchema = z.object({
  name: z.string().trim().min(1, '村（社区）名称不能为空').max(40, '村（社区）名称不能超过 40 个字'),
  townCode: z.enum(TOWN_CODES, { message: '请选择所属镇街' }),
  kind: z.enum(['村', '社区'], { message: '类型应为 村 或 社区' }).default('村'),
  strength: z.enum(VILLAGE_STRENGTHS, { message: '班子战斗力应为 强、一般 或 弱' }).default('一般'),
  /** 软弱涣散: the year it was listed and whether 整顿 is done. */
  weakLax: z
    .object({
      year: z.number({ message: '请填写列入软弱涣散的年份' }).int('年份应为整数').min(2000, '列入年份应在 2000–2100 之间').max(2100, '列入年份应在 2000–2100 之间'),
      status: z.enum(['整顿中', '已整顿'], { message: '整顿情况应为 整顿中 或 已整顿' }),
    })
    .nullable()
    .default(null),
  demonstration: z.enum(['区级', '市级'], { message: '示范村级别应为 区级 或 市级' }).nullable().default(null), // 示范村
  redVillage: z.boolean().default(false), // 红色村
  crossPilot: z.boolean().default(false), // 跨村任职试点
  vitality: z
    .array(
      z.object({
        year: z.number({ message: '请填写活力指数的年度' }).int('年度应为整数').min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间'),
        stars: z.number({ message: '请选择星级' }).int().min(1, '星级应为 1–5 星').max(5, '星级应为 1–5 星'),
      }),
    )
    .default([]), // 活力指数星级
  note: text(500).default(''),
  demo: z.boolean().optional(),
});

export type VillageInput = z.input<typeof villageInputSchema>;
export type Village = z.output<typeof villageInputSchema> & { id: string; createdAt: string; updatedAt: string; deletedAt?: string };

/** A village counts as a strong source for 跨村任职 when strong or a 示范村 and not 软弱涣散 under 整顿. */
export function isStrongVillage(v: Pick<Village, 'strength' | 'demonstration' | 'weakLax'>): boolean {
  if (v.weakLax && v.weakLax.status === '整顿中') return false;
  return v.strength === '强' || v.demonstration !== null;
}

export function latestStars(v: Pick<Village, 'vitality'>): { year: number; stars: number } | undefined {
  return [...v.vitality].sort((a, b) => b.year - a.year)[0];
}
