/**
 * 提醒 (reminders desk): what falls due, read from the vault document on a given day. Pure, so the
 * desk, the top of 首页, the CLI `reminders` and the benchmark all list exactly the same items.
 *
 * Each item has a stable `key` (kind + record + due date): a mark 已处理 / 暂缓 is stored against
 * the key, so a term that is 换届'd and comes due again five years later is a new item.
 */
import type { VaultDocument } from '../domain/document.js';
import type { Settings } from '../domain/settings.js';
import type { ReminderMark } from '../domain/terms.js';
import { currentStage } from '../domain/crossPosting.js';
import { ageAt, dateKey } from './dates.js';
import { addMonths, addYears, currentTerm, termDue, termEnd, yearsInPost } from './postHistory.js';
import { TEAM_POSTS } from './structure.js';
import { countWorkdays } from './workCalendar.js';
import { reserveReviewDue } from './reserves.js';

export const REMINDER_KINDS = [
  '任期届满', '到龄', '任现职超年限', '公示期满未确认', '跨村任职任期届满', '跟班结业待评价', '智库结对到期', '村居结对到期', '后备年度评价',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The desk's groups, most pressing first. */
export const URGENCIES = ['已逾期', '30天内', '近期'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface Reminder {
  key: string;
  kind: ReminderKind;
  /** YYYY.MM.DD (or YYYY.MM where the record only has a month). */
  due: string;
  urgency: Urgency;
  /** Why, with the numbers read. */
  message: string;
  cadreId?: string;
  villageId?: string;
  /** The record to open: a hash route of the app. */
  link: string;
}

export type ReminderDoc = Pick<
  VaultDocument,
  'villages' | 'cadres' | 'villageTerms' | 'crossPilots' | 'crossCandidates' | 'shadowPlacements' | 'shadowBatches' | 'mentorPairs' | 'villagePairs' | 'experts' | 'reminderMarks' | 'reserveRecords'
>;

const TEAM = new Set<string>(TEAM_POSTS);
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('.').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return `${t.getUTCFullYear()}.${pad(t.getUTCMonth() + 1)}.${pad(t.getUTCDate())}`;
}

/**
 * The first working day after `day`: when a 公示 ends on a holiday or a Friday, nobody can
 * confirm it before then, so that is when 期满未确认 becomes overdue.
 */
export function nextWorkdayAfter(day: string, calendar: Settings['workCalendar']): string {
  let d = addDays(day, 1);
  for (let i = 0; i < 40 && countWorkdays(d, d, calendar)?.count === 0; i++) d = addDays(d, 1);
  return d;
}

function urgencyOf(due: string, on: string): Urgency {
  const k = dateKey(due);
  if (k < dateKey(on)) return '已逾期';
  return k <= dateKey(addDays(on, 30)) ? '30天内' : '近期';
}

const live = <T extends { deletedAt?: string }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt);

