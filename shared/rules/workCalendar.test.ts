import { describe, expect, it } from 'vitest';
import { BUILT_IN_DAYS, countWorkdays, formatCalendarLines, parseCalendarLines, workdayBasis } from './workCalendar.js';

describe('countWorkdays (公示 working days with 法定节假日 and 调休)', () => {
  it('counts Monday–Friday in an ordinary week', () => {
    expect(countWorkdays('2026.11.23', '2026.11.27')).toEqual({ count: 5, missingYears: [] }); // Mon–Fri
    expect(countWorkdays('2026.11.25', '2026.11.29')?.count).toBe(3); // Wed–Sun
    expect(countWorkdays('2026.11.28', '2026.11.28')?.count).toBe(0); // a Saturday
  });

  it('skips the 2026 国庆 holiday: 9.28–10.9 has 5 working days, not 10', () => {
    // Mon 9.28, Tue 9.29, Wed 9.30 work; 10.1–10.7 off; Thu 10.8, Fri 10.9 work.
    expect(countWorkdays('2026.09.28', '2026.10.09')).toEqual({ count: 5, missingYears: [] });
  });

  it('counts the 调休 Saturday 10月10日 as a working day', () => {
    // Wed 9.30; 10.1–10.7 off; Thu 10.8, Fri 10.9, Sat 10.10 (调休上班).
    expect(countWorkdays('2026.09.30', '2026.10.10')?.count).toBe(4);
    expect(countWorkdays('2026.10.10', '2026.10.10')?.count).toBe(1);
  });

  it('knows 2025 and 春节 2026 from the notices', () => {
    // Sun 9.28 (调休), Mon 9.29, Tue 9.30; 10.1–10.8 off; Thu 10.9, Fri 10.10, Sat 10.11 (调休).
    expect(countWorkdays('2025.09.28', '2025.10.11')?.count).toBe(6);
    // Mon 2.9–Fri 2.13, Sat 2.14 (调休); 2.15–2.23 off; Tue 2.24–Fri 2.27.
    expect(countWorkdays('2026.02.09', '2026.02.27')?.count).toBe(10);
    expect(countWorkdays('2026.01.01', '2026.01.04')?.count).toBe(1); // only Sun 1.4 (调休)
  });

  it('falls back to Monday–Friday for a year without data and reports it', () => {
    // 2027.01.01 is a Friday: Fri 1, Mon 4 – Thu 7.
    expect(countWorkdays('2027.01.01', '2027.01.07')).toEqual({ count: 5, missingYears: [2027] });
    expect(countWorkdays('2026.12.28', '2028.01.03')?.missingYears).toEqual([2027, 2028]);
  });

  it('a user entry adds a year and wins over the built-in day', () => {
    const user = [{ date: '2027.01.01', kind: '休' as const, note: '元旦' }];
    expect(countWorkdays('2027.01.01', '2027.01.07', user)).toEqual({ count: 4, missingYears: [] });
    // The user says 10.10 is not worked after all, and 10.7 is.
    const corrected = [{ date: '2026.10.10', kind: '休' as const }, { date: '2026.10.07', kind: '班' as const }];
    expect(countWorkdays('2026.09.30', '2026.10.10', corrected)?.count).toBe(4); // 9.30, 10.7, 10.8, 10.9
    expect(countWorkdays('2026.09.28', '2026.10.09', corrected)?.count).toBe(6);
  });

  it('accepts the date forms people type and refuses what is not a date', () => {
    expect(countWorkdays('2026.9.28', '2026-10-09')?.count).toBe(5);
    expect(countWorkdays('2026.02.30', '2026.03.02')).toBeNull();
    expect(countWorkdays('', '2026.03.02')).toBeNull();
  });

  it('has every built-in 调休 day on a weekend and every holiday in its year', () => {
    for (const d of BUILT_IN_DAYS.filter((x) => x.kind === '班')) {
      const dow = new Date(`${d.date.replace(/\./g, '-')}T00:00:00Z`).getUTCDay();
      expect([0, 6], d.date).toContain(dow);
    }
    expect(BUILT_IN_DAYS.filter((x) => x.kind === '休').length).toBe(1 + 8 + 3 + 5 + 3 + 8 + (3 + 9 + 3 + 5 + 3 + 3 + 7)); // 2025 + (2026) days off
  });
});

describe('workdayBasis', () => {
  it('says the holidays are deducted, or which years are missing and where to add them', () => {
    expect(workdayBasis([])).toBe('（已扣除法定节假日、计入调休上班日）');
    expect(workdayBasis([2027])).toBe('（2027 年的节假日安排尚未录入，按周一至周五计，可在 设置 → 法定节假日与调休 中补充）');
    expect(workdayBasis([2027, 2028])).toContain('2027、2028 年');
  });
});

describe('parseCalendarLines', () => {
  it('reads one entry per line in any date form, with an optional note', () => {
    const r = parseCalendarLines('2027-01-01 休 元旦\n\n2027.2.6 班 春节调休\n2027年1月2日 休');
    expect(r).toEqual({
      ok: true,
      entries: [
        { date: '2027.01.01', kind: '休', note: '元旦' },
        { date: '2027.02.06', kind: '班', note: '春节调休' },
        { date: '2027.01.02', kind: '休' },
      ],
    });
  });

  it('names the line of each mistake', () => {
    const r = parseCalendarLines('2027.01.01 休\n2027.02.30 休\n2027.01.03 放假\n2027-01-01 班');
    expect(r).toEqual({
      ok: false,
      errors: ['第 2 行：2027年2月没有30日', '第 3 行：日期后应写“休”或“班”，现为“放假”', '第 4 行：2027.01.01 与第 1 行重复'],
    });
  });

  it('round-trips through formatCalendarLines in date order', () => {
    const text = formatCalendarLines([
      { date: '2027.02.06', kind: '班', note: '春节调休' },
      { date: '2027.01.01', kind: '休', note: '元旦' },
    ]);
    expect(text).toBe('2027.01.01 休 元旦\n2027.02.06 班 春节调休');
    expect(parseCalendarLines(text).ok).toBe(true);
  });
});
