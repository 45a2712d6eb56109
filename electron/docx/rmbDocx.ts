/**
 * 干部任免审批表 as a Word document, in the official template's own geometry (LAYOUT.md, in
 * twips): A4, page 1 and page 2 as two sections with their own margins, fixed-layout tables with
 * exact row heights, 宋体 (or 仿宋_GB2312) 14 pt. Values come from ../print/rmbData.ts, as the
 * PDF print's do. Rows never grow — a long value is set smaller (down to 9 pt) and what cannot
 * fit even then continues on a 续页 with a warning, exactly as in the PDF print.
 */
import { Document, ImageRun, Packer, Paragraph, Tab, Table, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import type { PrintWarning } from '../../shared/contract/print.js';
import type { Cadre, FamilyMember, ResumeLine } from '../../shared/domain/cadre.js';
import { paragraphsThatFit, type FitSpec, type Para } from '../print/fit.js';
import {
  ageLine,
  assessmentLine,
  bareName,
  FAMILY_ROWS,
  familyThird,
  FLOOR_PT,
  RESUME_HANG_TWIPS,
  RmbContext,
  resumeLineParts,
  resumeParas,
  schoolLines,
  textParagraphs,
  type RmbOptions,
} from '../print/rmbData.js';
import { A4, docxStyles, gridTable, imageSize, labelPara, line, mmOf, NO_LINE, para, pxOf, type DocxFont, type GridCell, type GridRow } from './docxParts.js';

export interface RmbDocxOptions extends RmbOptions {
  font: DocxFont;
}

type Ctx = RmbContext<(Paragraph | Table)[]>;

// ---- page 1 (twips), LAYOUT.md "Page 1" ----------------------------------------------------
const G = [784, 236, 1305, 1063, 1302, 1315, 1330, 2058];
const g = (from: number, to: number) => G.slice(from, to + 1).reduce((a, b) => a + b, 0);
/** The template's R5–R8 are 4 × 346; two rows of 692 draw the same rules and keep each 2-line value in one cell. */
const P1 = { r1: 709, r2: 692, r3: 680, r4: 709, edu: 692, post: 709, resume: 7133 };
const P1_MARGIN = { top: 629, right: 1134, bottom: 680, left: 1247, header: 340, footer: 454 };
/** The title's 7 cells, 2324 twips in; its row brings the form's table down to 31.2 mm as printed. */
const TITLE = { indent: 2324, cell: 705, height: 1064 };
const TABLE_INDENT = 15;
const PAD = 34; // 0.6 mm inside short cells, so text never touches a rule
const TEXT_PAD = 113; // 2 mm left pad of the long text blocks

// ---- page 2 (twips), LAYOUT.md "Page 2" ----------------------------------------------------
const P2_WIDTH = 9421;
const H0 = 742;
const P2 = { rewards: 1418, assessment: 1021, reason: 1361, familyHead: 646, family: 697, report: 1332, reportDate: 541, opinion: 2019 };
const P2_MARGIN = { top: 1621, right: 1134, bottom: 567, left: 1191, header: 340, footer: 454 };
/** Page 2's table starts 31.2 mm down on the reference print, 2.6 mm under the top margin. */
const P2_SPACER = 147;
const OPINION_BOX = 4046; // h1–h4
const OPINION_LABEL = 784; // h5–h6

const familyWidths = (column: RmbOptions['familyColumn']) => (column === '年龄' ? [1092, 1274, 574, 1008] : [1092, 1274, 1145, 850]);

/** A label cell: centred lines at 16 pt pitch. */
const label = (lines: string[], w: number | 'rest', extra: Partial<GridCell> = {}): GridCell => ({ w, children: lines.map(labelPara), ...extra });

/** A short value: one or more centred (or left) lines, set smaller when too long, never clipped silently. */
function value(ctx: Ctx, field: string, values: string[], w: number, h: number, o: { ratio?: number; left?: boolean; padLeft?: number } = {}): GridCell['children'] {
  const ratio = o.ratio ?? 16 / 14;
  const padLeft = o.padLeft ?? PAD;
  const spec: FitSpec = { widthMm: mmOf(w - padLeft - PAD), heightMm: mmOf(h) - 0.6, basePt: 14, floorPt: FLOOR_PT, lineRatio: ratio };
  const r = ctx.fit(field, values.map((text) => ({ text })), spec);
  const align = o.left ? 'left' : 'center';
  if (!r.fits) {
    ctx.warn('warning', field, `${ctx.cadre.name}：${field}过长，缩小到 ${FLOOR_PT} 磅仍放不下，全文打印在续页，请考虑精简`);
    ctx.cont.push({ heading: field, body: values.filter(Boolean).map((t) => para(t, { align: 'left', linePt: 18 })) });
    return [para('（见续页）', { pt: FLOOR_PT, linePt: FLOOR_PT * ratio, align })];
  }
  return values.map((t) => para(t, { pt: r.pt, linePt: r.pt * ratio, align }));
}

function valueCell(ctx: Ctx, field: string, values: string[], w: number, h: number, o: { ratio?: number; left?: boolean; padLeft?: number } = {}): GridCell {
  const padLeft = o.padLeft ?? PAD;
  return { w, children: value(ctx, field, values, w, h, o), padLeft, padRight: PAD };
}

/** A free-text block of page 2 (奖惩, 考核, 理由, 呈报单位): left-aligned, vertically centred. */
function textBlock(ctx: Ctx, field: string, text: string, w: number, h: number): (Paragraph | Table)[] {
  const paras = textParagraphs(text);
  const spec: FitSpec = { widthMm: mmOf(w - TEXT_PAD) - 1, heightMm: mmOf(h) - 1.2, basePt: 14, floorPt: FLOOR_PT, lineRatio: 16 / 14 };
  const r = ctx.fit(field, paras.map((t) => ({ text: t })), spec);
  if (!r.fits) {
    ctx.warn('warning', field, `${ctx.cadre.name}：${field}内容过长，缩小到 ${FLOOR_PT} 磅仍放不下（约需 ${r.linesNeeded} 行，只有 ${r.linesAvailable} 行），全文打印在续页，请考虑精简`);
    ctx.cont.push({ heading: field, body: paras.map((t) => para(t, { align: 'left', linePt: 18 })) });
    return [para('（内容较长，全文见续页）', { align: 'left', linePt: 16 })];
  }
  return paras.map((t) => para(t, { pt: r.pt, linePt: r.lineHeightPt, align: 'both' }));
}

/** 简历 entries with the template's hanging indent, so a wrapped entry continues under its text. */
function resumeParagraphs(lines: ResumeLine[], pt: number, linePt: number): Paragraph[] {
  // The hang is 2200 twips at 14 pt; set smaller, it shrinks with the text (as the fit assumed).
  const hang = Math.round((RESUME_HANG_TWIPS * pt) / 14);
  return lines.map((l) => {
    const p = resumeLineParts(l);
    const indent = p.date ? { left: hang, hanging: hang } : { left: hang };
    // The date and its text are separated by a tab stop at the hang, so every entry's text,
    // open ended ("2024.08--") or not, starts where its continuation lines start.
    const text = p.date ? `${p.date}\t${p.text}` : p.text;
    return new Paragraph({
      ...paraShape(pt, linePt),
      indent,
      tabStops: [{ type: 'left', position: hang }],
      children: text ? textRuns(text, pt) : [],
    });
  });
}

function paraShape(pt: number, linePt: number) {
  return { alignment: 'both' as const, spacing: { before: 0, after: 0, line: Math.round(linePt * 20), lineRule: 'exact' as const }, run: { size: Math.round(pt * 2) } };
}

/** Text with its tabs as real Word tabs. */
function textRuns(text: string, pt: number): ParagraphChild[] {
  const parts = text.split('\t');
  return [new TextRun({ size: Math.round(pt * 2), children: parts.flatMap((p, i) => (i ? [new Tab(), p] : [p])) })];
}

function resumeBlock(ctx: Ctx): GridCell['children'] {
  const resume = ctx.cadre.resume;
  const paras: Para[] = resumeParas(resume);
  const w = g(1, 7);
  const spec: FitSpec = { widthMm: mmOf(w) - 2.5, heightMm: mmOf(P1.resume) - 1.8, basePt: 14, floorPt: FLOOR_PT, lineRatio: 18 / 14 };
  const r = ctx.fit('简历', paras, spec);
  if (r.fits) return resumeParagraphs(resume, r.pt, r.pt * (18 / 14));
  const n = Math.max(1, paragraphsThatFit(paras, spec) - 1);
  ctx.warn('warning', '简历', `${ctx.cadre.name}：简历内容过长（${resume.length} 条），缩小到 ${FLOOR_PT} 磅仍放不下，第 ${n + 1} 条起接续打印在续页，请考虑精简`);
  ctx.cont.push({ heading: '简历（续）', body: resumeParagraphs(resume.slice(n), 14, 18) });
  const more = new Paragraph({ ...paraShape(FLOOR_PT, FLOOR_PT * (18 / 14)), indent: { left: Math.round((RESUME_HANG_TWIPS * FLOOR_PT) / 14) }, children: textRuns('（下接续页）', FLOOR_PT) });
  return [...resumeParagraphs(resume.slice(0, n), FLOOR_PT, FLOOR_PT * (18 / 14)), more];
}

/** The photo centred in its box at the template's 3.57 × 4.87 cm, keeping its proportions. */
function photo(ctx: Ctx): GridCell['children'] {
  const raw = ctx.cadre.photo.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s/g, '');
  if (!raw) return [];
  const bytes = Buffer.from(raw, 'base64');
  const size = imageSize(bytes);
  if (!size) {
    ctx.warn('warning', '照片', `${ctx.cadre.name}：照片不是 JPEG/PNG 图片，未打印，请重新上传照片`);
    return [];
  }
  const box = { w: 35.7, h: 48.7 };
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const image = new ImageRun({
    type: size.type,
    data: bytes,
    transformation: { width: pxOf(size.width * scale), height: pxOf(size.height * scale) },
    altText: { name: '照片', description: `${bareName(ctx.cadre.name)}的照片`, title: '照片' },
  });
  // Auto line spacing: an exact 16 pt line would clip the picture to one line's height.
  return [new Paragraph({ alignment: 'center', spacing: { before: 0, after: 0 }, children: [image] })];
}

