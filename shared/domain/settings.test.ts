import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, settingsPatchSchema } from './settings.js';

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
});
