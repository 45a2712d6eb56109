import type { ShadowBatch } from '../../../../shared/domain/programs.js';
import { dateKey, today } from '../../../../shared/rules/dates.js';

export const BATCH_PHASES = ['未开始', '进行中', '已结束', '已取消'] as const;

/** Where a batch stands today, for the list filter and the badge. */
export function batchPhase(b: Pick<ShadowBatch, 'start' | 'end' | 'cancelled'>, now = today()): (typeof BATCH_PHASES)[number] {
  if (b.cancelled) return '已取消';
  if (dateKey(now) < dateKey(b.start)) return '未开始';
  if (dateKey(now) > dateKey(b.end)) return '已结束';
  return '进行中';
}