/** Every reminder due on `on`, marked or not, most pressing first. */
export function allReminders(doc: ReminderDoc, on: string, settings: Settings): Reminder[] {
  const t = settings.terms;
  const out: Reminder[] = [];
  const push = (r: Omit<Reminder, 'urgency'> & { urgency?: Urgency }) => out.push({ ...r, urgency: r.urgency ?? urgencyOf(r.due, on) });
  const dueHorizon = dateKey(addMonths(on, t.dueWithinMonths));
  const endingHorizon = dateKey(addMonths(on, t.endingWithinMonths));
  const villages = live(doc.villages);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));

  // 任期届满 / 应换届, and the 换届 date each village's cadres are measured against for 到龄.
  const termsByVillage = new Map<string, typeof doc.villageTerms>();
  for (const term of doc.villageTerms) {
    if (term.deletedAt) continue;
    (termsByVillage.get(term.villageId) ?? termsByVillage.set(term.villageId, []).get(term.villageId)!).push(term);
  }
  const dueOf = new Map<string, string>();
  for (const v of villages) {
    const term = currentTerm(termsByVillage.get(v.id) ?? [], v.id);
    if (!term || term.completedOn) continue;
    const due = termDue(term, t.termYears);
    if (dateKey(due) > dueHorizon) continue;
    dueOf.set(v.id, due);
    const late = dateKey(due) < dateKey(on);
    push({
      key: `任期届满:${term.id}:${due}`,
      kind: '任期届满',
      due,
      message: `${v.name}第${term.number}届两委任期 ${term.start}–${termEnd(term, t.termYears)}，应换届时间 ${due}${late ? '，已逾期未记录换届完成' : `，${t.dueWithinMonths} 个月内应换届`}`,
      villageId: v.id,
      link: `/villages/${v.id}`,
    });
  }

  // 到龄 and 任现职超年限: 两委 members of live villages.
  const postCutoff = addYears(on, -t.maxPostYears);
  const postCutoffMonth = postCutoff.slice(0, 7);
  for (const c of doc.cadres) {
    if (c.deletedAt || !c.villageId || !TEAM.has(c.villagePost ?? '') || !villageName.has(c.villageId)) continue;
    const due = dueOf.get(c.villageId);
    if (due && c.birth) {
      const atDue = ageAt(c.birth, due);
      const end = addYears(due, t.termYears);
      const atEnd = ageAt(c.birth, end);
      if (atDue > t.ageCap || atEnd > t.ageCap) {
        push({
          key: `到龄:${c.id}:${due}`,
          kind: '到龄',
          due,
          message:
            atDue > t.ageCap
              ? `${c.name}（${villageName.get(c.villageId)}${c.villagePost}，出生 ${c.birth}）换届时（${due}）${atDue} 岁，超过 ${t.ageCap} 岁`
              : `${c.name}（${villageName.get(c.villageId)}${c.villagePost}，出生 ${c.birth}）下届任期结束时（${end}）${atEnd} 岁，超过 ${t.ageCap} 岁`,
          cadreId: c.id,
          villageId: c.villageId,
          link: `/cadres/${c.id}`,
        });
      }
    }
    // In post N years or more ⇔ 任现职时间 on or before the same month (or day) N years back: a string compare, no parsing.
    if (c.postSince && c.postSince <= (c.postSince.length === 7 ? postCutoffMonth : postCutoff)) {
      const years = yearsInPost(c.postSince, on) ?? t.maxPostYears;
      push({
        key: `任现职超年限:${c.id}:${c.postSince}`,
        kind: '任现职超年限',
        due: `${addYears(`${c.postSince.slice(0, 7)}.01`, t.maxPostYears).slice(0, 7)}`,
        urgency: '近期',
        message: `${c.name} 自 ${c.postSince} 任${villageName.get(c.villageId)}${c.villagePost}，已满 ${years} 年（设置为 ${t.maxPostYears} 年）`,
        cadreId: c.id,
        villageId: c.villageId,
        link: `/cadres/${c.id}`,
      });
    }
  }

  // 公示期满未确认: the last step is 公示 and its end has passed.
  // Names only of the few cadres the program items below mention: a map of all 50k names costs more than the whole scan.
  const pilots = new Map(live(doc.crossPilots).map((p) => [p.id, p]));
  const mentioned = new Set<string>();
  for (const cand of doc.crossCandidates) if (!cand.deletedAt && currentStage(cand) === '公示') mentioned.add(cand.cadreId);
  for (const pl of doc.shadowPlacements) if (!pl.deletedAt && !pl.evaluation) mentioned.add(pl.cadreId);
  for (const p of doc.mentorPairs) if (!p.deletedAt && p.cadreId) mentioned.add(p.cadreId);
  const cadreName = new Map<string, string>();
  if (mentioned.size) for (const c of doc.cadres) if (mentioned.has(c.id)) cadreName.set(c.id, c.name);
  const nameOf = (id: string) => cadreName.get(id) ?? '';
  for (const cand of live(doc.crossCandidates)) {
    const pilot = pilots.get(cand.pilotId);
    if (!pilot || currentStage(cand) !== '公示') continue;
    const step = cand.steps[cand.steps.length - 1];
    if (!step.publicityEnd || dateKey(step.publicityEnd) >= dateKey(on)) continue;
    const due = nextWorkdayAfter(step.publicityEnd, settings.workCalendar);
    push({
      key: `公示期满未确认:${cand.id}:${step.publicityEnd}`,
      kind: '公示期满未确认',
      due,
      urgency: dateKey(due) < dateKey(on) ? '已逾期' : '30天内',
      message: `${nameOf(cand.cadreId)} 拟任${villageName.get(pilot.villageId) ?? ''}${pilot.post}，公示 ${step.publicityStart}–${step.publicityEnd} 已期满，尚未记录任命或未通过（期满后第一个工作日 ${due}）`,
      cadreId: cand.cadreId,
      villageId: pilot.villageId,
      link: `/cross/${pilot.id}`,
    });
  }

  // 跨村任职 任期届满.
  for (const p of pilots.values()) {
    if (!p.filled || dateKey(p.periodEnd) > endingHorizon) continue;
    push({
      key: `跨村任职任期届满:${p.id}:${p.periodEnd}`,
      kind: '跨村任职任期届满',
      due: p.periodEnd,
      message: `${p.filled.cadreName} 跨村任职${villageName.get(p.villageId) ?? ''}${p.post}，任职期间 ${p.periodStart}–${p.periodEnd}${dateKey(p.periodEnd) < dateKey(on) ? '，已到期' : '，即将到期'}`,
      cadreId: p.filled.cadreId,
      villageId: p.villageId,
      link: `/cross/${p.id}`,
    });
  }

  // 书记跟班 结业待评价: ended, not stopped, no 评价 yet; the 评价 is due a month after.
  const batches = new Map(live(doc.shadowBatches).map((b) => [b.id, b]));
  for (const pl of live(doc.shadowPlacements)) {
    const batch = batches.get(pl.batchId);
    if (!batch || batch.cancelled || pl.status === '中止' || pl.evaluation || dateKey(pl.end) >= dateKey(on)) continue;
    const due = addMonths(pl.end, 1);
    push({
      key: `跟班结业待评价:${pl.id}:${pl.end}`,
      kind: '跟班结业待评价',
      due,
      message: `${nameOf(pl.cadreId)} 参加“${batch.name}”于 ${pl.end} 结束，尚未评价（应于 ${due} 前评价）`,
      cadreId: pl.cadreId,
      link: `/shadow/${batch.id}`,
    });
  }

  // 智库结对 / 村居结对 到期.
  const expertName = new Map(doc.experts.map((e) => [e.id, e.name]));
  for (const p of live(doc.mentorPairs)) {
    if (p.status !== '进行中' || !p.end || dateKey(p.end) > endingHorizon) continue;
    const who = p.targetKind === '村班子' ? `${villageName.get(p.villageId ?? '') ?? ''}班子` : nameOf(p.cadreId ?? '');
    push({
      key: `智库结对到期:${p.id}:${p.end}`,
      kind: '智库结对到期',
      due: p.end,
      message: `${p.expertIds.map((id) => expertName.get(id) ?? '').join('、')} 与 ${who} 的结对期限至 ${p.end}${dateKey(p.end) < dateKey(on) ? '，已到期仍为“进行中”' : ''}`,
      cadreId: p.cadreId,
      villageId: p.villageId,
      link: '/mentoring',
    });
  }
  for (const p of live(doc.villagePairs)) {
    const end = `${p.year}.12.31`;
    if (p.status !== '进行中' || dateKey(end) > endingHorizon) continue;
    const partner = p.partnerKind === '村（社区）' ? villageName.get(p.partnerVillageId ?? '') ?? '' : p.partnerName;
    push({
      key: `村居结对到期:${p.id}:${end}`,
      kind: '村居结对到期',
      due: end,
      message: `${partner} 结对帮扶 ${villageName.get(p.helpedVillageId) ?? ''}（${p.year} 年度）${dateKey(end) < dateKey(on) ? '已到期仍为“进行中”' : `至 ${end} 到期`}`,
      villageId: p.helpedVillageId,
      link: '/village-pairs',
    });
  }

  // 后备 yearly 评价 (names looked up only for the few due).
  const reviews = doc.reserveRecords.flatMap((r) => {
    const d = reserveReviewDue(r, on);
    return d ? [{ r, ...d }] : [];
  });
  if (reviews.length) {
    const due = new Set(reviews.map((x) => x.r.cadreId));
    const names = new Map<string, string>();
    for (const c of doc.cadres) if (due.has(c.id)) names.set(c.id, c.name);
    for (const { r, year, due: by } of reviews) {
      push({
        key: `后备年度评价:${r.id}:${year}`,
        kind: '后备年度评价',
        due: by,
        message: `后备干部 ${names.get(r.cadreId) ?? ''}（${r.stage}，入库 ${r.enteredOn}）尚无 ${year} 年度评价`,
        cadreId: r.cadreId,
        link: `/cadres/${r.cadreId}`,
      });
    }
  }

  const rank = (u: Urgency) => URGENCIES.indexOf(u);
  return out.sort((a, b) => rank(a.urgency) - rank(b.urgency) || dateKey(a.due) - dateKey(b.due) || a.key.localeCompare(b.key));
}

/** A mark hides its item: 已处理 for good, 暂缓 until (and not including) its day. */
export function hiddenBy(mark: ReminderMark | undefined, on: string): boolean {
  if (!mark) return false;
  return mark.status === '已处理' || dateKey(on) < dateKey(mark.until);
}

/** What the desk shows on `on`: every reminder not marked away. */
export function reminders(doc: ReminderDoc, on: string, settings: Settings): Reminder[] {
  const marks = new Map(doc.reminderMarks.map((m) => [m.key, m]));
  return allReminders(doc, on, settings).filter((r) => !hiddenBy(marks.get(r.key), on));
}
