/**
 * 干部任免审批表 as HTML: the generic two-page A4 form (中组部 editor layout), grid and row
 * heights as measured in /work/shared/reference/rmb-form/LAYOUT.md. Rows never grow: text that
 * is too long is shrunk down to a floor size; what cannot fit even then continues on a 续页 and
 * the caller gets a warning to show before printing — nothing is ever cut silently.
 */
import type { PrintWarning } from '../../shared/contract/print.js';
import type { Cadre, FamilyMember, ResumeLine } from '../../shared/domain/cadre.js';
import { paragraphsThatFit, type FitSpec, type Para } from './fit.js';
import { esc, htmlDocument, lines, photoDataUri, spaced } from './html.js';
import { ageLine, RmbContext, assessmentLine, bareName, FAMILY_ROWS, familyThird, FLOOR_PT, RESUME_HANG_EM, resumeLineParts, resumeParas, schoolLines, textParagraphs, type FamilyColumn, type RmbOptions } from './rmbData.js';

export { assessmentLine, FAMILY_ROWS, familyThird, resumeLineParts, type FamilyColumn, type RmbOptions };

export type { PrintWarning };

export interface RmbResult {
  sheets: string[];
  warnings: PrintWarning[];
}

const PAD = 0.6; // mm inside short cells, so text never touches a rule

// ---- page 1 grid (mm), LAYOUT.md "Page 1" -------------------------------------------------
const G = [13.8, 4.2, 23.0, 18.8, 23.0, 23.2, 23.5, 36.3];
const g = (from: number, to: number) => G.slice(from, to + 1).reduce((a, b) => a + b, 0);
const P1_ROWS = { r1: 12.5, r2: 12.2, r3: 12.0, r4: 12.5, edu: 6.1, post: 12.5, resume: 125.8 };

// ---- page 2 grid (mm), LAYOUT.md "Page 2" -------------------------------------------------
const P2_WIDTH = 166.2;
const H0 = 13.1;
const P2_ROWS = { rewards: 25.0, assessment: 18.0, reason: 24.0, familyHead: 11.4, family: 12.3, report: 23.5 + 9.5, opinion: 35.6 };

export const RMB_CSS = `
.rmb { font-size: 14pt; }
.rmb-title { position: absolute; top: 11.1mm; height: 20.1mm; display: flex; align-items: flex-end; }
.rmb-title span { display: inline-block; width: 12.46mm; text-align: center; font-size: 24pt; line-height: 26pt; padding-bottom: 1.6mm; }
.rmb table.grid { position: absolute; border-collapse: collapse; table-layout: fixed; border: 1.5pt solid #000; }
.rmb table.grid td { border: 1pt solid #000; padding: 0; vertical-align: middle; text-align: center; overflow: hidden; line-height: 16pt; }
.rmb .lbl { line-height: 16pt; white-space: nowrap; }
.rmb table.grid tr.heavy td { border-top-width: 1.5pt; }
.rmb .v { display: flex; flex-direction: column; justify-content: center; align-items: center; overflow: hidden; padding: 0 ${PAD}mm; box-sizing: border-box; word-break: break-all; }
.rmb .v.left { align-items: stretch; text-align: left; }
.rmb .v > div { max-width: 100%; }
.rmb .block { overflow: hidden; box-sizing: border-box; text-align: left; word-break: break-all; }
.rmb .block p { margin: 0; }
.rmb .resume { padding: 1mm 1mm 0 1.5mm; height: ${P1_ROWS.resume - 0.4}mm; }
.rmb .resume p .d { white-space: pre; }
.rmb .vert { display: flex; flex-direction: column; align-items: center; justify-content: center; height: 100%; }
.rmb .vert2 { display: inline-grid; grid-template-columns: 1em 1em; line-height: 16pt; text-align: center; }
.rmb .jl-label { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 31mm; height: 100%; }
.rmb .photo { width: 35.7mm; height: 48.7mm; object-fit: contain; display: block; margin: 0 auto; }
.rmb .textcell { display: flex; flex-direction: column; justify-content: center; padding: 0.5mm 1mm 0.5mm 2mm; box-sizing: border-box; text-align: left; overflow: hidden; word-break: break-all; }
.rmb .textcell p { margin: 0; }
.rmb .report { display: flex; flex-direction: column; height: ${P2_ROWS.report - 0.4}mm; }
.rmb .report .textcell { flex: 1; }
.rmb .report .dateline { height: 9.5mm; line-height: 9.5mm; text-align: right; padding-right: 2em; }
.rmb .opinion { height: ${P2_ROWS.opinion - 0.4}mm; display: flex; flex-direction: column; justify-content: flex-end; line-height: 17pt; padding-bottom: 1mm; box-sizing: border-box; }
.rmb .opinion .seal { text-align: right; padding-right: 10mm; }
.rmb .opinion .date { text-align: center; }
.rmb .filled { position: absolute; line-height: 16pt; text-indent: 1.5em; }
/* A 续页 flows over as many pages as it needs; it must not be wider than its page area, or
   Chromium shrinks the whole document to fit. */
.rmb-cont { page: rmbcont; padding: 0; }
@page rmbcont { size: A4; margin: 25mm 20mm 18mm 22mm; }
.rmb-cont h2 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 4mm; letter-spacing: 0.3em; }
.rmb-cont .who { margin: 0 0 4mm; }
.rmb-cont h3 { font-size: 14pt; margin: 5mm 0 2mm; }
.rmb-cont table { border-collapse: collapse; width: 100%; }
.rmb-cont td, .rmb-cont th { border: 1pt solid #000; padding: 1mm 1.5mm; font-weight: normal; text-align: left; vertical-align: top; line-height: 16pt; }
.rmb-cont th { text-align: center; }
.rmb-cont .resume p { margin: 0; line-height: 18pt; padding-left: ${RESUME_HANG_EM}em; text-indent: -${RESUME_HANG_EM}em; }
.rmb-cont .resume p .d { white-space: pre; }
.rmb-cont .text { white-space: pre-wrap; line-height: 18pt; border: 1pt solid #000; padding: 2mm; }
`;

