/**
 * 简历 text as officials write it, one period per line: "1990.09--1994.07  华南师范大学政治系学习",
 * "2003.05—  杏坛镇水藤村党支部书记" (open end = 至今). The LRMX file and the 花名册 cell use the
 * same lines, so both importers read them here and both exporters write them here.
 */
import type { ResumeLine } from '../domain/cadre.js';
import { parseYearMonth } from './dates.js';

export interface ResumeIssue {
  /** 1-based position among the non-blank lines, as the clerk counts them in the cell. */
  line: number;
  text: string;
  message: string;
}

export interface ResumeParse {
  /** Every line is kept: one that cannot be read becomes a text-only line (from = ''). */
  lines: ResumeLine[];
  issues: ResumeIssue[];
}

const DIGIT = '[0-9０-９]';
const DATE = `(${DIGIT}{4})\\s*[.．。年/]?\\s*(${DIGIT}{1,2})\\s*月?`;
const DASH = '(?:-{1,2}|—{1,2}|–{1,2}|－{1,2}|―{1,2}|～|~|〜|至|到)';
const OPEN_END = '(?:至今|今|现在)';
const RESUME_LINE = new RegExp(`^${DATE}\\s*${DASH}\\s*(?:${DATE}|${OPEN_END})?[\\s\\u3000]*(.*)$`);

const ym = (y: string, m: string) => parseYearMonth(`${y.normalize('NFKC')}.${m.normalize('NFKC')}`);

/**
 * Lines split on line breaks, and on ； where the next period starts right after it (people
 * paste a 简历 into one line); an indented line continues the one above (the LRMX editor wraps
 * long entries that way).
 */
export function parseResumeText(s: string): ResumeParse {
  const lines: ResumeLine[] = [];
  const issues: ResumeIssue[] = [];
  let count = 0;
  for (const raw of s.split(/\r\n|\r|\n|[；;][\s\u3000]*(?=[0-9０-９]{4})/)) {
    if (!raw.trim()) continue;
    if (/^[\s\u3000]/.test(raw) && lines.length && !RESUME_LINE.test(raw.trim())) {
      lines[lines.length - 1].text += raw.trim();
      continue;
    }
    count++;
    const line = raw.trim();
    const problem = (why: string) => {
      issues.push({ line: count, text: line, message: `简历第 ${count} 行“${line}”${why}，已原样保留为一行，请核对` });
      lines.push({ from: '', to: '', text: line });
    };
    const m = RESUME_LINE.exec(line);
    if (!m) {
      problem('没有“1990.09--1994.07”形式的起止年月');
      continue;
    }
    const from = ym(m[1], m[2]);
    if (!from.ok) {
      problem(`的起始年月有误：${from.message}`);
      continue;
    }
    // "2003.05—2005 …": a year alone must not pass for an open end with "2005" in the text.
    if (!m[3] && /^[0-9０-９]{4}/.test(m[5])) {
      problem('的终止年月只写了年份（应写成 2005.03 的形式）');
      continue;
    }
    const to = m[3] ? ym(m[3], m[4]) : ({ ok: true, value: '' } as const);
    if (!to.ok) {
      problem(`的终止年月有误：${to.message}`);
      continue;
    }
    if (to.value && to.value < from.value) {
      problem(`的起始年月 ${from.value} 晚于终止年月 ${to.value}`);
      continue;
    }
    lines.push({ from: from.value, to: to.value, text: m[5].trim() });
  }
  return { lines, issues };
}

/** The national editor's layout: an open end is blank, padded so the texts line up. */
export function formatResume(lines: readonly ResumeLine[], newline = '\r\n'): string {
  return lines.map((l) => (l.from ? `${l.from}--${l.to || '       '}  ${l.text}` : l.text)).join(newline);
}
