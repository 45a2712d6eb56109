/**
 * What the 干部任免审批表 shows, independent of how it is drawn: the HTML/PDF print
 * (rmbForm.ts) and the Word file (../docx/rmbDocx.ts) both take their values from here, so
 * both print the same age at 计算年龄时间, the same 简历 lines and the same family rows.
 */
import type { Cadre, FamilyMember, ResumeLine } from '../../shared/domain/cadre.js';
import { ageAt } from '../../shared/rules/dates.js';
import type { PrintWarning } from '../../shared/contract/print.js';
import { fitParagraphs, type FitResult, type FitSpec, type Para } from './fit.js';

export type FamilyColumn = '出生年月' | '年龄';

export interface RmbOptions {
  /** 计算年龄时间: "YYYY.MM" or "YYYY.MM.DD". */
  refDate: string;
  familyColumn: FamilyColumn;
}

/** The official family table has 7 member rows. */
export const FAMILY_ROWS = 7;
/** 小五: the smallest size still legible on the printed form. */
export const FLOOR_PT = 9;

/** One line of the 简历 as the form prints it: "1990.09--1994.07  text"; an open end stays blank. */
export function resumeLineParts(l: ResumeLine): { date: string; text: string } {
  if (!l.from) return { date: '', text: clean(l.text) };
  return { date: `${l.from}--${l.to || ''}`, text: clean(l.text) };
}

function clean(s: string): string {
  return String(s ?? '').replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Names in LRMX are padded for alignment ("张  三"); the form centres the bare name. */
export function bareName(n: string): string {
  return /^[\u3400-\u9fff\s\u3000]+$/.test(n) ? n.replace(/[\s\u3000]/g, '') : n.trim();
}

export function assessmentLine(c: Pick<Cadre, 'assessmentText' | 'assessments'>): string {
  if (c.assessmentText.trim()) return c.assessmentText.trim();
  const sorted = [...c.assessments].sort((a, b) => a.year - b.year);
  return sorted.length ? `${sorted.map((a) => `${a.year}年度${a.grade}`).join('；')}。` : '';
}

export function familyThird(m: FamilyMember, column: FamilyColumn, refDate: string): string {
  if (!m.birth) return '';
  return column === '年龄' ? String(ageAt(m.birth, refDate)) : m.birth;
}

/** "(48岁)" under 出生年月 on page 1. */
export function ageLine(c: Pick<Cadre, 'birth'>, refDate: string): string {
  return c.birth ? `(${ageAt(c.birth, refDate)}岁)` : '';
}

/** The two school lines of a 学历/学位 block: the degree's school only when it differs. */
export function schoolLines(e: Cadre['fullTimeEducation']): [string, string] {
  return [e.levelSchool, e.degreeSchool && e.degreeSchool !== e.levelSchool ? e.degreeSchool : ''];
}

/** Free text of page 2 (奖惩, 考核, 理由, 呈报单位) as paragraphs; blank lines inside are kept, at the ends dropped. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t, i, all) => t || (i > 0 && i < all.length - 1));
}

/** The 简历 hanging indent of the official template: 2200 twips, in em at 14 pt. */
export const RESUME_HANG_TWIPS = 2200;
export const RESUME_HANG_EM = RESUME_HANG_TWIPS / 20 / 14;

/** 简历 entries as paragraphs to fit: dated ones hang under their text, undated ones start there. */
export function resumeParas(resume: ResumeLine[]): Para[] {
  return resume.map((l) => {
    const p = resumeLineParts(l);
    return p.date ? { text: `${p.date}  ${p.text}`, hangEm: RESUME_HANG_EM } : { text: p.text, indentEm: RESUME_HANG_EM };
  });
}

/**
 * One cadre's form being laid out: the warnings the user must see before printing, and the
 * sections that continue on a 续页 (`body` is whatever the renderer draws: HTML, Word paragraphs).
 */
export class RmbContext<Body> {
  warnings: PrintWarning[] = [];
  cont: { heading: string; body: Body }[] = [];
  constructor(readonly cadre: Cadre) {}

  warn(level: PrintWarning['level'], field: string, message: string): void {
    this.warnings.push({ level, cadreId: this.cadre.id, cadreName: this.cadre.name, field, message });
  }

  /**
   * The family members that fit the form's rows. The rest go to a 续页 (laid out by `continued`,
   * in the caller's own output form), and the user is warned before printing.
   */
  familyOnForm(continued: (rest: FamilyMember[]) => Body): FamilyMember[] {
    const { family, name } = this.cadre;
    if (family.length > FAMILY_ROWS) {
      this.warn('warning', '家庭主要成员及重要社会关系', `${name}：家庭主要成员及重要社会关系共 ${family.length} 人，审批表只有 ${FAMILY_ROWS} 行，第 ${FAMILY_ROWS + 1}–${family.length} 人打印在续页`);
      this.cont.push({ heading: '家庭主要成员及重要社会关系（续）', body: continued(family.slice(FAMILY_ROWS)) });
    }
    return family.slice(0, FAMILY_ROWS);
  }

  /** Fits `paras` into a box; records a note when shrunk. Returns the chosen size. */
  fit(field: string, paras: Para[], spec: FitSpec): FitResult {
    const r = fitParagraphs(paras, spec);
    if (r.fits && r.shrunk) this.warn('info', field, `${this.cadre.name}：${field}较长，已缩小为 ${r.pt} 磅字号打印`);
    return r;
  }
}