// ------------------------------------------------------------------------------------------

class Ctx extends RmbContext<string> {}

/** A short centred value cell (one or more separate lines), shrunk to fit its box. */
function valueCell(ctx: Ctx, field: string, values: string[], wMm: number, hMm: number, lineRatio = 16 / 14, left = false): string {
  const paras = values.map((text) => ({ text }));
  const innerW = wMm - 2 * PAD;
  const spec: FitSpec = { widthMm: innerW, heightMm: hMm - 0.6, basePt: 14, floorPt: FLOOR_PT, lineRatio };
  const r = ctx.fit(field, paras, spec);
  if (!r.fits) {
    ctx.warn('warning', field, `${ctx.cadre.name}：${field}过长，缩小到 ${FLOOR_PT} 磅仍放不下，全文打印在续页，请考虑精简`);
    ctx.cont.push({ heading: field, body: `<div class="text">${esc(values.join('\n'))}</div>` });
    return `<div class="v" style="height:${hMm - 0.4}mm;font-size:${FLOOR_PT}pt;line-height:${FLOOR_PT * lineRatio}pt">（见续页）</div>`;
  }
  const body = values.map((t) => `<div>${esc(t) || '&nbsp;'}</div>`).join('');
  return `<div data-fit class="v${left ? ' left' : ''}" style="height:${hMm - 0.4}mm;font-size:${r.pt}pt;line-height:${r.lineHeightPt}pt">${body}</div>`;
}

/** A free-text block of page 2 (奖惩, 考核, 理由, 呈报单位): left-aligned, vertically centred. */
function textBlock(ctx: Ctx, field: string, text: string, wMm: number, hMm: number): string {
  const paras: Para[] = textParagraphs(text).map((t) => ({ text: t }));
  const spec: FitSpec = { widthMm: wMm - 3, heightMm: hMm - 1.2, basePt: 14, floorPt: FLOOR_PT, lineRatio: 16 / 14 };
  const r = ctx.fit(field, paras, spec);
  if (!r.fits) {
    ctx.warn('warning', field, `${ctx.cadre.name}：${field}内容过长，缩小到 ${FLOOR_PT} 磅仍放不下（约需 ${r.linesNeeded} 行，只有 ${r.linesAvailable} 行），全文打印在续页，请考虑精简`);
    ctx.cont.push({ heading: field, body: `<div class="text">${esc(text)}</div>` });
    return `<div class="textcell" style="height:${hMm - 0.4}mm">（内容较长，全文见续页）</div>`;
  }
  const body = paras.map((p) => `<p>${esc(p.text) || '&nbsp;'}</p>`).join('');
  return `<div data-fit class="textcell" style="height:${hMm - 0.4}mm;font-size:${r.pt}pt;line-height:${r.lineHeightPt}pt">${body}</div>`;
}

