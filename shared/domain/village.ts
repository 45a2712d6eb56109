import { z } from 'zod';
import { TOWN_CODES } from './towns.js';
import { text } from './common.js';

export const VILLAGE_STRENGTHS = ['强', '一般', '弱'] as const;

export const villageInputSchema = z.object({
  name: z.string().trim().min(1, '村（社区）名称不能为空').max(40),
  townCode: z.enum(TOWN_CODES, { message: '请选择所属镇街' }),
  kind: z.enum(['村', '社区']).default('村'),
  strength: z.enum(VILLAGE_STRENGTHS).default('一般'),
  /** 软弱涣散: the year it was listed and whether 整顿 is done. */
  weakLax: z
    .object({ year: z.number().int().min(2000).max(2100), status: z.enum(['整顿中', '已整顿']) })
    .nullable()
    .default(null),
  demonstration: z.enum(['区级', '市级']).nullable().default(null), // 示范村
  redVillage: z.boolean().default(false), // 红色村
  crossPilot: z.boolean().default(false), // 跨村任职试点
  vitality: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), stars: z.number().int().min(1).max(5) }))
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
