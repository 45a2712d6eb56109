/**
 * The appointment dossier (任用材料) for one 跨村任职 candidate, as one print document:
 * cover → 干部任免审批表 → 资格审查结果 → 考察材料 (once the 考察 step has its record) →
 * 人选比较表 (landscape, when the pilot had 2+ candidates) → 决定记录, "第 X 页 共 Y 页" on every page (CSS margin boxes), so every
 * section leaves at least FOOTER_MIN_BOTTOM_MM free at the bottom.
 */
import type { PrintWarning } from '../../shared/contract/print.js';
import type { CrossCandidate, VerdictResult } from '../../shared/domain/crossPosting.js';
import { VERDICT_TEXT, type CompareColumn } from '../../shared/rules/eligibilityCompare.js';
import { COMPARISON_TABLE_CSS, comparisonTableHtml } from './comparisonTable.js';
import { FOOTER_MIN_BOTTOM_MM } from './engine.js';
import { esc, htmlDocument, SANS_STACK, SECRECY, SERIF_STACK } from './html.js';
import { RMB_CSS, rmbSheets } from './rmbForm.js';
import { inspectionReport } from './inspectionText.js';
import type { DossierData } from './dossierData.js';

export const OVERALL_TEXT: Record<VerdictResult, string> = { pass: '符合任职资格条件', warn: '基本符合，有需核实事项', fail: '不符合任职资格条件' };

const DOSSIER_CSS = `
/* Page numbers in CSS margin boxes, not the engine's footer template, so the system print
   dialog (Electron) and the browser's print of the preview number the pages too. */
@page { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: ${SERIF_STACK}; font-size: 10pt; vertical-align: middle; } }
@page dossier { size: A4; margin: 22mm 22mm ${Math.max(FOOTER_MIN_BOTTOM_MM, 18)}mm 24mm; }
@page dossierLand { size: A4 landscape; margin: 14mm 12mm ${Math.max(FOOTER_MIN_BOTTOM_MM, 16)}mm 12mm; }
.d-flow { page: dossier; font-size: 12pt; line-height: 1.6; break-after: page; }
.d-flow:last-child { break-after: auto; }
.d-land { page: dossierLand; font-size: 9.5pt; break-after: page; }
.d-secrecy { text-align: right; font-family: ${SANS_STACK}; font-weight: bold; font-size: 11pt; }
.d-secrecy span { display: inline-block; border: 1pt solid #000; padding: 0.5mm 2mm; }
.d-flow h1, .d-land h1 { font-family: ${SANS_STACK}; font-size: 18pt; text-align: center; margin: 4mm 0 5mm; letter-spacing: 0.15em; }
.d-flow h2 { font-size: 13pt; margin: 5mm 0 2mm; }
.d-flow table, .d-land table { border-collapse: collapse; width: 100%; }
.d-flow td, .d-flow th, .d-land td, .d-land th { border: 0.75pt solid #000; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; word-break: break-all; }
.d-flow th, .d-land th { font-weight: bold; background: #efefef; }
.d-flow tr, .d-land tr { break-inside: avoid; }
.d-land thead { display: table-header-group; }
.d-cover { page: dossier; break-after: page; position: relative; height: 250mm; }
.d-cover .title { font-family: ${SANS_STACK}; font-size: 26pt; text-align: center; margin-top: 45mm; letter-spacing: 0.2em; }
.d-cover .sub { text-align: center; font-size: 16pt; margin-top: 6mm; }
.d-cover table { margin: 30mm auto 0; width: 130mm; border-collapse: collapse; font-size: 14pt; }
.d-cover td { padding: 3mm 2mm; border-bottom: 0.75pt solid #000; }
.d-cover td.k { width: 32mm; text-align: justify; text-align-last: justify; border-bottom: none; }
.d-cover .contents { margin: 20mm auto 0; width: 130mm; font-size: 12pt; }
.d-cover .date { position: absolute; bottom: 10mm; width: 100%; text-align: center; font-size: 14pt; }
.v-pass { }
.v-warn { font-weight: bold; }
.v-fail { font-weight: bold; text-decoration: underline; }
.d-note { font-size: 10pt; margin-top: 3mm; }
${COMPARISON_TABLE_CSS}`;

function secrecy(): string {
  return `<div class="d-secrecy"><span>${SECRECY}</span></div>`;
}

function cover(d: DossierData, sections: string[]): string {
  const row = (k: string, v: string) => `<tr><td class="k">${esc(k)}</td><td>${esc(v)}</td></tr>`;
  return `<section class="d-cover">${secrecy()}
<div class="title">跨村任职人选任用材料</div>
<div class="sub">（${esc(d.townName)}${esc(d.villageName)}）</div>
<table>
${row('试点村居', `${d.townName} ${d.villageName}`)}
${row('拟任职务', d.pilot.post)}
${row('人选', `${d.cadre.name}（${d.cadre.sex}，${d.cadre.birth} 生）`)}
${row('现任职务', d.cadre.currentPosition || '—')}
${row('任职期间', `${d.pilot.periodStart}–${d.pilot.periodEnd}`)}
</table>
<div class="contents"><b>目　录</b><ol>${sections.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></div>
<div class="date">${esc(d.printedOn.replace(/^(\d{4})\.(\d{2})\.(\d{2})$/, (_m, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`))}</div>
</section>`;
}

function eligibilityPage(d: DossierData): string {
  const e = d.eligibility;
  const rows = e.verdicts
    .map((v, i) => `<tr><td style="width:9mm;text-align:center">${i + 1}</td><td style="width:34mm">${esc(v.label)}</td><td class="v-${v.result}" style="width:20mm">${VERDICT_TEXT[v.result]}</td><td>${esc(v.reason)}</td></tr>`)
    .join('');
  const when = e.recorded ? `按 ${esc(e.evaluatedAt.slice(0, 10))} 记录“${esc(lastStage(d.candidate))}”时的档案数据审查` : `按打印时（${esc(d.printedOn)}）的档案数据审查（尚未记录任何环节）`;
  return `<section class="d-flow">${secrecy()}<h1>资格审查结果</h1>