function resumeHtml(lines: ResumeLine[]): string {
  return lines
    .map((l) => {
      const p = resumeLineParts(l);
      if (!p.date) return `<p style="padding-left:${RESUME_HANG_EM}em">${esc(p.text) || '&nbsp;'}</p>`;
      // The date sits in a box as wide as the hanging indent, so the text of every entry, open
      // ended ("2021.03--") or not, starts where its continuation lines start.
      return `<p style="padding-left:${RESUME_HANG_EM}em;text-indent:-${RESUME_HANG_EM}em"><span class="d" style="display:inline-block;min-width:${RESUME_HANG_EM}em;text-indent:0">${esc(p.date)}  </span>${esc(p.text)}</p>`;
    })
    .join('');
}

function resumeBlock(ctx: Ctx): string {
  const resume = ctx.cadre.resume;
  const paras = resumeParas(resume);
  const spec: FitSpec = { widthMm: g(1, 7) - 2.5, heightMm: P1_ROWS.resume - 1.8, basePt: 14, floorPt: FLOOR_PT, lineRatio: 18 / 14 };
  const r = ctx.fit('简历', paras, spec);
  let shown = resume;
  let pt = r.pt;
  if (!r.fits) {
    const n = Math.max(1, paragraphsThatFit(paras, spec) - 1);
    shown = resume.slice(0, n);
    pt = FLOOR_PT;
    ctx.warn('warning', '简历', `${ctx.cadre.name}：简历内容过长（${resume.length} 条），缩小到 ${FLOOR_PT} 磅仍放不下，第 ${n + 1} 条起接续打印在续页，请考虑精简`);
    ctx.cont.push({ heading: '简历（续）', body: `<div class="resume">${resumeHtml(resume.slice(n))}</div>` });
  }
  const more = shown.length < resume.length ? `<p style="padding-left:${RESUME_HANG_EM}em">（下接续页）</p>` : '';
  return `<div data-fit class="block resume" style="font-size:${pt}pt;line-height:${pt * (18 / 14)}pt">${resumeHtml(shown)}${more}</div>`;
}

function photoCell(ctx: Ctx): string {
  if (!ctx.cadre.photo) return '';
  const uri = photoDataUri(ctx.cadre.photo);
  if (!uri) {
    ctx.warn('warning', '照片', `${ctx.cadre.name}：照片不是 JPEG/PNG 图片，未打印，请重新上传照片`);
    return '';
  }
  return `<img class="photo" alt="照片" src="${uri}">`;
}

