/**
 * 学历 ordering, shared by the cadre list, the eligibility rules and the candidate comparison
 * so that "highest 学历" means the same everywhere.
 */
import type { Cadre } from '../domain/cadre.js';
import { EDUCATION_LEVELS } from '../domain/codes.js';

/** Lower number = higher 学历 (研究生 first); unknown levels rank below 小学. */
export function educationRank(level: string): number {
  const i = (EDUCATION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? 99 : i;
}

/**
 * The higher 学历 of 全日制 and 在职. A level outside the code table (old data typed by hand)
 * still shows when it is all there is; '' when neither is recorded.
 */
export function highestEducation(c: Pick<Cadre, 'fullTimeEducation' | 'partTimeEducation'>): string {
  const levels = [c.fullTimeEducation.level, c.partTimeEducation.level];
  const known = levels.filter((l) => educationRank(l) < 99);
  known.sort((a, b) => educationRank(a) - educationRank(b));
  return known[0] ?? levels.find((l) => l) ?? '';
}