function page1(ctx: Ctx, opts: RmbDocxOptions): ISectionOptions {
  const c = ctx.cadre;
  const v = (field: string, vals: string[], w: number, h: number) => valueCell(ctx, field, vals, w, h);
  const edu = (e: Cadre['fullTimeEducation'], name: string, labelLines: string[]): GridRow => ({
    height: P1.edu,
    cells: [
      ...(name === '全日制教育' ? [label(['学 历', '学 位'], g(0, 1), { rowSpan: 2 })] : []),
      label(labelLines, g(2, 2)),
      valueCell(ctx, `${name}学历学位`, [e.level, e.degree], g(3, 4), P1.edu, { ratio: 15 / 14 }),
      label(['毕业院校', '系及专业'], g(5, 5)),
      valueCell(ctx, `${name}毕业院校系及专业`, schoolLines(e), g(6, 7), P1.edu, { ratio: 15 / 14 }),
    ],
    ...(name === '在职教育' ? { start: g(0, 1) } : {}),
  });
  const post = (text: string, field: string, val: string): GridRow => ({
    height: P1.post,
    cells: [label([text], g(0, 2)), valueCell(ctx, field, [val], g(3, 7), P1.post, { ratio: 15 / 14, left: true, padLeft: 85 })],
  });
  const rows: GridRow[] = [
    {
      height: P1.r1,
      cells: [
        label(['姓  名'], g(0, 1)),
        v('姓名', [bareName(c.name)], g(2, 2), P1.r1),
        label(['性  别'], g(3, 3)),
        v('性别', [c.sex], g(4, 4), P1.r1),
        label(['出生年月', '(岁)'], g(5, 5)),
        v('出生年月', [c.birth, ageLine(c, opts.refDate)], g(6, 6), P1.r1),
        { w: g(7, 7), children: photo(ctx), rowSpan: 4 },
      ],
    },
    {
      height: P1.r2,
      cells: [label(['民  族'], g(0, 1)), v('民族', [c.ethnicity], g(2, 2), P1.r2), label(['籍  贯'], g(3, 3)), v('籍贯', [c.nativePlace], g(4, 4), P1.r2), label(['出 生 地'], g(5, 5)), v('出生地', [c.birthPlace], g(6, 6), P1.r2)],
    },
    {
      height: P1.r3,
      cells: [label(['入  党', '时  间'], g(0, 1)), v('入党时间', [c.partyJoinDate], g(2, 2), P1.r3), label(['参加工', '作时间'], g(3, 3)), v('参加工作时间', [c.workStartDate], g(4, 4), P1.r3), label(['健康状况'], g(5, 5)), v('健康状况', [c.health], g(6, 6), P1.r3)],
    },
    {
      height: P1.r4,
      cells: [label(['专业技', '术职务'], g(0, 1)), v('专业技术职务', [c.techTitle], g(2, 3), P1.r4), label(['熟悉专业', '有何专长'], g(4, 4)), v('熟悉专业有何专长', [c.expertise], g(5, 6), P1.r4)],
    },
    edu(c.fullTimeEducation, '全日制教育', ['全日制', '教  育']),
    edu(c.partTimeEducation, '在职教育', ['在  职', '教  育']),
    post('现  任  职  务', '现任职务', c.currentPosition),
    post('拟  任  职  务', '拟任职务', c.proposedPosition),
    post('拟  免  职  务', '拟免职务', c.proposedRemoval),
    {
      height: P1.resume,
      cells: [
        // 简 and 历 far apart, as the template spreads them with blank lines.
        { w: g(0, 0), children: ['简', '', '', '', '', '历'].map((t) => para(t, { linePt: 18 })) },
        { w: g(1, 7), children: resumeBlock(ctx), valign: 'top', padTop: 57, padLeft: 85, padRight: 57 },
      ],
    },
  ];
  const title = gridTable(
    [{ height: TITLE.height, cells: [...'干部任免审批表'].map((ch) => ({ w: TITLE.cell, valign: 'bottom' as const, children: [para(ch, { pt: 24 })] })) }],
    TITLE.cell * 7,
    { indent: TITLE.indent, borders: 'none' },
  );
  return {
    properties: { page: { size: A4, margin: P1_MARGIN } },
    children: [title, para('', { linePt: 3.8, pt: 2 }), gridTable(rows, g(0, 7), { indent: TABLE_INDENT })],
  };
}