function page1(ctx: Ctx, opts: RmbOptions): string {
  const c = ctx.cadre;
  const R = P1_ROWS;
  const L = (html: string) => `<td class="lbl">${html}</td>`;
  const colgroup = `<colgroup>${G.map((w) => `<col style="width:${w}mm">`).join('')}</colgroup>`;
  const age = ageLine(c, opts.refDate);
  const edu = (e: Cadre['fullTimeEducation'], label: string) => {
    const h = R.edu * 2;
    return {
      level: valueCell(ctx, `${label}学历学位`, [e.level, e.degree], g(3, 4), h, 15 / 14),
      school: valueCell(ctx, `${label}毕业院校系及专业`, schoolLines(e), g(6, 7), h, 15 / 14),
    };
  };
  const ft = edu(c.fullTimeEducation, '全日制教育');
  const pt = edu(c.partTimeEducation, '在职教育');
  const post = (label: string, field: string, v: string) =>
    `<tr style="height:${R.post}mm"><td colspan="3" class="lbl">${spaced(label, 1)}</td><td colspan="5" style="padding-left:1.5mm">${valueCell(ctx, field, [v], g(3, 7) - 1.5, R.post, 15 / 14, true)}</td></tr>`;

  const title = `<div class="rmb-title" style="left:${22 + 41}mm">${'干部任免审批表'.split('').map((ch) => `<span>${ch}</span>`).join('')}</div>`;
  const table = `<table class="grid" style="left:22.26mm;top:31.2mm;width:${g(0, 7)}mm">${colgroup}
<tr style="height:${R.r1}mm">
  <td colspan="2" class="lbl">${spaced('姓名', 1)}</td><td>${valueCell(ctx, '姓名', [bareName(c.name)], g(2, 2), R.r1)}</td>
  ${L(spaced('性别', 1))}<td>${valueCell(ctx, '性别', [c.sex], g(4, 4), R.r1)}</td>
  ${L(lines(['出生年月', '(岁)']))}<td>${valueCell(ctx, '出生年月', [c.birth, age], g(6, 6), R.r1)}</td>
  <td rowspan="4">${photoCell(ctx)}</td>
</tr>
<tr style="height:${R.r2}mm">
  <td colspan="2" class="lbl">${spaced('民族', 1)}</td><td>${valueCell(ctx, '民族', [c.ethnicity], g(2, 2), R.r2)}</td>
  ${L(spaced('籍贯', 1))}<td>${valueCell(ctx, '籍贯', [c.nativePlace], g(4, 4), R.r2)}</td>
  ${L(spaced('出生地', 0.5))}<td>${valueCell(ctx, '出生地', [c.birthPlace], g(6, 6), R.r2)}</td>
</tr>
<tr style="height:${R.r3}mm">
  <td colspan="2" class="lbl">${lines([spaced('入党', 1), spaced('时间', 1)])}</td><td>${valueCell(ctx, '入党时间', [c.partyJoinDate], g(2, 2), R.r3)}</td>
  ${L(lines(['参加工', '作时间']))}<td>${valueCell(ctx, '参加工作时间', [c.workStartDate], g(4, 4), R.r3)}</td>
  ${L('健康状况')}<td>${valueCell(ctx, '健康状况', [c.health], g(6, 6), R.r3)}</td>
</tr>
<tr style="height:${R.r4}mm">
  <td colspan="2" class="lbl">${lines(['专业技', '术职务'])}</td><td colspan="2">${valueCell(ctx, '专业技术职务', [c.techTitle], g(2, 3), R.r4)}</td>
  ${L(lines(['熟悉专业', '有何专长']))}<td colspan="2">${valueCell(ctx, '熟悉专业有何专长', [c.expertise], g(5, 6), R.r4)}</td>
</tr>
<tr style="height:${R.edu}mm">
  <td colspan="2" rowspan="4" class="lbl">${lines([spaced('学历', 0.5), spaced('学位', 0.5)])}</td>
  <td rowspan="2" class="lbl">${lines(['全日制', spaced('教育', 1)])}</td><td colspan="2" rowspan="2">${ft.level}</td>
  <td rowspan="2" class="lbl">${lines(['毕业院校', '系及专业'])}</td><td colspan="2" rowspan="2">${ft.school}</td>
</tr>
<tr style="height:${R.edu}mm"></tr>
<tr style="height:${R.edu}mm">
  <td rowspan="2" class="lbl">${lines([spaced('在职', 1), spaced('教育', 1)])}</td><td colspan="2" rowspan="2">${pt.level}</td>
  <td rowspan="2" class="lbl">${lines(['毕业院校', '系及专业'])}</td><td colspan="2" rowspan="2">${pt.school}</td>
</tr>
<tr style="height:${R.edu}mm"></tr>
${post('现任职务', '现任职务', c.currentPosition)}
${post('拟任职务', '拟任职务', c.proposedPosition)}
${post('拟免职务', '拟免职务', c.proposedRemoval)}
<tr style="height:${R.resume}mm">
  <td class="lbl"><div class="jl-label"><span>简</span><span>历</span></div></td>
  <td colspan="7" style="vertical-align:top">${resumeBlock(ctx)}</td>
</tr>
</table>`;
  return `<section class="sheet rmb rmb-p1">${title}${table}</section>`;
}

/**
 * Page 2's rows split the width differently (5 family columns, the 2+2 opinion boxes), and the
 * 年龄 variant moves the family boundaries; a table needs one grid, so take the union of all
 * boundaries and give each cell the colspan that covers its own width.
 */
interface GCell {
  w: number | 'rest';
  html: string;
  attrs?: string;
  rowspan?: number;
}
interface GRow {
  start: number;
  height: number;
  cells: GCell[];
  cls?: string;
}

