import { describe, expect, it } from 'vitest';
import { emptyDocument, SCHEMA_VERSION } from '../../shared/domain/document.js';
import { migrate } from '../store/migrations.js';
import { publicityWarnings } from './decisions.js';

describe('publicityWarnings (公示 at least 5 working days)', () => {
  it('warns over 国庆 2026 although Monday–Friday would give 8 days', () => {
    expect(publicityWarnings('2026.09.30', '2026.10.09', [])).toEqual(['公示期 2026.09.30–2026.10.09 只有 3 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日']);
  });

  it('is silent when the 调休 Saturday brings the count to 5', () => {
    expect(publicityWarnings('2026.09.29', '2026.10.10', [])).toEqual([]); // 9.29, 9.30, 10.8, 10.9, 10.10
  });

  it('says which year has no calendar and counts it Monday–Friday', () => {
    // Wed 2027.01.06 – Sun 2027.01.10: three weekdays.
    expect(publicityWarnings('2027.01.06', '2027.01.10', [])).toEqual([
      '公示期 2027.01.06–2027.01.10 只有 3 个工作日（2027 年的节假日安排尚未录入，按周一至周五计，可在 设置 → 法定节假日与调休 中补充），少于 5 个工作日',
    ]);
  });

  it('uses the user entries of 设置', () => {
    // Fri 2027.01.01 – Thu 2027.01.07 is five weekdays; with 元旦 entered it is four.
    expect(publicityWarnings('2027.01.01', '2027.01.07', [])).toEqual([
      '公示期 2027.01.01–2027.01.07 共 5 个工作日（2027 年的节假日安排尚未录入，按周一至周五计，可在 设置 → 法定节假日与调休 中补充），请核对是否满 5 个工作日',
    ]);
    expect(publicityWarnings('2027.01.04', '2027.01.08', [{ date: '2027.01.01', kind: '休', note: '元旦' }])).toEqual([]);
    expect(publicityWarnings('2027.01.01', '2027.01.07', [{ date: '2027.01.01', kind: '休', note: '元旦' }])).toEqual([
      '公示期 2027.01.01–2027.01.07 只有 4 个工作日（已扣除法定节假日、计入调休上班日），少于 5 个工作日',
    ]);
  });

  it('works on a vault saved before 设置 had the calendar', () => {
    const { workCalendar: _dropped, ...oldSettings } = emptyDocument().settings;
    const doc = migrate({ ...emptyDocument(), schemaVersion: SCHEMA_VERSION, settings: oldSettings });
    expect(doc.settings.workCalendar).toEqual([]);
    expect(publicityWarnings('2026.10.01', '2026.10.09', doc.settings.workCalendar)[0]).toContain('只有 2 个工作日');
  });
});
