/**
 * Side-by-side comparison of 2–5 candidates. The server gathers one column of facts per cadre;
 * `comparisonRows` turns any order/subset of columns into rows, marking rows where the
 * candidates differ and the best value where "best" means something. The screen and the
 * printed comparison both use it, so they always agree.
 */
import type { Verdict, VerdictResult } from '../domain/crossPosting.js';
import { educationRank } from './education.js';

export interface CompareColumn {
  cadreId: string;
  candidateId?: string;
  stage: string;
  name: string;
  sex: string;
  /** base64 JPEG, '' when none. */
  photo: string;
  birth: string;
  age: number;
  politicalStatus: string;
  partyJoinDate: string;
  partyYears: number | null;
  education: string;
  degree: string;
  currentPosition: string;
  villagePost: string;
  postSince: string;
  tenureYears: number | null;
  villageWorkSince: string;
  villageYears: number | null;
  source: { name: string; strength: string; demonstration: string | null; weakLax: string; stars: number | null; starsYear: number | null } | null;
  /** The window's years, newest first; grade '' = not recorded. */
  assessments: { year: number; grade: string }[];
  shadow: string[];
  mentoring: string[];
  rewards: string;
  negativeFlags: string[];
  verdicts: Verdict[];
  overall: VerdictResult;
  /** Set when the verdicts are the ones recorded at 任命 (that day), not today's. */
  asOf?: string;
}

export interface CompareCell {
  text: string;
  /** Extra lines under the text (history lists, reasons). */
  lines?: string[];
  verdict?: VerdictResult;
  photo?: string;
  best?: boolean;
}

export interface CompareRow {
  key: string;
  label: string;
  group: '基本情况' | '任职与来源村' | '考核与经历' | '资格审查';
  cells: CompareCell[];
  differ: boolean;
}

const GRADE_SCORE: Record<string, number> = { 优秀: 3, 称职: 2, 基本称职: 1, 不称职: 0 };
const VERDICT_SCORE: Record<VerdictResult, number> = { pass: 2, warn: 1, fail: 0 };
export const VERDICT_TEXT: Record<VerdictResult, string> = { pass: '符合', warn: '需核实', fail: '不符合' };

function stars(n: number | null): string {
  return n === null ? '未评' : '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n));
}

interface RowSpec {
  key: string;
  label: string;
  group: CompareRow['group'];
  cell: (c: CompareColumn) => CompareCell;
  /** Higher is better; omitted where no value is "best" (age, post, free text). */
  score?: (c: CompareColumn) => number | null;
}