/** A label read down the narrow h0 column, one character a line. */
const vertical = (text: string, w: number, extra: Partial<GridCell> = {}) => label([...text], w, extra);

function page2(ctx: Ctx, opts: RmbDocxOptions): ISectionOptions {
  const c = ctx.cadre;
  const rest = P2_WIDTH - H0;
  const fw = familyWidths(opts.familyColumn);
  const workW = rest - fw.reduce((a, b) => a + b, 0);
  const members = ctx.familyOnForm((rest) => [familyContTable(rest, opts)]);
  const block = (field: string, text: string, h: number): GridCell => ({ w: 'rest', children: textBlock(ctx, field, text, rest, h), padLeft: TEXT_PAD, padRight: 57 });
  const heavy = { top: line(12) };
  const rows: GridRow[] = [
    { height: P2.rewards, cells: [vertical('奖惩情况', H0), block('奖惩情况', c.rewards, P2.rewards)] },
    { height: P2.assessment, cells: [label(['年核', '度结', '考果'], H0), block('年度考核结果', assessmentLine(c), P2.assessment)] },
    { height: P2.reason, cells: [vertical('任免理由', H0), block('任免理由', c.appointmentReason, P2.reason)] },
    {
      height: P2.familyHead,
      rule: 'atLeast',
      cells: [
        { w: H0, rowSpan: FAMILY_ROWS + 1, children: [...'家庭主要成员及重要社会关系'].map((ch) => para(ch, { linePt: 18 })) },
        label(['称  谓'], fw[0]),
        label(['姓  名'], fw[1]),
        label(opts.familyColumn === '年龄' ? ['年', '龄'] : ['出 生', '年 月'], fw[2]),
        label(['政 治', '面 貌'], fw[3]),
        label(['工 作 单 位 及 职 务'], 'rest'),
      ],
    },
  ];
  for (let i = 0; i < FAMILY_ROWS; i++) {
    const m: FamilyMember | undefined = members[i];
    const n = i + 1;
    const cell = (field: string, val: string, w: number, left = false): GridCell =>
      m ? valueCell(ctx, `家庭成员第 ${n} 行${field}`, [val], w, P2.family, { left, padLeft: left ? 85 : PAD }) : { w, children: [] };
    rows.push({
      start: H0,
      height: P2.family,
      cells: [
        cell('称谓', m?.relation ?? '', fw[0]),
        cell('姓名', bareName(m?.name ?? ''), fw[1]),
        cell(opts.familyColumn, m ? familyThird(m, opts.familyColumn, opts.refDate) : '', fw[2]),
        cell('政治面貌', m?.politicalStatus ?? '', fw[3]),
        { ...cell('工作单位及职务', m?.workUnit ?? '', workW, true), w: 'rest' },
      ],
    });
  }
  // 呈报单位 and its date line read as one box: the rule between the two rows is removed.
  rows.push({ height: P2.report, cells: [vertical('呈报单位', H0, { rowSpan: 2 }), { ...block('呈报单位', c.reportingUnit, P2.report), borders: { bottom: NO_LINE } }] });
  rows.push({ start: H0, height: P2.reportDate, cells: [{ w: 'rest', borders: { top: NO_LINE }, children: [para('年   月   日', { align: 'right', linePt: 16, indent: { right: 560 } })] }] });
  const opinion = (): GridCell['children'] => [para('（盖章）', { align: 'right', linePt: 17, indent: { right: 567 } }), para('年   月   日', { linePt: 17 })];
  rows.push({
    height: P2.opinion,
    cells: [
      { ...label(['审意', '批　', '机　', '关见'], H0), borders: heavy },
      { w: OPINION_BOX, children: opinion(), valign: 'bottom', borders: heavy },
      { ...label(['行任', '政免', '机意', '关见'], OPINION_LABEL), borders: heavy },
      { w: 'rest', children: opinion(), valign: 'bottom', borders: heavy },
    ],
  });
  const filled = para(`填表人：${c.filledBy}`, { align: 'left', linePt: 16, before: 156, indent: { firstLine: 420 } });
  return {
    properties: { page: { size: A4, margin: P2_MARGIN } },
    children: [para('', { linePt: P2_SPACER / 20, pt: 2 }), gridTable(rows, P2_WIDTH, { indent: TABLE_INDENT }), filled],
  };
}

