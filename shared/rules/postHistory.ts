/**
 * Post history (任职经历) and 届次 as pure functions: what a cadre holds now, since when, whether
 * the cadre is a 历史任职干部, and when a village's term ends and falls due for 换届.
 */
import type { VillagePost } from '../domain/codes.js';
import type { PostRecord, VillageTerm } from '../domain/terms.js';
import { dateKey, yearsBetween } from './dates.js';

/** Which open post a cadre's file shows when several are held (a 委员 may also be 村民小组长). */
const POST_RANK: readonly VillagePost[] = [
  '书记、主任一肩挑', '党组织书记', '村委会主任', '党组织副书记', '村委会副主任', '党组织委员', '村委会委员',
  '股份社理事长', '村民小组长', '后备干部', '其他',
];

const live = <T extends { deletedAt?: string }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt);

/** A cadre's records, oldest first (a record without 任职时间, from migration, first of all). */
export function historyOf(records: readonly PostRecord[], cadreId: string): PostRecord[] {
  return live(records)
    .filter((r) => r.cadreId === cadreId)
    .sort((a, b) => (a.start ? dateKey(a.start) : 0) - (b.start ? dateKey(b.start) : 0));
}

export const isOpen = (r: Pick<PostRecord, 'end' | 'deletedAt'>) => !r.end && !r.deletedAt;

/** The open record the file shows: highest post, then the most recent. */
export function mainOpenRecord(history: readonly PostRecord[]): PostRecord | undefined {
  const open = history.filter(isOpen);
  return open.sort((a, b) => POST_RANK.indexOf(a.post) - POST_RANK.indexOf(b.post) || (b.start ? dateKey(b.start) : 0) - (a.start ? dateKey(a.start) : 0))[0];
}

/** Left every post: kept on file and found as 历史任职干部. */
export function isFormer(history: readonly PostRecord[]): boolean {
  return history.length > 0 && !history.some(isOpen);
}

/** Every 历史任职干部 in one pass over the records (the cadre list needs it for 50k files). */
export function formerCadreIds(records: readonly PostRecord[]): Set<string> {
  const open = new Set<string>();
  const seen = new Set<string>();
  for (const r of records) {
    if (r.deletedAt) continue;
    seen.add(r.cadreId);
    if (!r.end) open.add(r.cadreId);
  }
  return new Set([...seen].filter((id) => !open.has(id)));
}

export interface CurrentPostFields {
  villageId: string | undefined;
  villagePost: VillagePost | undefined;
  /** 任现职时间 (YYYY.MM). */
  postSince: string;
}

/**
 * The file's 村（社区）, 村职务 and 任现职时间 as the history says. A cadre with no history at all
 * (added before issue 15, or by an import) keeps what the file holds: undefined here.
 * A 历史任职干部 keeps the last village, so the list can still say where the cadre served.
 */
export function currentPostFields(history: readonly PostRecord[]): CurrentPostFields | undefined {
  if (history.length === 0) return undefined;
  const main = mainOpenRecord(history);
  if (main) return { villageId: main.villageId, villagePost: main.post, postSince: main.start.slice(0, 7) };
  const last = [...history].sort((a, b) => dateKey(b.end || b.start || '1900.01') - dateKey(a.end || a.start || '1900.01'))[0];
  return { villageId: last.villageId, villagePost: undefined, postSince: '' };
}

/** 任现职年限: whole years in the current post at `on`; undefined when the 任职时间 is unknown. */
export function yearsInPost(postSince: string, on: string): number | undefined {
  return postSince ? yearsBetween(postSince, on) : undefined;
}

/** The record a version-2 file's 村职务 + 任现职时间 become (migration and 示例). */
export function seedRecord(c: { id: string; villageId?: string; villagePost?: VillagePost; postSince: string; demo?: boolean }, id: string, at: string): PostRecord | undefined {
  if (!c.villageId || !c.villagePost) return undefined;
  return {
    id,
    cadreId: c.id,
    villageId: c.villageId,
    post: c.villagePost,
    start: c.postSince,
    end: '',
    basis: '由原档案“村职务、任现职时间”生成',
    leaveBasis: '',
    leaveReason: '',
    destination: '',
    note: '',
    ...(c.demo ? { demo: true } : {}),
    createdAt: at,
    updatedAt: at,
  };
}

// ───────────────────────────── 届次 ─────────────────────────────

/** Same day N years on; 02.29 falls back to 02.28 in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('.').map(Number);
  const ny = y + years;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${ny}.${String(m).padStart(2, '0')}.${String(dd).padStart(2, '0')}`;
}

/** Same day N months on, clamped to the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('.').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}.${String(nm).padStart(2, '0')}.${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 任期止: as entered, or 任期起 + the configured term length. */
export function termEnd(t: Pick<VillageTerm, 'start' | 'end'>, termYears: number): string {
  return t.end || addYears(t.start, termYears);
}

/** 应换届时间: as entered, or 任期止. */
export function termDue(t: Pick<VillageTerm, 'start' | 'end' | 'dueDate'>, termYears: number): string {
  return t.dueDate || termEnd(t, termYears);
}

/** The village's latest 届次 (the one in office unless its 换届 is recorded as done). */
export function currentTerm(terms: readonly VillageTerm[], villageId: string): VillageTerm | undefined {
  return live(terms)
    .filter((t) => t.villageId === villageId)
    .sort((a, b) => b.number - a.number)[0];
}

/** Who held which post during a term: every record at the village overlapping 任期起–止. */
export function termTeam(t: Pick<VillageTerm, 'villageId' | 'start' | 'end'>, records: readonly PostRecord[], termYears: number): PostRecord[] {
  const from = dateKey(t.start);
  const to = dateKey(termEnd(t, termYears));
  return live(records).filter((r) => r.villageId === t.villageId && (!r.start || dateKey(r.start) <= to) && (!r.end || dateKey(r.end) >= from));
}

/** The 简历 line a new post offers to append. */
export function resumeTextFor(villageName: string, post: VillagePost): string {
  return `${villageName}${post === '书记、主任一肩挑' ? '党组织书记、村委会主任' : post}`;
}
