/**
 * The 跨村任职 任用材料 as a Word document — the same parts as the printed dossier (print/dossier.ts):
 * cover with 密级, the candidate's 审批表 (the form's own two sections), 资格审查结果 with
 * reasons, the 考察材料 (once the 考察 step has its record), the 人选比较表 in a landscape
 * section, and the 决定记录. Every page carries
 * "第 X 页 共 Y 页" as Word page fields, so the numbers stay right after the file is edited.
 */
import { AlignmentType, Document, Footer, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { PrintWarning } from '../../shared/contract/print.js';
import { comparisonRows, VERDICT_TEXT, type CompareColumn } from '../../shared/rules/eligibilityCompare.js';
import { lastStage, OVERALL_TEXT } from '../print/dossier.js';
import { SECRECY } from '../print/html.js';
import type { DossierData } from '../print/dossierData.js';
import { A4, docxStyles, gridTable, imageSize, line, NO_LINE, para, pxOf, type DocxFont, type GridRow } from './docxParts.js';
import { rmbDocxSections } from './rmbDocx.js';
import { inspectionSection, inspectionStep } from './inspectionDocx.js';

const PORTRAIT_MARGIN = { top: 1247, right: 1247, bottom: 1134, left: 1361, footer: 567 };
const LANDSCAPE_MARGIN = { top: 794, right: 680, bottom: 907, left: 680, footer: 454 };
const BODY_W = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
const LAND_W = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const pageNumbers = () => ({
  default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 20, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })] })] }),
});
const secrecy = () => para(SECRECY, { align: 'right', bold: true, pt: 11 });
const heading = (t: string) => para(t, { pt: 18, bold: true, linePt: 30, before: 120 });
const body = (t: string, o: { bold?: boolean } = {}) => para(t, { align: 'left', pt: 12, linePt: 20, bold: o.bold });
const cell = (t: string | string[], w: number | 'rest', o: { bold?: boolean; pt?: number } = {}) => ({
  w,
  valign: 'top' as const,
  padLeft: 85,
  padRight: 85,
  padTop: 40,
  children: (Array.isArray(t) ? t : [t]).map((x) => para(x, { align: 'left', pt: o.pt ?? 12, linePt: (o.pt ?? 12) * 1.5, bold: o.bold })),
});
const thin = { top: line(6), bottom: line(6), left: line(6), right: line(6), insideHorizontal: line(6), insideVertical: line(6) };
const longDate = (d: string) => d.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, (_m, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);

function cover(d: DossierData, parts: string[]): ISectionOptions {
  const kv = (k: string, v: string): GridRow => ({
    height: 560,
    rule: 'atLeast',
    cells: [
      { w: 1800, children: [para(k, { pt: 14, align: 'both' })], borders: { bottom: NO_LINE } },
      { w: 'rest', children: [para(v, { pt: 14, align: 'left' })], padLeft: 85 },
    ],
  });
  const info = gridTable(
    [kv('试点村居', `${d.townName} ${d.villageName}`), kv('拟任职务', d.pilot.post), kv('人　　选', `${d.cadre.name}（${d.cadre.sex}，${d.cadre.birth} 生）`), kv('现任职务', d.cadre.currentPosition || '—'), kv('任职期间', `${d.pilot.periodStart}–${d.pilot.periodEnd}`)],
    7370,
    { indent: (BODY_W - 7370) / 2, borders: 'none' },
  );
  return {
    properties: { page: { size: A4, margin: PORTRAIT_MARGIN } },
    footers: pageNumbers(),
    children: [
      secrecy(),
      para('跨村任职人选任用材料', { pt: 26, bold: true, before: 2400 }),
      para(`（${d.townName}${d.villageName}）`, { pt: 16, before: 240 }),
      para('', { linePt: 40 }),
      info,
      para('目　录', { pt: 12, bold: true, align: 'left', before: 960, indent: { left: 1000 } }),
      ...parts.map((p, i) => para(`${i + 1}. ${p}`, { pt: 12, align: 'left', linePt: 20, indent: { left: 1000 } })),
      para(longDate(d.printedOn), { pt: 14, before: 1800 }),
    ],
  };
}

