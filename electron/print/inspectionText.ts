/**
 * The wording of the 考察材料, written from the record on a candidate's 考察 step: the Word file
 * (../docx/inspectionDocx.ts) and the printed 任用材料 (dossier.ts) both set this same text.
 */
import type { CrossStep, Inspection } from '../../shared/domain/crossPosting.js';
import { ageAt } from '../../shared/rules/dates.js';
import type { DossierData } from './dossierData.js';
import { bareName } from './rmbData.js';

export interface InspectionReport {
  title: string;
  opening: string;
  /** 一、基本情况 … 五、考察结论, each with its paragraphs. */
  sections: { heading: string; paras: string[] }[];
  /** The 考察组 and the date, signed at the end. */
  sign: string[];
}

const longDate = (d: string) => d.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, (_m, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);
const pct = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(1)}%` : '—');
const lines = (t: string) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const ym = (v: string) => `${v.replace('.', '年')}月`;

/** The 考察 step whose record the 考察材料 is written from (the latest one that has a record). */
export function inspectionStep(d: Pick<DossierData, 'candidate'>): (CrossStep & { inspection: Inspection }) | null {
  const s = [...d.candidate.steps].reverse().find((x) => x.stage === '考察' && x.inspection);
  return (s as (CrossStep & { inspection: Inspection }) | undefined) ?? null;
}

export function inspectionReport(d: DossierData): InspectionReport | null {
  const step = inspectionStep(d);
  if (!step) return null;
  const x = step.inspection;
  const c = d.cadre;
  const name = bareName(c.name);
  const when = x.to && x.to !== x.from ? `${longDate(x.from)}至${longDate(x.to)}` : longDate(x.from);
  const edu = c.partTimeEducation.level || c.fullTimeEducation.level;
  const facts = [
    `${name}，${c.sex}，${c.ethnicity}`,
    `${ym(c.birth)}出生（${ageAt(c.birth, d.refDate)}岁）`,
    c.nativePlace ? `${c.nativePlace}人` : '',
    c.partyJoinDate ? `${ym(c.partyJoinDate)}加入中国共产党` : c.politicalStatus,
    c.workStartDate ? `${ym(c.workStartDate)}参加工作` : '',
    edu ? `${edu}学历` : '',
  ].filter(Boolean);
  const v = x.votes;
  return {
    title: `关于${name}同志的考察材料`,
    opening: `根据${d.townName}${d.villageName}${d.pilot.post}跨村任职试点工作安排，考察组（${x.team}）于${when}对${name}同志进行了考察。考察组采取个别谈话、民主测评、查阅资料等方式，共与 ${x.interviewees} 人进行了个别谈话，${v.participants} 人参加了民主测评。现将考察情况报告如下：`,
    sections: [
      { heading: '一、基本情况', paras: [`${facts.join('，')}。现任${c.currentPosition || '（无）'}。`] },
      {
        heading: '二、民主测评情况',
        paras: [
          `参加民主测评 ${v.participants} 人。评价“优秀”${v.excellent} 票，占 ${pct(v.excellent, v.participants)}；“称职”${v.competent} 票，占 ${pct(v.competent, v.participants)}；“基本称职”${v.basic} 票，占 ${pct(v.basic, v.participants)}；“不称职”${v.incompetent} 票，占 ${pct(v.incompetent, v.participants)}。“优秀”和“称职”票合计占 ${pct(v.excellent + v.competent, v.participants)}。`,
        ],
      },
      { heading: '三、主要优点', paras: lines(x.strengths) },
      { heading: '四、主要不足', paras: lines(x.weaknesses).length ? lines(x.weaknesses) : ['（考察中未发现明显不足。）'] },
      { heading: '五、考察结论', paras: lines(x.conclusion) },
    ],
    sign: [`考察组：${x.team}`, longDate(x.to || x.from)],
  };
}
