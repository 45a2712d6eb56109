/**
 * 任期与换届 and the reminders desk (issue 15). Record data is validated in the handler with the
 * domain schema, so field errors come back in Chinese per field.
 */
import { z } from 'zod';
import { method } from './define.js';
import { daySchema } from '../domain/common.js';
import type { PostRecord, ReminderMark, VillageTerm } from '../domain/terms.js';
import type { ReserveRecord } from '../domain/reserves.js';
import type { Reminder } from '../rules/reminders.js';

export type { Reminder } from '../rules/reminders.js';

export interface PostRecordRow extends PostRecord {
  villageName: string;
  townCode: string;
}

export interface TermRow extends VillageTerm {
  /** 任期止 / 应换届时间 as entered or derived from 设置. */
  effectiveEnd: string;
  effectiveDue: string;
  /** Who held which post during the term. */
  team: Array<{ cadreId: string; name: string; post: string; start: string; end: string; leaveReason: string }>;
}

export interface ReminderDesk {
  on: string;
  items: Reminder[];
  /** Items marked away on `on`, with the mark, so the desk can show and undo them. */
  marked: Array<Reminder & { mark: ReminderMark }>;
}

export const termsContract = {
  'terms.history': method<PostRecordRow[]>()(z.object({ cadreId: z.string().min(1) })),
  /** 任职: a new open record; optional 简历 line. */
  'terms.appoint': method<PostRecord>()(z.object({ cadreId: z.string().min(1), data: z.record(z.string(), z.unknown()), appendResume: z.boolean().default(false) })),
  /** 离任: closes one record with date, reason, basis and 去向. */
  'terms.leave': method<PostRecord>()(z.object({ recordId: z.string().min(1), data: z.record(z.string(), z.unknown()), closeResume: z.boolean().default(false) })),
  'terms.villageTerms': method<TermRow[]>()(z.object({ villageId: z.string().min(1) })),
  /** Creates (no id) or updates a 届次. A new term closes the previous one's 换届 on its start day. */
  'terms.saveTerm': method<VillageTerm>()(z.object({ id: z.string().optional(), data: z.record(z.string(), z.unknown()) })),
  'reminders.list': method<ReminderDesk>()(z.object({ on: z.union([daySchema, z.literal('')]).default('') })),
  'reminders.mark': method<ReminderMark>()(z.object({ data: z.record(z.string(), z.unknown()) })),
  /** Takes a mark back: the item shows again. */
  'reminders.unmark': method<{ ok: true }>()(z.object({ key: z.string().min(1) })),
  /** 后备干部 lifecycle: the cadre's record, or null when never entered. */
  'reserves.get': method<ReserveRecord | null>()(z.object({ cadreId: z.string().min(1) })),
  /** Enters (入库) or updates the record; a stage change must follow nextReserveStages. */
  'reserves.save': method<ReserveRecord>()(z.object({ cadreId: z.string().min(1), data: z.record(z.string(), z.unknown()) })),
};
