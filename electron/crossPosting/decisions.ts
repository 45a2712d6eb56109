/**
 * What a decision step changes or warns about, kept apart from the handler so the rules of
 * 公示 and 任命 read on their own.
 */
import type { Cadre, ResumeLine } from '../../shared/domain/cadre.js';
import type { CrossPilot } from '../../shared/domain/crossPosting.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { townName } from '../../shared/domain/towns.js';
import { countWeekdays, MIN_PUBLICITY_WORKDAYS } from '../../shared/rules/eligibility.js';

/**
 * 公示 must last at least 5 working days. Working days are counted Monday–Friday only: the app
 * has no holiday calendar, so over 国庆/春节 the officials must check the count themselves.
 */
export function publicityWarnings(start: string, end: string): string[] {
  const n = countWeekdays(start, end);
  if (n >= MIN_PUBLICITY_WORKDAYS) return [];
  return [`公示期 ${start}–${end} 只有 ${n} 个工作日（按周一至周五计，未扣除法定节假日），少于 ${MIN_PUBLICITY_WORKDAYS} 个工作日`];
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
