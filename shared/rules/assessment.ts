/**
 * 年度考核结果 as written on the 任免审批表 and in 花名册 ("2023年度称职；2024年度优秀", "2024年优秀",
 * "2023 基本称职") read into the {year, grade} records the 跨村任职 rules check. Only what is
 * plainly written becomes a record; anything else stays as text for a person to read.
 */
import { ASSESSMENT_GRADES, normalizeCode, type AssessmentGrade } from '../domain/codes.js';

export interface Assessment {
  year: number;
  grade: AssessmentGrade;
}

export interface AssessmentParse {
  assessments: Assessment[];
  /** Chinese messages, one per piece of text that did not become a record. */
  issues: string[];
}

/** 事业单位 wording of the same four tiers (合格 → 称职 is in the shared code aliases). */
const EXTRA_GRADES: Record<string, AssessmentGrade> = { 基本合格: '基本称职', 不合格: '不称职' };

const ENTRY = /^(\d{4})\s*(?:年度|年)?\s*(?:考核)?\s*(?:结果|等次)?\s*(?:为|是|:)?\s*(基本称职|不称职|基本合格|不合格|优秀|称职|合格)\s*(?:等次)?$/;

function gradeOf(word: string): AssessmentGrade | undefined {
  return EXTRA_GRADES[word] ?? normalizeCode(ASSESSMENT_GRADES, word);
}

const GRADE_WORD = '(基本称职|不称职|基本合格|不合格|优秀|称职|合格)';
/** "2022、2023、2024 年度考核均为称职", "2022-2024年度均为称职": one grade for several years. */
const SHARED_GRADE = new RegExp(
  `((?:\\d{4}\\s*(?:年度|年)?\\s*[、，,和及]\\s*)+\\d{4}|\\d{4}\\s*(?:年度|年)?\\s*(?:-{1,2}|—{1,2}|–|至|~)\\s*\\d{4})\\s*(?:年度|年)?\\s*(?:考核)?\\s*(?:结果|等次)?\\s*(?:均|都|皆)\\s*(?:为|是)?\\s*${GRADE_WORD}`,
  'g',
);

function spreadSharedGrades(s: string): string {
  return s.replace(SHARED_GRADE, (_all, years: string, grade: string) => {
    const ys = (years.match(/\d{4}/g) ?? []).map(Number);
    const list = /[、，,和及]/.test(years) ? ys : Array.from({ length: Math.max(0, ys[1] - ys[0] + 1) }, (_, k) => ys[0] + k);
    // A reversed or absurd range is left as written, to be reported below.
    if (list.length === 0 || list.length > 30) return _all;
    return list.map((y) => `${y}年度${grade}`).join('；');
  });
}

export function parseAssessmentText(text: string): AssessmentParse {
  const found = new Map<number, AssessmentGrade[]>();
  const issues: string[] = [];
  const pieces = spreadSharedGrades(text.normalize('NFKC'))
    .split(/[；;，,、。\r\n]+/)
    .flatMap((p) => p.split(/\s+(?=\d{4})/))
    .map((p) => p.trim())
    .filter(Boolean);
  for (const piece of pieces) {
    const m = ENTRY.exec(piece);
    const grade = m ? gradeOf(m[2]) : undefined;
    const year = m ? Number(m[1]) : NaN;
    if (!m || !grade) {
      issues.push(`“${piece}”无法识别为“2024年度优秀”的形式（等次应为 ${ASSESSMENT_GRADES.join('、')}），未生成该项考核记录`);
      continue;
    }
    if (year < 1950 || year > 2100) {
      issues.push(`“${piece}”的年度 ${year} 不合理，未生成该项考核记录`);
      continue;
    }
    found.set(year, [...(found.get(year) ?? []), grade]);
  }
  const assessments: Assessment[] = [];
  for (const [year, grades] of found) {
    const distinct = [...new Set(grades)];
    if (distinct.length > 1) issues.push(`${year} 年度写了两个不同的等次（${distinct.join('、')}），未生成该年度的考核记录`);
    else assessments.push({ year, grade: distinct[0] });
  }
  assessments.sort((a, b) => a.year - b.year);
  return { assessments, issues };
}

/** Records from a new source laid over the stored ones: a year given again is replaced, other years stay. */
export function mergeAssessments<T extends { year: number }>(stored: readonly T[], incoming: readonly T[]): T[] {
  const years = new Set(incoming.map((a) => a.year));
  return [...stored.filter((a) => !years.has(a.year)), ...incoming].sort((a, b) => a.year - b.year);
}

/** The text form written when a cadre has records but no 年度考核结果 text. */
export function formatAssessments(list: readonly { year: number; grade: string }[]): string {
  return [...list].sort((a, b) => a.year - b.year).map((a) => `${a.year}年度${a.grade}`).join('；');
}