<p>人选：${esc(d.cadre.name)}　　试点：${esc(d.townName)} ${esc(d.villageName)} · ${esc(d.pilot.post)}</p>
<p>结论：<b>${OVERALL_TEXT[e.overall]}</b></p>
<table><tr><th>序号</th><th>审查项目</th><th>结论</th><th>依据</th></tr>${rows || '<tr><td colspan="4">（无审查记录）</td></tr>'}</table>
<p class="d-note">${when}；年龄、党龄、年限计至 ${esc(d.refDate)}；审查规则版本 ${esc(e.ruleVersion)}。</p>
</section>`;
}

export function lastStage(c: CrossCandidate): string {
  return c.steps.length ? c.steps[c.steps.length - 1].stage : '';
}

function comparisonPage(d: DossierData, columns: CompareColumn[]): string {
  return `<section class="d-land">${secrecy()}<h1>跨村任职人选比较表</h1>
${comparisonTableHtml(columns)}
<p class="d-note">底色标出人选之间不同的项目；“（优）”为该项较优者。年龄、党龄、年限计至 ${esc(d.refDate)}。</p>
</section>`;
}

function decisionPage(d: DossierData): string {
  const steps = d.candidate.steps;
  const rows = steps
    .map((s) => {
      const detail = [
        s.stage === '公示' && s.publicityStart ? `公示期 ${s.publicityStart}–${s.publicityEnd}` : '',
        s.stage === '未通过' && s.reason ? `原因：${s.reason}` : '',
        s.notes,
        ...s.warnings.map((w) => `提示：${w}`),
      ]
        .filter(Boolean)
        .map((t) => `<div>${esc(t)}</div>`)
        .join('');
      const ev = s.eligibility;
      const fails = ev.verdicts.filter((v) => v.result !== 'pass').map((v) => `${v.label}：${VERDICT_TEXT[v.result]}`);
      return `<tr><td>${esc(s.stage)}</td><td>${esc(s.date)}</td><td>${esc(s.operator)}</td><td>${detail || '—'}</td><td class="v-${ev.overall}">${VERDICT_TEXT[ev.overall]}${fails.length ? `<div class="d-note" style="margin:0">${fails.map(esc).join('；')}</div>` : ''}</td></tr>`;
    })
    .join('');
  const filled = d.pilot.filled;
  const outcome = filled
    ? filled.candidateId === d.candidate.id
      ? `${filled.date} 任命 ${esc(filled.cadreName)} 为 ${esc(d.villageName)}${esc(d.pilot.post)}。`
      : `该试点已于 ${esc(filled.date)} 任命 ${esc(filled.cadreName)}。`
    : lastStage(d.candidate) === '未通过'
      ? '该人选未通过。'
      : '尚未作出任命决定。';
  return `<section class="d-flow">${secrecy()}<h1>决定记录</h1>
<p>人选：${esc(d.cadre.name)}　　试点：${esc(d.townName)} ${esc(d.villageName)} · ${esc(d.pilot.post)}</p>
<table><tr><th style="width:14mm">环节</th><th style="width:24mm">日期</th><th style="width:18mm">经办人</th><th>情况</th><th style="width:30mm">当时资格审查</th></tr>
${rows || '<tr><td colspan="5">（尚未记录任何环节）</td></tr>'}</table>
<p><b>结果：</b>${outcome}</p>
<p class="d-note">打印：${esc(d.operator)}　${esc(d.printedOn)}</p>
</section>`;
}

/** The 考察材料, once the 考察 step carries its record (same wording as the Word file). */
function inspectionPage(d: DossierData): string | null {
  const r = inspectionReport(d);
  if (!r) return null;
  const p = (t: string) => `<p style="text-indent:2em;margin:0 0 1mm">${esc(t)}</p>`;
  return `<section class="d-flow">${secrecy()}<h1>${esc(r.title)}</h1>${p(r.opening)}
${r.sections.map((s) => `<h2>${esc(s.heading)}</h2>${s.paras.map(p).join('')}`).join('')}
<div style="text-align:right;margin-top:6mm">${r.sign.map((t) => `<div>${esc(t)}</div>`).join('')}</div></section>`;
}

export function dossierHtml(d: DossierData): { html: string; warnings: PrintWarning[]; sheets: number } {
  const rmb = rmbSheets(d.cadre, { refDate: d.refDate, familyColumn: d.familyColumn });
  const compare = d.comparison && d.comparison.length > 1 ? d.comparison : null;
  const inspection = inspectionPage(d);
  const sections = ['干部任免审批表', '资格审查结果', ...(inspection ? ['考察材料'] : []), ...(compare ? ['跨村任职人选比较表'] : []), '决定记录'];
  const sheets = [cover(d, sections), ...rmb.sheets, eligibilityPage(d), ...(inspection ? [inspection] : []), ...(compare ? [comparisonPage(d, compare)] : []), decisionPage(d)];
  const html = htmlDocument(`跨村任职人选任用材料-${d.cadre.name}`, RMB_CSS + DOSSIER_CSS, sheets);
  return { html, warnings: rmb.warnings, sheets: sheets.length };
}
