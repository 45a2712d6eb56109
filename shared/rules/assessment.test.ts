import { describe, expect, it } from 'vitest';
import { formatAssessments, mergeAssessments, parseAssessmentText, type Assessment } from './assessment.js';

describe('年度考核结果 text → records', () => {
  it.each([
    ['2023年度称职；2024年度优秀；2025年度优秀', [[2023, '称职'], [2024, '优秀'], [2025, '优秀']]],
    ['2024年优秀', [[2024, '优秀']]],
    ['2023 基本称职', [[2023, '基本称职']]],
    ['2023年度考核为不称职，2024年度考核结果：优秀。', [[2023, '不称职'], [2024, '优秀']]],
    ['2022年度合格 2023年度基本合格 2024年度不合格', [[2022, '称职'], [2023, '基本称职'], [2024, '不称职']]],
    ['２０２４年度优秀\n2025年度称职', [[2024, '优秀'], [2025, '称职']]],
    ['2022、2023、2024 年度考核均为称职', [[2022, '称职'], [2023, '称职'], [2024, '称职']]],
    ['2023-2025年度均为优秀', [[2023, '优秀'], [2024, '优秀'], [2025, '优秀']]],
    ['2025年度优秀；2023年度称职', [[2023, '称职'], [2025, '优秀']]],
  ])('%s', (text, expected) => {
    const r = parseAssessmentText(text);
    expect(r.issues).toEqual([]);
    expect(r.assessments.map((a) => [a.year, a.grade])).toEqual(expected);
  });

  it('makes no record from what it cannot read, and says what it left', () => {
    const r = parseAssessmentText('2022年度良好；2023年度称职；新任未参加考核；1900年度优秀；2024年度称职；2024年度优秀');
    expect(r.assessments).toEqual([{ year: 2023, grade: '称职' }]);
    expect(r.issues).toEqual([
      '“2022年度良好”无法识别为“2024年度优秀”的形式（等次应为 优秀、称职、基本称职、不称职），未生成该项考核记录',
      '“新任未参加考核”无法识别为“2024年度优秀”的形式（等次应为 优秀、称职、基本称职、不称职），未生成该项考核记录',
      '“1900年度优秀”的年度 1900 不合理，未生成该项考核记录',
      '2024 年度写了两个不同的等次（称职、优秀），未生成该年度的考核记录',
    ]);
  });

  it('lays new years over stored ones and writes the text form', () => {
    const stored: Assessment[] = [{ year: 2021, grade: '优秀' }, { year: 2023, grade: '基本称职' }];
    const merged = mergeAssessments(stored, [{ year: 2023, grade: '称职' }, { year: 2024, grade: '优秀' }]);
    expect(merged).toEqual([{ year: 2021, grade: '优秀' }, { year: 2023, grade: '称职' }, { year: 2024, grade: '优秀' }]);
    expect(formatAssessments(merged)).toBe('2021年度优秀；2023年度称职；2024年度优秀');
    expect(parseAssessmentText(formatAssessments(merged)).assessments).toEqual(merged);
  });
});