function eligibility(d: DossierData): ISectionOptions {
  const e = d.eligibility;
  const head: GridRow = { height: 400, rule: 'atLeast', cells: [cell('序号', 700, { bold: true }), cell('审查项目', 2000, { bold: true }), cell('结论', 1100, { bold: true }), cell('依据', 'rest', { bold: true })] };
  const rows: GridRow[] = e.verdicts.map((v, i) => ({ height: 400, rule: 'atLeast', cells: [cell(String(i + 1), 700), cell(v.label, 2000), cell(VERDICT_TEXT[v.result], 1100, { bold: v.result !== 'pass' }), cell(v.reason, 'rest')] }));
  const when = e.recorded ? `按 ${e.evaluatedAt.slice(0, 10)} 记录“${lastStage(d.candidate)}”时的档案数据审查` : `按打印时（${d.printedOn}）的档案数据审查（尚未记录任何环节）`;
  return {
    properties: { page: { size: A4, margin: PORTRAIT_MARGIN } },
    footers: pageNumbers(),
    children: [
      secrecy(),
      heading('资格审查结果'),
      body(`人选：${d.cadre.name}　　试点：${d.townName} ${d.villageName} · ${d.pilot.post}`),
      body(`结论：${OVERALL_TEXT[e.overall]}`, { bold: true }),
      gridTable(rows.length ? [head, ...rows] : [head, { height: 400, cells: [cell('（无审查记录）', 'rest')] }], BODY_W, { borders: thin }),
      para(`${when}；年龄、党龄、年限计至 ${d.refDate}；审查规则版本 ${e.ruleVersion}。`, { align: 'left', pt: 10, linePt: 16, before: 120 }),
    ],
  };
}

function comparison(d: DossierData, columns: CompareColumn[]): ISectionOptions {
  const labelW = 1700;
  const colW = Math.floor((LAND_W - labelW) / columns.length);
  const rows: GridRow[] = [{ height: 500, rule: 'atLeast', cells: [cell('项目', labelW, { bold: true, pt: 10 }), ...columns.map((c, i) => cell([c.name, c.stage], i === columns.length - 1 ? 'rest' : colW, { bold: true, pt: 10 }))] }];
  let group = '';
  for (const row of comparisonRows(columns)) {
    if (row.group !== group) {
      group = row.group;
      rows.push({ height: 360, rule: 'atLeast', cells: [cell(group, 'rest', { bold: true, pt: 10 })] });
    }
    rows.push({
      height: 360,
      rule: 'atLeast',
      cells: [
        cell(`${row.label}${row.differ ? ' ※' : ''}`, labelW, { bold: true, pt: 9.5 }),
        ...row.cells.map((c, i) => {
          const w = i === columns.length - 1 ? ('rest' as const) : colW;
          if (row.key === 'photo' || c.photo !== undefined) {
            const bytes = c.photo ? Buffer.from(c.photo, 'base64') : null;
            const size = bytes ? imageSize(bytes) : null;
            if (!bytes || !size) return cell('（无照片）', w, { pt: 9.5 });
            const s = Math.min(20 / size.width, 27 / size.height);
            return { w, valign: 'top' as const, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: size.type, data: bytes, transformation: { width: pxOf(size.width * s), height: pxOf(size.height * s) } })] })] };
          }
          return cell([`${c.text}${c.best ? '（优）' : ''}`, ...(c.lines ?? [])], w, { pt: 9.5, bold: c.verdict === 'warn' || c.verdict === 'fail' });
        }),
      ],
    });
  }
  return {
    properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN } },
    footers: pageNumbers(),
    children: [
      secrecy(),
      heading('跨村任职人选比较表'),
      gridTable(rows, LAND_W, { borders: thin }),
      para(`标 ※ 的项目人选之间不同；“（优）”为该项较优者。年龄、党龄、年限计至 ${d.refDate}。`, { align: 'left', pt: 10, linePt: 16, before: 120 }),
    ],
  };
}

