/**
 * What a decision step changes or warns about, kept apart from the handler so the rules of
 * 公示 and 任命 read on their own.
 */
import type { Cadre, ResumeLine } from '../../shared/domain/cadre.js';
import type { CrossPilot } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { MIN_PUBLICITY_WORKDAYS } from '../../shared/rules/eligibility.js';
import { countWorkdays, workdayBasis, type CalendarEntry } from '../../shared/rules/workCalendar.js';

/**
 * 公示 must last at least 5 working days, counted with the holiday calendar (built-in years plus
 * the user's 设置 entries); a year with no calendar data falls back to Monday–Friday and the
 * warning says so, since the officials must then check the count themselves.
 */
export function publicityWarnings(start: string, end: string, calendar: readonly CalendarEntry[]): string[] {
  const r = countWorkdays(start, end, calendar);
  if (!r) return [];
  if (r.count < MIN_PUBLICITY_WORKDAYS) return [`公示期 ${start}–${end} 只有 ${r.count} 个工作日${workdayBasis(r.missingYears)}，少于 ${MIN_PUBLICITY_WORKDAYS} 个工作日`];
  // Enough by Monday–Friday may still be too few once that year's holidays are known.
  if (r.missingYears.length) return [`公示期 ${start}–${end} 共 ${r.count} 个工作日${workdayBasis(r.missingYears)}，请核对是否满 ${MIN_PUBLICITY_WORKDAYS} 个工作日`];
  return [];
}

/** The cadre file's new post after 任命: the post, 任现职时间, 现任职务 and a new 简历 line. */
export function appointmentChanges(
  cadre: Pick<Cadre, 'resume'>,
  doc: Pick<VaultDocument, 'villages'>,
  pilot: Pick<CrossPilot, 'villageId' | 'post'>,
  date: string,
): Pick<Cadre, 'villageId' | 'villagePost' | 'postSince' | 'currentPosition' | 'resume'> {
  const ym = date.slice(0, 7);
  const v = doc.villages.find((x) => x.id === pilot.villageId);
  const villageName = v?.name ?? '';
  // The new post replaces the old one, so lines still "至今" end where the new one starts.
  const resume: ResumeLine[] = cadre.resume.map((l) => (l.to === '' ? { ...l, to: l.from && l.from > ym ? l.from : ym } : { ...l }));
  resume.push({ from: ym, to: '', text: `${townName(v?.townCode)}${villageName}${pilot.post}（跨村任职）` });
  return {
    villageId: pilot.villageId,
    villagePost: pilot.post,
    postSince: ym,
    currentPosition: `${villageName}${pilot.post}`,
    resume,
  };
}
