/** 后备干部 lifecycle rules: which stage may follow which, who counts as 后备, when the yearly 评价 is due. */
import { OPEN_RESERVE_STAGES, type ReserveRecord, type ReserveStage } from '../domain/reserves.js';

/** 列为考察对象 may go back to 培养中 (考察 not passed yet); 已使用 and 退出 end the record. */
export function nextReserveStages(stage: ReserveStage): ReserveStage[] {
  switch (stage) {
    case '入库':
      return ['培养中', '退出'];
    case '培养中':
      return ['列为考察对象', '退出'];
    case '列为考察对象':
      return ['已使用', '培养中', '退出'];
    default:
      return [];
  }
}

export const isOpenReserve = (r: Pick<ReserveRecord, 'stage' | 'deletedAt'>) => !r.deletedAt && OPEN_RESERVE_STAGES.includes(r.stage);

/** Cadres with a lifecycle record (`tracked`), and those of them still in the pool (`active`). */
export function reservePool(records: readonly ReserveRecord[]): { tracked: Set<string>; active: Set<string> } {
  const tracked = new Set<string>();
  const active = new Set<string>();
  for (const r of records) {
    if (r.deletedAt) continue;
    tracked.add(r.cadreId);
    if (isOpenReserve(r)) active.add(r.cadreId);
  }
  return { tracked, active };
}

/**
 * The yearly 评价 of an open reserve: the year before `on` must be evaluated by 01.31 of `on`'s
 * year, once the reserve was in the pool that year. Undefined when nothing is due.
 */
export function reserveReviewDue(r: Pick<ReserveRecord, 'stage' | 'deletedAt' | 'enteredOn' | 'evaluations'>, on: string): { year: number; due: string } | undefined {
  if (!isOpenReserve(r)) return undefined;
  const year = Number(on.slice(0, 4)) - 1;
  if (Number(r.enteredOn.slice(0, 4)) > year) return undefined;
  if (r.evaluations.some((e) => e.year === year)) return undefined;
  return { year, due: `${year + 1}.01.31` };
}
