import { z } from 'zod';
import { method } from './define.js';
import type { Village } from '../domain/village.js';
import type { VillageLineError } from '../rules/villageLines.js';

/** Per village: its 两委 team size, reserves, and who is 书记 — for the village list. */
export interface VillageTeamCount {
  team: number;
  reserves: number;
  secretary: string;
}

export const villageContract = {
  'village.list': method<Village[]>()(z.object({ deleted: z.boolean().default(false) })),
  'village.get': method<Village>()(z.object({ id: z.string().min(1) })),
  'village.create': method<Village>()(z.object({ data: z.record(z.string(), z.unknown()) })),
  'village.update': method<Village>()(z.object({ id: z.string().min(1), data: z.record(z.string(), z.unknown()) })),
  'village.delete': method<{ ok: true }>()(z.object({ id: z.string().min(1) })),
  'village.restore': method<Village>()(z.object({ id: z.string().min(1) })),
  /** "镇街 名称 类型" per line; all or nothing, in one save. */
  'village.bulkCreate': method<{ created: Village[]; errors: VillageLineError[] }>()(
    z.object({ text: z.string().max(200_000, '一次最多粘贴约 5000 行') }),
  ),
  'village.teamCounts': method<Record<string, VillageTeamCount>>()(z.object({})),
};
