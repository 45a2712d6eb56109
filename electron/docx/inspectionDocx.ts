/**
 * 考察材料 — the 考察组's report on a 跨村任职 candidate (wording: ../print/inspectionText.ts) in
 * the usual order: an opening (who inspected, when, how), 一、基本情况, 二、民主测评情况,
 * 三、主要优点, 四、主要不足, 五、考察结论, then the 考察组 and date. Set in the chosen body font
 * at 16 pt (三号) on a 28 pt line, headings in 黑体, as 组织部门 papers are.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { AppError } from '../../shared/contract/define.js';
import type { DossierData } from '../print/dossierData.js';
import { inspectionReport, inspectionStep } from '../print/inspectionText.js';
import { A4, docxStyles, para, type DocxFont } from './docxParts.js';

const MARGIN = { top: 2098, right: 1531, bottom: 1984, left: 1588, footer: 1134 }; // 公文 margins: 37 / 27 / 35 / 28 mm
const LINE = 28;
const body = (t: string) => para(t, { align: 'both', pt: 16, linePt: LINE, indent: { firstLine: 640 } });
const heading = (t: string) => new Paragraph({ spacing: { line: LINE * 20, lineRule: 'exact' }, indent: { firstLine: 640 }, children: [new TextRun({ text: t, size: 32, font: { eastAsia: '黑体' } })] });

export { inspectionStep };

export function inspectionSection(d: DossierData): ISectionOptions {
  const r = inspectionReport(d);
  if (!r) throw new AppError('INVALID', `${d.cadre.name} 的“考察”环节没有填写考察记录，无法生成考察材料；请在记录考察环节时填写考察组、谈话人数、民主测评等`);
  return {
    properties: { page: { size: A4, margin: MARGIN } },
    footers: {
      default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })] })] }),
    },
    children: [
      para(r.title, { pt: 22, bold: true, linePt: 36 }),
      para('', { linePt: LINE }),
      body(r.opening),
      ...r.sections.flatMap((s) => [heading(s.heading), ...s.paras.map(body)]),
      para('', { linePt: LINE }),
      ...r.sign.map((t) => para(t, { align: 'right', pt: 16, linePt: LINE, indent: { right: 640 } })),
    ],
  };
}

export async function inspectionDocx(d: DossierData, font: DocxFont): Promise<Buffer> {
  const doc = new Document({ creator: 'cadre-desk', title: inspectionReport(d)?.title ?? '考察材料', styles: docxStyles(font), sections: [inspectionSection(d)] });
  return Packer.toBuffer(doc);
}
