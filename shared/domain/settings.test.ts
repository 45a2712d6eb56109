import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, settingsPatchSchema, settingsSchema } from './settings.js';

describe('settings patch', () => {
  it('keeps every setting the patch does not mention', () => {
    const current = { ...defaultSettings(), villagePairTargets: { '2024': 12 }, eligibility: { ...defaultSettings().eligibility, maxAge: 45 } };
    const patch = settingsPatchSchema.parse({ autoLockMinutes: 5 });
    const next = applySettingsPatch(current, patch);
    expect(next.autoLockMinutes).toBe(5);
    expect(next.villagePairTargets).toEqual({ '2024': 12 });
    expect(next.eligibility.maxAge).toBe(45);
  });

  it('merges a partial eligibility change field by field', () => {
    const next = applySettingsPatch(defaultSettings(), settingsPatchSchema.parse({ eligibility: { minPartyYears: 5 } }));
    expect(next.eligibility).toMatchObject({ minPartyYears: 5, maxAge: 50, minEducation: '高中' });
  });

  it('refuses out-of-range values', () => {
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 0 }).success).toBe(false);
  });

  it('reads settings saved before 法定节假日与调休 existed with no entries', () => {
    const old = { ...defaultSettings() } as Record<string, unknown>;
    delete old.workCalendar;
    expect(settingsSchema.parse(old).workCalendar).toEqual([]);
  });

  it('replaces the calendar entries as a whole and keeps them when the patch is about something else', () => {
    const entries = [{ date: '2027.01.01', kind: '休' as const, note: '元旦' }];
    const withCal = applySettingsPatch(defaultSettings(), settingsPatchSchema.parse({ workCalendar: entries }));
    expect(withCal.workCalendar).toEqual(entries);
    expect(applySettingsPatch(withCal, settingsPatchSchema.parse({ autoLockMinutes: 9 })).workCalendar).toEqual(entries);
    expect(applySettingsPatch(withCal, settingsPatchSchema.parse({ workCalendar: [] })).workCalendar).toEqual([]);
  });

  it('refuses a calendar day that does not exist, a wrong kind, and a date entered twice, in Chinese', () => {
    const issues = (workCalendar: unknown) => {
      const r = settingsPatchSchema.safeParse({ workCalendar });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues([{ date: '2027.02.29', kind: '休' }])).toEqual(['workCalendar.0.date: 法定节假日与调休：日期“2027.02.29”不存在或不是 2027.01.01 的形式']);
    expect(issues([{ date: '2027-01-01', kind: '休' }])).toEqual(['workCalendar.0.date: 法定节假日与调休：日期“2027-01-01”不存在或不是 2027.01.01 的形式']);
    expect(issues([{ date: '2027.01.01', kind: '假' }])).toEqual(['workCalendar.0.kind: 法定节假日与调休：类别应为“休”或“班”']);
    expect(issues([{ date: '2027.01.01', kind: '休' }, { date: '2027.01.02', kind: '休' }, { date: '2027.01.01', kind: '班' }])).toEqual([
      'workCalendar.2.date: 法定节假日与调休：2027.01.01 录入了两次（第 1 条和第 3 条）',
    ]);
    expect(issues([{ date: '2028.02.29', kind: '班', note: '闰日' }])).toEqual([]);
  });
});