function familyContTable(members: FamilyMember[], opts: RmbDocxOptions): Table {
  const widths = [1300, 1500, 1300, 1500];
  const row = (vals: string[]): GridRow => ({
    height: 600,
    rule: 'atLeast',
    cells: vals.map((t, i) => ({ w: i < 4 ? widths[i] : 'rest', children: [para(t, { linePt: 16, align: i === 4 ? 'left' : 'center' })], padLeft: 57, padRight: 57 })),
  });
  return gridTable(
    [row(['称谓', '姓名', opts.familyColumn, '政治面貌', '工作单位及职务']), ...members.map((m) => row([m.relation, bareName(m.name), familyThird(m, opts.familyColumn, opts.refDate), m.politicalStatus, m.workUnit]))],
    A4.width - 1247 - 1134,
  );
}

function continuation(ctx: Ctx): ISectionOptions {
  const children: (Paragraph | Table)[] = [
    para('干部任免审批表（续页）', { pt: 18, linePt: 28 }),
    para(`姓名：${bareName(ctx.cadre.name)}　　出生年月：${ctx.cadre.birth}`, { align: 'left', linePt: 24, before: 120 }),
  ];
  for (const s of ctx.cont) {
    children.push(para(s.heading, { align: 'left', bold: true, linePt: 24, before: 200, keepNext: true }), ...s.body);
  }
  return { properties: { page: { size: A4, margin: { top: 1417, right: 1134, bottom: 1020, left: 1247 } } }, children };
}

/** The sections of one cadre's 审批表 (2, or 3 with a 续页) and what the user must know first. */
export function rmbDocxSections(cadre: Cadre, opts: RmbDocxOptions): { sections: ISectionOptions[]; warnings: PrintWarning[] } {
  const ctx: Ctx = new RmbContext(cadre);
  const sections = [page1(ctx, opts), page2(ctx, opts)];
  if (ctx.cont.length) sections.push(continuation(ctx));
  return { sections, warnings: ctx.warnings };
}

/** One Word document of one or more 审批表; each person starts on a new page (each page is its own section). */
export async function rmbDocx(cadres: Cadre[], opts: RmbDocxOptions): Promise<{ bytes: Buffer; warnings: PrintWarning[] }> {
  const all = cadres.map((c) => rmbDocxSections(c, opts));
  const title = cadres.length === 1 ? `干部任免审批表-${bareName(cadres[0].name)}` : `干部任免审批表（${cadres.length} 人）`;
  const doc = new Document({
    creator: 'cadre-desk',
    title,
    styles: docxStyles(opts.font),
    sections: all.flatMap((r) => r.sections),
  });
  return { bytes: await Packer.toBuffer(doc), warnings: all.flatMap((r) => r.warnings) };
}
