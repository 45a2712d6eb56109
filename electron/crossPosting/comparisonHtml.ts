/**
 * The printed 跨村任职人选比较表: one HTML string, A4 landscape, the 密级 mark on every page
 * (it sits in the table head, which Chromium repeats on each page),
 * the date, and (through the print engine's footer) "第 X 页 共 Y 页". Plain Node, no DOM, so the
 * printing engineer's dossier can embed the same document.
 */
import { comparisonRows, type CompareColumn, type CompareRow } from '../../shared/rules/eligibilityCompare.js';
import { FOOTER_MIN_BOTTOM_MM } from '../print/engine.js';

export const SECRECY_MARK = '内部资料 注意保密';

export interface ComparisonMeta {
  /** e.g. "大良 弱村 · 党组织书记". */
  pilotLabel: string;
  period: string;
  reason: string;
  referenceDate: string;
  ruleVersion: string;
  /** "YYYY.MM.DD" printed as 制表日期. */
  printedOn: string;
  operator: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const VERDICT_CLASS = { pass: 'pass', warn: 'warn', fail: 'fail' } as const;

function cellHtml(row: CompareRow, i: number): string {
  const cell = row.cells[i];
  if (cell.photo) return `<td class="photo"><img src="data:image/jpeg;base64,${esc(cell.photo)}" alt="照片"></td>`;
  const cls = [cell.best ? 'best' : '', cell.verdict ? VERDICT_CLASS[cell.verdict] : ''].filter(Boolean).join(' ');
  const lines = (cell.lines ?? []).map((l) => `<div class="sub">${esc(l)}</div>`).join('');
  return `<td${cls ? ` class="${cls}"` : ''}><div class="main">${esc(cell.text)}${cell.best ? '<span class="mark">（优）</span>' : ''}</div>${lines}</td>`;
}

/** Group body rows: each group starts with a header line, rows that differ are tinted. */
function bodyHtml(rows: CompareRow[], n: number): string {
  let out = '';
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      out += `<tr class="group"><th colspan="${n + 1}">${esc(group)}</th></tr>`;
    }
    out += `<tr class="${row.differ ? 'differ' : ''}"><th class="label">${esc(row.label)}</th>${row.cells.map((_, i) => cellHtml(row, i)).join('')}</tr>`;
  }
  return out;
}

export function comparisonHtml(columns: CompareColumn[], meta: ComparisonMeta): string {
  const rows = comparisonRows(columns);
  const n = columns.length;
  const labelWidth = 30; // mm
  const head = columns.map((c) => `<th class="cand">${esc(c.name)}<div class="sub">${esc(c.stage)}</div></th>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>跨村任职人选比较表</title>
<style>
  @page { size: A4 landscape; margin: 14mm 12mm ${Math.max(FOOTER_MIN_BOTTOM_MM, 16)}mm 12mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: SimSun, '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif; font-size: 10pt; color: #000; }
  .secrecy { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-weight: bold; font-size: 10.5pt; border: 1px solid #000; padding: 0.5mm 2mm; display: inline-block; }
  tr.mark-row th { border: none; padding: 0 0 1.5mm; text-align: right; background: none; }
  h1 { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: 2pt; }
  .meta { display: flex; justify-content: space-between; font-size: 10pt; font-weight: normal; text-align: left; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; word-break: break-all; }
  th.label { width: ${labelWidth}mm; font-weight: bold; background: #f2f2f2; }
  th.cand { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-size: 12pt; text-align: center; background: #e6e6e6; }
  th.corner { width: ${labelWidth}mm; background: #e6e6e6; }
  tr.group th { background: #d9d9d9; font-size: 10.5pt; text-align: left; }
  tr.differ td, tr.differ th.label { background: #fff7d6; }
  td.best .main { font-weight: bold; }
  .mark { font-size: 8.5pt; }
  td.pass .main::before { content: '✓ '; }
  td.warn .main::before { content: '！ '; }
  td.fail .main::before { content: '✗ '; }
  td.fail .main { font-weight: bold; }
  .sub { font-size: 8.5pt; color: #222; margin-top: 0.6mm; }
  td.photo { text-align: center; }
  td.photo img { width: 22mm; height: 29mm; object-fit: cover; border: 0.4pt solid #666; }
  .legend { margin-top: 2mm; font-size: 8.5pt; }
</style></head>
<body>
  <table>
    <thead>
      <tr class="mark-row"><th colspan="${n + 1}" style="text-align:left"><span class="secrecy">${SECRECY_MARK}</span></th></tr>
      <tr class="mark-row"><th colspan="${n + 1}"><h1>跨村任职人选比较表</h1>
        <div class="meta">
          <span>试点：${esc(meta.pilotLabel)}　任职期间：${esc(meta.period)}${meta.reason ? `　事由：${esc(meta.reason)}` : ''}</span>
          <span>制表日期：${esc(meta.printedOn)}</span>
        </div></th></tr>
      <tr><th class="corner">项目</th>${head}</tr>
    </thead>
    <tbody>${bodyHtml(rows, n)}</tbody>
  </table>
  <div class="legend">说明：底色标出人选之间不同的项目；“（优）”为该项较优者。年龄、党龄、年限计至 ${esc(meta.referenceDate)}。资格审查规则版本 ${esc(meta.ruleVersion)}。制表人：${esc(meta.operator)}。</div>
</body></html>`;
}
