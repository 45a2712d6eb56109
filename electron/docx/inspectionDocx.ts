/**
 * 考察材料 — the 考察组's report on a 跨村任职 candidate, written from the structured record kept
 * on the 考察 step, in the usual order: an opening (who inspected, when, how), 一、基本情况,
 * 二、民主测评情况, 三、主要优点, 四、主要不足, 五、考察结论, then the 考察组 and date. Set in the
 * chosen body font at 16 pt (三号) on a 28 pt line, as 组织部门 papers are.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { AppError } from '../../shared/contract/define.js';
import type { CrossStep, Inspection } from '../../shared/domain/crossPosting.js';
import { ageAt } from '../../shared/rules/dates.js';
import type { DossierData } from '../print/dossier.js';
import { bareName } from '../print/rmbData.js';
import { A4, docxStyles, para, type DocxFont } from './docxParts.js';

const MARGIN = { top: 2098, right: 1531, bottom: 1984, left: 1588, footer: 1134 }; // 公文 margins: 37 / 27 / 35 / 28 mm
const LINE = 28;
const longDate = (d: string) => d.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, (_m, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);
const body = (t: string) => para(t, { align: 'both', pt: 16, linePt: LINE, indent: { firstLine: 640 } });
const heading = (t: string) => new Paragraph({ spacing: { line: LINE * 20, lineRule: 'exact' }, indent: { firstLine: 640 }, children: [new TextRun({ text: t, size: 32, font: { eastAsia: '黑体' } })] });
const pct = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(1)}%` : '—');

/** The 考察 step whose record the 考察材料 is written from (the latest one that has a record). */
export function inspectionStep(d: Pick<DossierData, 'candidate'>): (CrossStep & { inspection: Inspection }) | null {
  const s = [...d.candidate.steps].reverse().find((x) => x.stage === '考察' && x.inspection);
  return (s as (CrossStep & { inspection: Inspection }) | undefined) ?? null;
}

export function inspectionSection(d: DossierData): ISectionOptions {
  const step = inspectionStep(d);
  if (!step) throw new AppError('INVALID', `${d.cadre.name} 的“考察”环节没有填写考察记录，无法生成考察材料；请在记录考察环节时填写考察组、谈话人数、民主测评等`);
  const x = step.inspection;
  const c = d.cadre;
  const name = bareName(c.name);
  const when = x.to && x.to !== x.from ? `${longDate(x.from)}至${longDate(x.to)}` : longDate(x.from);
  const edu = c.partTimeEducation.level || c.fullTimeEducation.level;
  const facts = [
    `${name}，${c.sex}，${c.ethnicity}`,
    `${c.birth.replace('.', '年')}月出生（${ageAt(c.birth, d.refDate)}岁）`,
    c.nativePlace ? `${c.nativePlace}人` : '',
    c.partyJoinDate ? `${c.partyJoinDate.replace('.', '年')}月加入中国共产党` : c.politicalStatus,
    c.workStartDate ? `${c.workStartDate.replace('.', '年')}月参加工作` : '',
    edu ? `${edu}学历` : '',
  ].filter(Boolean);
  const v = x.votes;
  const good = v.excellent + v.competent;
  const lines = (t: string) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return {
    properties: { page: { size: A4, margin: MARGIN } },
    footers: {
      default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })] })] }),
    },
    children: [
      para(`关于${name}同志的考察材料`, { pt: 22, bold: true, linePt: 36, before: 0 }),
      para('', { linePt: LINE }),
      body(
        `根据${d.townName}${d.villageName}${d.pilot.post}跨村任职试点工作安排，考察组（${x.team}）于${when}对${name}同志进行了考察。考察组采取个别谈话、民主测评、查阅资料等方式，共与 ${x.interviewees} 人进行了个别谈话，${v.participants} 人参加了民主测评。现将考察情况报告如下：`,
      ),
      heading('一、基本情况'),
      body(`${facts.join('，')}。现任${c.currentPosition || '（无）'}。`),
      heading('二、民主测评情况'),
      body(
        `参加民主测评 ${v.participants} 人。评价“优秀”${v.excellent} 票，占 ${pct(v.excellent, v.participants)}；“称职”${v.competent} 票，占 ${pct(v.competent, v.participants)}；“基本称职”${v.basic} 票，占 ${pct(v.basic, v.participants)}；“不称职”${v.incompetent} 票，占 ${pct(v.incompetent, v.participants)}。“优秀”和“称职”票合计占 ${pct(good, v.participants)}。`,
      ),
      heading('三、主要优点'),
      ...lines(x.strengths).map(body),
      heading('四、主要不足'),
      ...(lines(x.weaknesses).length ? lines(x.weaknesses).map(body) : [body('（考察中未发现明显不足。）')]),
      heading('五、考察结论'),
      ...lines(x.conclusion).map(body),
      para('', { linePt: LINE }),
      para(`考察组：${x.team}`, { align: 'right', pt: 16, linePt: LINE, indent: { right: 640 } }),
      para(longDate(x.to || x.from), { align: 'right', pt: 16, linePt: LINE, indent: { right: 640 } }),
    ],
  };
}

export async function inspectionDocx(d: DossierData, font: DocxFont): Promise<Buffer> {
  const doc = new Document({ creator: 'cadre-desk', title: `关于${bareName(d.cadre.name)}同志的考察材料`, styles: docxStyles(font), sections: [inspectionSection(d)] });
  return Packer.toBuffer(doc);
}
