/**
 * The official working-day calendar: Monday–Friday, minus 法定节假日, plus 调休 weekend working
 * days. 公示 must last a number of working days, and over 国庆/春节 a plain Mon–Fri count is wrong
 * by a whole week.
 *
 * Built-in years come from the State Council notices on 部分节假日安排:
 *   2025 — 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
 *   2026 — 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）
 * Later years are announced each November; until a release adds them, the user enters them in
 * 设置 → 法定节假日与调休, and a user entry for a date wins over the built-in one.
 */
import { parseDay, type DayDate } from './dates.js';

export type DayKind = '休' | '班';

export interface CalendarEntry {
  date: DayDate; // YYYY.MM.DD
  kind: DayKind;
  note?: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const utcDay = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;
};
const toUtc = (day: DayDate) => {
  const [y, m, d] = day.split('.').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** 休 from..to inclusive, and the 调休 weekend days worked for that holiday. */
export interface Holiday {
  name: string;
  off: [DayDate, DayDate];
  work: DayDate[];
}

const NOTICES: Record<number, Holiday[]> = {
  2025: [
    { name: '元旦', off: ['2025.01.01', '2025.01.01'], work: [] },
    { name: '春节', off: ['2025.01.28', '2025.02.04'], work: ['2025.01.26', '2025.02.08'] },
    { name: '清明节', off: ['2025.04.04', '2025.04.06'], work: [] },
    { name: '劳动节', off: ['2025.05.01', '2025.05.05'], work: ['2025.04.27'] },
    { name: '端午节', off: ['2025.05.31', '2025.06.02'], work: [] },
    { name: '国庆节、中秋节', off: ['2025.10.01', '2025.10.08'], work: ['2025.09.28', '2025.10.11'] },
  ],
  2026: [
    { name: '元旦', off: ['2026.01.01', '2026.01.03'], work: ['2026.01.04'] },
    { name: '春节', off: ['2026.02.15', '2026.02.23'], work: ['2026.02.14', '2026.02.28'] },
    { name: '清明节', off: ['2026.04.04', '2026.04.06'], work: [] },
    { name: '劳动节', off: ['2026.05.01', '2026.05.05'], work: ['2026.05.09'] },
    { name: '端午节', off: ['2026.06.19', '2026.06.21'], work: [] },
    { name: '中秋节', off: ['2026.09.25', '2026.09.27'], work: [] },
    { name: '国庆节', off: ['2026.10.01', '2026.10.07'], work: ['2026.09.20', '2026.10.10'] },
  ],
};

export const BUILT_IN_YEARS: readonly number[] = Object.keys(NOTICES).map(Number);
/** The notices' holidays as published, for 设置 to show what is built in. */
export const BUILT_IN_HOLIDAYS: readonly Holiday[] = Object.values(NOTICES).flat();

function expandNotices(): Map<DayDate, CalendarEntry> {
  const out = new Map<DayDate, CalendarEntry>();
  for (const h of BUILT_IN_HOLIDAYS) {
    for (let t = toUtc(h.off[0]); t <= toUtc(h.off[1]); t += DAY_MS) out.set(utcDay(t), { date: utcDay(t), kind: '休', note: h.name });
    for (const w of h.work) out.set(w, { date: w, kind: '班', note: `${h.name}调休上班` });
  }
  return out;
}

/** Every built-in 休/班 day, in date order (设置 shows which of them the user corrected). */
export const BUILT_IN_DAYS: readonly CalendarEntry[] = [...expandNotices().values()].sort((a, b) => a.date.localeCompare(b.date));
const builtIn = new Map(BUILT_IN_DAYS.map((e) => [e.date, e]));

export interface WorkdayCount {
  count: number;
  /** Years in the range with neither built-in data nor any user entry: counted Monday–Friday. */
  missingYears: number[];
}

/**
 * Working days from start to end inclusive. Dates as typed in the app ("2026.09.28", "2026.9.28",
 * "2026-09-28"); null when either is not a date.
 */
export function countWorkdays(start: string, end: string, userEntries: readonly CalendarEntry[] = []): WorkdayCount | null {
  const s = parseDay(start);
  const e = parseDay(end);
  if (!s.ok || !e.ok) return null;
  const user = new Map(userEntries.map((x) => [x.date, x]));
  const coveredYears = new Set<number>([...BUILT_IN_YEARS, ...userEntries.map((x) => Number(x.date.slice(0, 4)))]);
  const missing = new Set<number>();
  let count = 0;
  for (let t = toUtc(s.value); t <= toUtc(e.value); t += DAY_MS) {
    const day = utcDay(t);
    const year = Number(day.slice(0, 4));
    if (!coveredYears.has(year)) missing.add(year);
    const kind = (user.get(day) ?? builtIn.get(day))?.kind;
    const dow = new Date(t).getUTCDay();
    if (kind ? kind === '班' : dow !== 0 && dow !== 6) count++;
  }
  return { count, missingYears: [...missing].sort((a, b) => a - b) };
}

/** How the count was made, in brackets after the number; the step dialog and the stored warning share it. */
export function workdayBasis(missingYears: readonly number[]): string {
  if (!missingYears.length) return '（已扣除法定节假日、计入调休上班日）';
  return `（${missingYears.join('、')} 年的节假日安排尚未录入，按周一至周五计，可在 设置 → 法定节假日与调休 中补充）`;
}

/**
 * One entry per line, "2027.01.01 休 元旦" (any date form parseDay accepts; 备注 optional).
 * Errors name the line, and a date given twice is an error rather than a silent last-one-wins.
 */
export function parseCalendarLines(text: string): { ok: true; entries: CalendarEntry[] } | { ok: false; errors: string[] } {
  const entries: CalendarEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<DayDate, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.normalize('NFKC').trim();
    if (!line) return;
    const n = i + 1;
    const [dateText, kindText = '', ...rest] = line.split(/\s+/);
    const d = parseDay(dateText);
    if (!d.ok) return void errors.push(`第 ${n} 行：${d.message}`);
    if (kindText !== '休' && kindText !== '班') return void errors.push(`第 ${n} 行：日期后应写“休”或“班”，现为“${kindText || '空'}”`);
    const prev = seen.get(d.value);
    if (prev) return void errors.push(`第 ${n} 行：${d.value} 与第 ${prev} 行重复`);
    seen.set(d.value, n);
    const note = rest.join(' ');
    entries.push(note ? { date: d.value, kind: kindText, note } : { date: d.value, kind: kindText });
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}

export function formatCalendarLines(entries: readonly CalendarEntry[]): string {
  return [...entries]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => [e.date, e.kind, e.note].filter(Boolean).join(' '))
    .join('\n');
}