function gridTable(rows: GRow[], width: number, style: string): string {
  const spans = rows.map((r) => {
    let x = r.start;
    return r.cells.map((c) => {
      const w = c.w === 'rest' ? width - x : c.w;
      const s = { from: x, to: x + w };
      x += w;
      return s;
    });
  });
  const key = (n: number) => Math.round(n * 100) / 100;
  const bounds = [...new Set(spans.flat().flatMap((s) => [key(s.from), key(s.to)]).concat([0, key(width)]))].sort((a, b) => a - b);
  const cols = bounds.slice(1).map((b, i) => b - bounds[i]);
  const colgroup = `<colgroup>${cols.map((w) => `<col style="width:${w.toFixed(2)}mm">`).join('')}</colgroup>`;
  const body = rows
    .map((r, ri) => {
      const tds = r.cells
        .map((c, ci) => {
          const s = spans[ri][ci];
          const colspan = bounds.filter((b) => b >= key(s.from) && b < key(s.to)).length;
          return `<td${colspan > 1 ? ` colspan="${colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.attrs ? ` ${c.attrs}` : ''}>${c.html}</td>`;
        })
        .join('');
      return `<tr style="height:${r.height}mm"${r.cls ? ` class="${r.cls}"` : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<table class="grid" style="${style};width:${width}mm">${colgroup}${body}</table>`;
}

function familyWidths(column: FamilyColumn): number[] {
  return column === '年龄' ? [19.3, 22.5, 10.1, 17.8] : [19.3, 22.5, 20.2, 15.0];
}

const vertical = (s: string) => `<div class="vert">${s.split('').map((ch) => `<div>${ch}</div>`).join('')}</div>`;
/** Two-column vertical labels such as 年度/考核/结果: `left` reads down the left, `right` down the right. */
const vertical2 = (left: string, right: string[]) =>
  `<div class="vert2">${left
    .split('')
    .map((ch, i) => `<span>${ch}</span><span>${esc(right[i] ?? '')}</span>`)
    .join('')}</div>`;

function page2(ctx: Ctx, opts: RmbOptions): string {
  const c = ctx.cadre;
  const R = P2_ROWS;
  const rest = P2_WIDTH - H0;
  const fw = familyWidths(opts.familyColumn);
  const workW = rest - fw.reduce((a, b) => a + b, 0);
  const members = ctx.familyOnForm((rest) => familyContTable(rest, opts));
  const third = opts.familyColumn === '年龄' ? lines(['年', '龄']) : lines([spaced('出生', 0.5), spaced('年月', 0.5)]);
  const rows: GRow[] = [
    { start: 0, height: R.rewards, cells: [{ w: H0, html: vertical('奖惩情况'), attrs: 'class="lbl"' }, { w: 'rest', html: textBlock(ctx, '奖惩情况', c.rewards, rest, R.rewards) }] },
    {
      start: 0,
      height: R.assessment,
      cells: [{ w: H0, html: vertical2('年度考', ['核', '结', '果']), attrs: 'class="lbl"' }, { w: 'rest', html: textBlock(ctx, '年度考核结果', assessmentLine(c), rest, R.assessment) }],
    },
    { start: 0, height: R.reason, cells: [{ w: H0, html: vertical('任免理由'), attrs: 'class="lbl"' }, { w: 'rest', html: textBlock(ctx, '任免理由', c.appointmentReason, rest, R.reason) }] },
    {
      start: 0,
      height: R.familyHead,
      cells: [
        { w: H0, html: `<div class="vert" style="line-height:18pt">${'家庭主要成员及重要社会关系'.split('').map((ch) => `<div>${ch}</div>`).join('')}</div>`, attrs: 'class="lbl"', rowspan: FAMILY_ROWS + 1 },
        { w: fw[0], html: spaced('称谓', 1), attrs: 'class="lbl"' },
        { w: fw[1], html: spaced('姓名', 1), attrs: 'class="lbl"' },
        { w: fw[2], html: third, attrs: 'class="lbl"' },
        { w: fw[3], html: lines([spaced('政治', 0.5), spaced('面貌', 0.5)]), attrs: 'class="lbl"' },
        { w: 'rest', html: spaced('工作单位及职务', 0.5), attrs: 'class="lbl"' },
      ],
    },
  ];
  for (let i = 0; i < FAMILY_ROWS; i++) {
    const m = members[i];
    const n = i + 1;
    const cell = (field: string, v: string, w: number, left = false) => (m ? valueCell(ctx, `家庭成员第 ${n} 行${field}`, [v], w, R.family, 16 / 14, left) : '');
    rows.push({
      start: H0,
      height: R.family,
      cells: [
        { w: fw[0], html: cell('称谓', m?.relation ?? '', fw[0]) },
        { w: fw[1], html: cell('姓名', bareName(m?.name ?? ''), fw[1]) },
        { w: fw[2], html: cell(opts.familyColumn, m ? familyThird(m, opts.familyColumn, opts.refDate) : '', fw[2]) },
        { w: fw[3], html: cell('政治面貌', m?.politicalStatus ?? '', fw[3]) },
        { w: 'rest', html: m ? `<div style="padding-left:1.5mm">${cell('工作单位及职务', m.workUnit, workW - 1.5, true)}</div>` : '' },
      ],
    });
  }
  rows.push({
    start: 0,
    height: R.report,
    cells: [
      { w: H0, html: vertical('呈报单位'), attrs: 'class="lbl"' },
      { w: 'rest', html: `<div class="report">${textBlock(ctx, '呈报单位', c.reportingUnit, rest, R.report - 9.5)}<div class="dateline">年&emsp;月&emsp;日</div></div>` },
    ],
  });
  const opinion = `<div class="opinion"><div class="seal">（盖章）</div><div class="date">年&emsp;月&emsp;日</div></div>`;
  rows.push({
    start: 0,
    height: R.opinion,
    cls: 'heavy',
    cells: [
      { w: H0, html: vertical2('审批机关', ['意', '', '', '见']), attrs: 'class="lbl"' },
      { w: 71.4, html: opinion },
      { w: 13.8, html: vertical2('行政机关', ['任', '免', '意', '见']), attrs: 'class="lbl"' },
      { w: 'rest', html: opinion },
    ],
  });
  const table = gridTable(rows, P2_WIDTH, 'left:21.26mm;top:31.2mm');
  const tableH = Object.values(R).reduce((a, b) => a + b, 0) + R.family * (FAMILY_ROWS - 1);
  const filled = `<div class="filled" style="left:21.26mm;top:${31.2 + tableH + 2.75}mm">填表人：${esc(c.filledBy)}</div>`;
  return `<section class="sheet rmb rmb-p2">${table}${filled}</section>`;
}

function familyContTable(members: FamilyMember[], opts: RmbOptions): string {
  const rows = members
    .map((m) => `<tr><td>${esc(m.relation)}</td><td>${esc(bareName(m.name))}</td><td>${esc(familyThird(m, opts.familyColumn, opts.refDate))}</td><td>${esc(m.politicalStatus)}</td><td>${esc(m.workUnit)}</td></tr>`)
    .join('');
  return `<table><colgroup><col style="width:12%"><col style="width:14%"><col style="width:13%"><col style="width:13%"><col></colgroup>
<tr><th>称谓</th><th>姓名</th><th>${opts.familyColumn}</th><th>政治面貌</th><th>工作单位及职务</th></tr>${rows}</table>`;
}

function continuationSheet(ctx: Ctx): string {
  const parts = ctx.cont.map((s) => `<h3>${esc(s.heading)}</h3>${s.body}`).join('');
  return `<section class="sheet rmb-cont" style="width:auto;height:auto;overflow:visible"><h2>干部任免审批表（续页）</h2><p class="who">姓名：${esc(bareName(ctx.cadre.name))}　　出生年月：${esc(ctx.cadre.birth)}</p>${parts}</section>`;
}

/** The sheets of one cadre's 审批表 (2, or 3 with a 续页) and what the user must know first. */
export function rmbSheets(cadre: Cadre, opts: RmbOptions): RmbResult {
  const ctx = new Ctx(cadre);
  const sheets = [page1(ctx, opts), page2(ctx, opts)];
  if (ctx.cont.length) sheets.push(continuationSheet(ctx));
  return { sheets, warnings: ctx.warnings };
}

/** A complete printable document of one or more 审批表. */
export function rmbHtml(cadres: Cadre[], opts: RmbOptions): { html: string; warnings: PrintWarning[]; sheets: number } {
  const all = cadres.map((c) => rmbSheets(c, opts));
  const sheets = all.flatMap((r) => r.sheets);
  const title = cadres.length === 1 ? `干部任免审批表-${bareName(cadres[0].name)}` : `干部任免审批表（${cadres.length} 人）`;
  return { html: htmlDocument(title, RMB_CSS, sheets), warnings: all.flatMap((r) => r.warnings), sheets: sheets.length };
}
