import { z } from 'zod';
import { method } from './define.js';
import type { AuditEntry } from '../domain/audit.js';

/** The figures on the home page: what is on file and what is under way today. */
export interface HomeSummary {
  cadres: number;
  reserves: number;
  villages: number;
  weakLax: number;
  demonstration: number;
  activePlacements: number;
  activeMentorPairs: number;
  activeVillagePairs: number;
  recent: AuditEntry[];
}

export const homeContract = {
  'home.summary': method<HomeSummary>()(z.object({ refDate: z.string().optional() })),
};
