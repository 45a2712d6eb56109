import { describe, expect, it } from 'vitest';
import { ageAt, dateKey, excelSerialToDate, parseDay, parseYearMonth, rangesOverlap } from './dates.js';

const ym = (input: unknown) => parseYearMonth(input);
const value = (r: ReturnType<typeof parseYearMonth>) => (r.ok ? r.value : `ERR ${r.message}`);

describe('parseYearMonth', () => {
  it.each([
    ['1975.03', '1975.03'],
    ['1975.3', '1975.03'],
    ['1975年3月', '1975.03'],
    ['1975年03月', '1975.03'],
    ['1975-03', '1975.03'],
    ['1975/3', '1975.03'],
    ['197503', '1975.03'],
    ['1975.03.12', '1975.03'],
    ['1975年3月12日', '1975.03'],
    [' 1975.03 ', '1975.03'],
    ['１９７５．０３', '1975.03'],
    ['1975。3', '1975.03'],
  ])('%s → %s', (input, expected) => {
    expect(value(ym(input))).toBe(expected);
  });

  it('reads Excel date serials, as numbers and as digits', () => {
    // 27454 is 1975-03-01 in Excel's 1900 date system.
    expect(value(ym(27454))).toBe('1975.03');
    expect(value(ym('27454'))).toBe('1975.03');
    expect(value(ym(45658.75))).toBe('2025.01');
  });

  it('refuses month 13 and month 0 naming the month', () => {
    const r = parseYearMonth('1975.13', '出生年月');
    expect(r).toEqual({ ok: false, message: '出生年月月份 13 不存在（应为 1–12）' });
    expect(value(ym('1975.00'))).toContain('月份 0 不存在');
  });

  it('refuses a full date whose day does not exist', () => {
    expect(value(ym('1975.02.30'))).toContain('没有30日');
  });

  it('refuses text it cannot read, saying the expected form', () => {
    const r = parseYearMonth('三月', '入党时间');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('入党时间“三月”无法识别为年月，请写成 1975.03 的形式');
    expect(value(ym(''))).toBe('ERR 不能为空');
    expect(value(ym('1875.03'))).toContain('年份 1875 不合理');
    expect(value(ym(12))).toContain('不是日期');
  });
});

describe('parseDay', () => {
  it('normalizes the forms people type', () => {
    expect(parseDay('2023-4-10')).toEqual({ ok: true, value: '2023.04.10' });
    expect(parseDay('2023年4月10日')).toEqual({ ok: true, value: '2023.04.10' });
    expect(parseDay('20230410')).toEqual({ ok: true, value: '2023.04.10' });
    expect(parseDay(45026)).toEqual({ ok: true, value: '2023.04.10' });
  });
  it('refuses 29 February outside leap years', () => {
    expect(parseDay('2023.02.29').ok).toBe(false);
    expect(parseDay('2024.02.29')).toEqual({ ok: true, value: '2024.02.29' });
  });
});

describe('excelSerialToDate', () => {
  it('is right on both sides of the phantom 1900-02-29', () => {
    expect(excelSerialToDate(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(excelSerialToDate(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(excelSerialToDate(61)).toEqual({ y: 1900, m: 3, d: 1 });
  });
});

describe('ageAt', () => {
  it('counts whole years with months, as the 任免审批表 does', () => {
    expect(ageAt('1975.03', '2026.03.01')).toBe(51); // birth month reached
    expect(ageAt('1975.03', '2026.02.28')).toBe(50);
    expect(ageAt('1975.03', '2026.12')).toBe(51);
    expect(ageAt('1975.12', '2026.11.25')).toBe(50);
  });
  it('uses the day only when both dates have one', () => {
    expect(ageAt('1975.03.20', '2026.03.10')).toBe(50);
    expect(ageAt('1975.03.20', '2026.03.20')).toBe(51);
  });
});

describe('dateKey and rangesOverlap', () => {
  it('orders year-months and days together', () => {
    expect(dateKey('1975.03')).toBeLessThan(dateKey('1975.03.02'));
    expect(dateKey('1975.03.31')).toBeLessThan(dateKey('1975.04'));
  });
  it('counts touching ranges as overlapping', () => {
    expect(rangesOverlap({ start: '2024.01.01', end: '2024.03.31' }, { start: '2024.03.31', end: '2024.06.30' })).toBe(true);
    expect(rangesOverlap({ start: '2024.01.01', end: '2024.03.30' }, { start: '2024.03.31', end: '2024.06.30' })).toBe(false);
  });
});