function decisions(d: DossierData): ISectionOptions {
  const head: GridRow = { height: 400, rule: 'atLeast', cells: [cell('环节', 900, { bold: true }), cell('日期', 1400, { bold: true }), cell('经办人', 1100, { bold: true }), cell('情况', 3500, { bold: true }), cell('当时资格审查', 'rest', { bold: true })] };
  const rows: GridRow[] = d.candidate.steps.map((s) => {
    const detail = [s.stage === '公示' && s.publicityStart ? `公示期 ${s.publicityStart}–${s.publicityEnd}` : '', s.stage === '未通过' && s.reason ? `原因：${s.reason}` : '', s.notes, ...s.warnings.map((w) => `提示：${w}`)].filter(Boolean);
    const fails = s.eligibility.verdicts.filter((v) => v.result !== 'pass').map((v) => `${v.label}：${VERDICT_TEXT[v.result]}`);
    return { height: 400, rule: 'atLeast', cells: [cell(s.stage, 900), cell(s.date, 1400), cell(s.operator, 1100), cell(detail.length ? detail : ['—'], 3500), cell([VERDICT_TEXT[s.eligibility.overall], ...fails], 'rest')] };
  });
  const filled = d.pilot.filled;
  const outcome = filled
    ? filled.candidateId === d.candidate.id
      ? `${filled.date} 任命 ${filled.cadreName} 为 ${d.villageName}${d.pilot.post}。`
      : `该试点已于 ${filled.date} 任命 ${filled.cadreName}。`
    : lastStage(d.candidate) === '未通过'
      ? '该人选未通过。'
      : '尚未作出任命决定。';
  return {
    properties: { page: { size: A4, margin: PORTRAIT_MARGIN } },
    footers: pageNumbers(),
    children: [
      secrecy(),
      heading('决定记录'),
      body(`人选：${d.cadre.name}　　试点：${d.townName} ${d.villageName} · ${d.pilot.post}`),
      gridTable(rows.length ? [head, ...rows] : [head, { height: 400, cells: [cell('（尚未记录任何环节）', 'rest')] }], BODY_W, { borders: thin }),
      body(`结果：${outcome}`, { bold: true }),
      para(`打印：${d.operator}　${d.printedOn}`, { align: 'left', pt: 10, linePt: 16, before: 120 }),
    ],
  };
}

export async function dossierDocx(d: DossierData, font: DocxFont): Promise<{ bytes: Buffer; warnings: PrintWarning[] }> {
  const rmb = rmbDocxSections(d.cadre, { refDate: d.refDate, familyColumn: d.familyColumn, font });
  const compare = d.comparison && d.comparison.length > 1 ? d.comparison : null;
  // The 考察材料 goes in once the 考察 step carries its record.
  const inspected = inspectionStep(d) ? [{ ...inspectionSection(d), footers: pageNumbers() }] : [];
  const parts = ['干部任免审批表', '资格审查结果', ...(inspected.length ? ['考察材料'] : []), ...(compare ? ['跨村任职人选比较表'] : []), '决定记录'];
  const sections = [cover(d, parts), ...rmb.sections.map((s) => ({ ...s, footers: pageNumbers() })), eligibility(d), ...inspected, ...(compare ? [comparison(d, compare)] : []), decisions(d)];
  const doc = new Document({ creator: 'cadre-desk', title: `跨村任职人选任用材料-${d.cadre.name}`, styles: docxStyles(font), sections });
  return { bytes: await Packer.toBuffer(doc), warnings: rmb.warnings };
}
