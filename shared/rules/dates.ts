/**
 * Dates as officials write them. A "year-month" is "1975.03"; a "day" is "2023.04.10".
 * Parsers accept what people type in 花名册 and return the canonical form or an error.
 */
import { scalarText } from './text.js';

export type YearMonth = string; // "YYYY.MM"
export type DayDate = string; // "YYYY.MM.DD"

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's 1900 date system (serial 60 is the fictitious 1900-02-29). */
export function excelSerialToDate(serial: number): { y: number; m: number; d: number } {
  // Serials 1–60 precede Excel's phantom 1900-02-29 and so run one day behind the real calendar.
  const days = Math.floor(serial) + (serial < 61 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function validYm(y: number, m: number, label: string): Parsed<YearMonth> {
  if (!(y >= 1900 && y <= 2100)) return { ok: false, message: `${label}年份 ${y} 不合理` };
  if (!(m >= 1 && m <= 12)) return { ok: false, message: `${label}月份 ${m} 不存在（应为 1–12）` };
  return { ok: true, value: `${y}.${pad(m)}` };
}

/**
 * "1975.03", "1975.3", "1975年3月", "1975-03", "1975/3", "197503", "1975.03.12", an Excel
 * serial (number or digits) → "1975.03".
 */
export function parseYearMonth(input: unknown, label = ''): Parsed<YearMonth> {
  if (typeof input === 'number') {
    if (input > 1000 && input < 80000) {
      const { y, m } = excelSerialToDate(input);
      return validYm(y, m, label);
    }
    return { ok: false, message: `${label}“${input}”不是日期` };
  }
  if (input instanceof Date) return validYm(input.getFullYear(), input.getMonth() + 1, label);
  // NFKC folds full-width digits and the full-width stop (１９７５．０３) typed with a Chinese IME.
  const s = scalarText(input).normalize('NFKC').trim().replace(/[\u3000\s]/g, '').replace(/。/g, '.');
  if (!s) return { ok: false, message: `${label}不能为空` };
  let m = s.match(/^(\d{4})(?:[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?)$/);
  if (m) return m[3] ? dayThenMonth(Number(m[1]), Number(m[2]), Number(m[3]), label) : validYm(Number(m[1]), Number(m[2]), label);
  m = s.match(/^(\d{4})(\d{2})(\d{2})?$/);
  if (m) return m[3] ? dayThenMonth(Number(m[1]), Number(m[2]), Number(m[3]), label) : validYm(Number(m[1]), Number(m[2]), label);
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseYearMonth(Number(s), label);
  return { ok: false, message: `${label}“${s}”无法识别为年月，请写成 1975.03 的形式` };
}

/** A full date given where a year-month is wanted: the day must exist, then it is dropped. */
function dayThenMonth(y: number, m: number, d: number, label: string): Parsed<YearMonth> {
  const day = validDay(y, m, d, label);
  return day.ok ? validYm(y, m, label) : day;
}

/** "2023.04.10", "2023-4-10", "2023年4月10日", Excel serial → "2023.04.10". */
export function parseDay(input: unknown, label = ''): Parsed<DayDate> {
  if (typeof input === 'number') {
    const { y, m, d } = excelSerialToDate(input);
    return validDay(y, m, d, label);
  }
  const s = scalarText(input).normalize('NFKC').trim().replace(/[\u3000\s]/g, '').replace(/。/g, '.');
  if (!s) return { ok: false, message: `${label}不能为空` };
  const m = s.match(/^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]), label);
  return { ok: false, message: `${label}“${s}”无法识别为日期，请写成 2023.04.10 的形式` };
}

function validDay(y: number, m: number, d: number, label: string): Parsed<DayDate> {
  const ym = validYm(y, m, label);
  if (!ym.ok) return ym;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCDate() !== d) return { ok: false, message: `${label}${y}年${m}月没有${d}日` };
  return { ok: true, value: `${y}.${pad(m)}.${pad(d)}` };
}

/** Today as "YYYY.MM.DD" (local time). */
export function today(now = new Date()): DayDate {
  return `${now.getFullYear()}.${pad(now.getMonth() + 1)}.${pad(now.getDate())}`;
}

/** "YYYY.MM" or "YYYY.MM.DD" → comparable integer yyyymmdd (month-only → day 1). */
export function dateKey(date: string): number {
  const [y, m, d] = date.split('.').map(Number);
  return y * 10000 + (m || 1) * 100 + (d || 1);
}

/**
 * Age in whole years at a reference date, as the 任免审批表 computes it: months count,
 * days are ignored when the birth date has only a month.
 */
export function ageAt(birth: string, ref: string): number {
  const [by, bm, bd] = birth.split('.').map(Number);
  const [ry, rm, rd] = ref.split('.').map(Number);
  let age = ry - by;
  if (rm < bm || (rm === bm && bd && rd && rd < bd)) age -= 1;
  return age;
}

/** Whole years between two dates (for 党龄, 任职年限). */
export function yearsBetween(from: string, to: string): number {
  return Math.max(0, ageAt(from, to));
}

/** Do two closed ranges of "YYYY.MM.DD" overlap? Touching end = start counts as overlap. */
export function rangesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return dateKey(a.start) <= dateKey(b.end) && dateKey(b.start) <= dateKey(a.end);
}
