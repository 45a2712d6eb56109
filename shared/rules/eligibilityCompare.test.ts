import { describe, expect, it } from 'vitest';
import { comparisonRows, type CompareColumn } from './eligibilityCompare.js';

function col(over: Partial<CompareColumn> & { name: string }): CompareColumn {
  return {
    cadreId: over.name, stage: '提名', sex: '男', photo: '', birth: '1980.05', age: 46, politicalStatus: '中共党员', partyJoinDate: '2005.07',
    partyYears: 21, education: '大专', degree: '', currentPosition: '强村党组织副书记', villagePost: '党组织副书记', postSince: '2021.03', tenureYears: 5,
    villageWorkSince: '2010.03', villageYears: 16, source: { name: '强村', strength: '强', demonstration: null, weakLax: '', stars: 4, starsYear: 2025 },
    assessments: [{ year: 2025, grade: '称职' }, { year: 2024, grade: '称职' }, { year: 2023, grade: '称职' }], shadow: [], mentoring: [], rewards: '',
    negativeFlags: [], verdicts: [{ ruleId: 'age', label: '年龄', result: 'pass', reason: `${over.name} 46 岁` }], overall: 'pass',
    ...over,
  };
}
const row = (cols: CompareColumn[], key: string) => comparisonRows(cols).find((r) => r.key === key)!;

describe('comparisonRows', () => {
  it('marks rows where candidates differ and leaves equal rows plain', () => {
    const cols = [col({ name: '甲' }), col({ name: '乙', education: '大学' })];
    expect(row(cols, 'education').differ).toBe(true);
    expect(row(cols, 'sex').differ).toBe(false);
    // Verdict rows compare the result, not the reason text that names each person.
    expect(row(cols, 'rule:age').differ).toBe(false);
  });

  it('marks the best value only where it means something and only when values differ', () => {
    const cols = [col({ name: '甲', education: '高中' }), col({ name: '乙', education: '大学' }), col({ name: '丙', education: '大学' })];
    expect(row(cols, 'education').cells.map((c) => !!c.best)).toEqual([false, true, true]);
    expect(row(cols, 'vitality').cells.some((c) => c.best)).toBe(false); // all 4 stars
    const ages = [col({ name: '甲', age: 40 }), col({ name: '乙', age: 50 })];
    expect(row(ages, 'age').cells.some((c) => c.best)).toBe(false); // younger is not "better"
  });

  it('scores 年度考核 by grades and the overall verdict by its checks', () => {
    const cols = [
      col({ name: '甲', assessments: [{ year: 2025, grade: '优秀' }, { year: 2024, grade: '称职' }, { year: 2023, grade: '' }] }),
      col({ name: '乙', assessments: [{ year: 2025, grade: '优秀' }, { year: 2024, grade: '优秀' }, { year: 2023, grade: '称职' }], overall: 'fail', verdicts: [{ ruleId: 'age', label: '年龄', result: 'fail', reason: '超龄' }] }),
    ];
    expect(row(cols, 'assessments').cells[0].text).toBe('2025 优秀；2024 称职；2023 缺');
    expect(row(cols, 'assessments').cells.map((c) => !!c.best)).toEqual([false, true]);
    expect(row(cols, 'overall').cells.map((c) => !!c.best)).toEqual([true, false]);
    expect(row(cols, 'overall').cells[1].lines).toEqual(['年龄：不符合']);
  });

  it('follows the column order it is given (reorder and remove on screen)', () => {
    const a = col({ name: '甲', age: 40 });
    const b = col({ name: '乙', age: 50 });
    expect(row([b, a], 'age').cells.map((c) => c.text)).toEqual(['50 岁（1980.05）', '40 岁（1980.05）']);
  });
});
