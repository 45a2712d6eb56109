import { z } from 'zod';
import { method } from './define.js';
import type { Village } from '../domain/village.js';

export const villageContract = {
  'village.list': method<Village[]>()(z.object({ deleted: z.boolean().default(false) })),
  'village.get': method<Village>()(z.object({ id: z.string().min(1) })),
  'village.create': method<Village>()(z.object({ data: z.record(z.string(), z.unknown()) })),
  'village.update': method<Village>()(z.object({ id: z.string().min(1), data: z.record(z.string(), z.unknown()) })),
  'village.delete': method<{ ok: true }>()(z.object({ id: z.string().min(1) })),
  'village.restore': method<Village>()(z.object({ id: z.string().min(1) })),
};