const SPECS: RowSpec[] = [
  { key: 'photo', label: '照片', group: '基本情况', cell: (c) => ({ text: c.photo ? '' : '无照片', photo: c.photo || undefined }) },
  { key: 'age', label: '年龄', group: '基本情况', cell: (c) => ({ text: `${c.age} 岁（${c.birth}）` }) },
  { key: 'sex', label: '性别', group: '基本情况', cell: (c) => ({ text: c.sex }) },
  {
    key: 'party',
    label: '政治面貌 / 党龄',
    group: '基本情况',
    cell: (c) => ({ text: c.partyYears === null ? c.politicalStatus || '未填' : `${c.politicalStatus}，党龄 ${c.partyYears} 年`, lines: c.partyJoinDate ? [`${c.partyJoinDate} 入党`] : undefined }),
    score: (c) => (c.politicalStatus === '中共党员' ? c.partyYears ?? 0 : -1),
  },
  {
    key: 'education',
    label: '学历学位',
    group: '基本情况',
    cell: (c) => ({ text: [c.education || '未填', c.degree].filter(Boolean).join(' / ') }),
    score: (c) => (c.education ? -educationRank(c.education) : null),
  },
  {
    key: 'post',
    label: '现任职务 / 任职年限',
    group: '任职与来源村',
    cell: (c) => ({ text: c.currentPosition || c.villagePost || '未填', lines: c.postSince ? [`${c.postSince} 任现职${c.tenureYears === null ? '' : `，${c.tenureYears} 年`}`] : undefined }),
  },
  {
    key: 'villageYears',
    label: '村（社区）工作年限',
    group: '任职与来源村',
    cell: (c) => ({ text: c.villageYears === null ? '未填' : `${c.villageYears} 年`, lines: c.villageWorkSince ? [`${c.villageWorkSince} 起`] : undefined }),
    score: (c) => c.villageYears,
  },
  {
    key: 'source',
    label: '来源村',
    group: '任职与来源村',
    cell: (c) => ({
      text: c.source ? c.source.name : '未登记',
      lines: c.source ? [`班子${c.source.strength}${c.source.demonstration ? `，${c.source.demonstration}示范村` : ''}${c.source.weakLax ? `，${c.source.weakLax}` : ''}`] : undefined,
    }),
  },
  {
    key: 'vitality',
    label: '活力指数',
    group: '任职与来源村',
    cell: (c) => ({ text: stars(c.source?.stars ?? null), lines: c.source?.starsYear ? [`${c.source.starsYear} 年`] : undefined }),
    score: (c) => c.source?.stars ?? null,
  },
  {
    key: 'assessments',
    label: '年度考核',
    group: '考核与经历',
    cell: (c) => ({ text: c.assessments.map((a) => `${a.year} ${a.grade || '缺'}`).join('；') || '无记录' }),
    score: (c) => (c.assessments.length ? c.assessments.reduce((s, a) => s + (GRADE_SCORE[a.grade] ?? 0), 0) : null),
  },
  { key: 'shadow', label: '书记跟班', group: '考核与经历', cell: (c) => ({ text: c.shadow.length ? `${c.shadow.length} 期` : '无', lines: c.shadow.length ? c.shadow : undefined }) },
  { key: 'mentoring', label: '智库结对', group: '考核与经历', cell: (c) => ({ text: c.mentoring.length ? `${c.mentoring.length} 项` : '无', lines: c.mentoring.length ? c.mentoring : undefined }) },
  { key: 'rewards', label: '奖惩情况', group: '考核与经历', cell: (c) => ({ text: c.rewards || '无' }) },
  {
    key: 'overall',
    label: '资格审查结论',
    group: '资格审查',
    cell: (c) => {
      const issues = c.verdicts.filter((v) => v.result !== 'pass');
      const lines = [...(c.asOf ? [`${c.asOf} 任命时的审查结果`] : []), ...issues.map((v) => `${v.label}：${VERDICT_TEXT[v.result]}`)];
      return { text: VERDICT_TEXT[c.overall], verdict: c.overall, lines: lines.length ? lines : undefined };
    },
    score: (c) => c.verdicts.reduce((s, v) => s + VERDICT_SCORE[v.result], 0),
  },
];

/** One row per eligibility rule, labelled from the first column that has it. */
function verdictSpecs(columns: CompareColumn[]): RowSpec[] {
  const seen = new Map<string, string>();
  for (const c of columns) for (const v of c.verdicts) if (!seen.has(v.ruleId)) seen.set(v.ruleId, v.label);
  return [...seen].map(([ruleId, label]) => ({
    key: `rule:${ruleId}`,
    label,
    group: '资格审查' as const,
    cell: (c: CompareColumn) => {
      const v = c.verdicts.find((x) => x.ruleId === ruleId);
      return v ? { text: VERDICT_TEXT[v.result], verdict: v.result, lines: [v.reason] } : { text: '—' };
    },
  }));
}

export function comparisonRows(columns: CompareColumn[]): CompareRow[] {
  return [...SPECS, ...verdictSpecs(columns)].map((spec) => {
    const cells = columns.map(spec.cell);
    // A verdict row differs when the results differ; the reasons always name the person.
    const sig = (cell: CompareCell) => (cell.verdict ? cell.verdict : `${cell.text}|${(cell.lines ?? []).join('|')}`);
    // A photo always differs and says nothing comparable.
    const differ = spec.key !== 'photo' && columns.length > 1 && new Set(cells.map(sig)).size > 1;
    if (spec.score && columns.length > 1) {
      const scores = columns.map(spec.score);
      const known = scores.filter((s): s is number => s !== null);
      const top = Math.max(...known);
      // "Best" is only worth marking when the candidates actually differ on it.
      if (known.length && new Set(known).size > 1) scores.forEach((s, i) => s === top && (cells[i].best = true));
    }
    return { key: spec.key, label: spec.label, group: spec.group, cells, differ };
  });
}
