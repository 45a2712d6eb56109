/**
 * The printed 跨村任职人选比较表: one HTML string, A4 landscape, the 密级 mark on every page
 * (it sits in the table head, which Chromium repeats on each page),
 * the date, and (through the print engine's footer) "第 X 页 共 Y 页". Plain Node, no DOM, so the
 * printing engineer's dossier can embed the same document.
 */
import type { CompareColumn } from '../../shared/rules/eligibilityCompare.js';
import { COMPARISON_TABLE_CSS, comparisonTableHtml } from '../print/comparisonTable.js';
import { FOOTER_MIN_BOTTOM_MM } from '../print/engine.js';
import { esc, SECRECY } from '../print/html.js';

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

export function comparisonHtml(columns: CompareColumn[], meta: ComparisonMeta): string {
  const headRows = (span: number) => `
      <tr class="mark-row"><th colspan="${span}" style="text-align:left"><span class="secrecy">${SECRECY}</span></th></tr>
      <tr class="mark-row"><th colspan="${span}"><h1>跨村任职人选比较表</h1>
        <div class="meta">
          <span>试点：${esc(meta.pilotLabel)}　任职期间：${esc(meta.period)}${meta.reason ? `　事由：${esc(meta.reason)}` : ''}</span>
          <span>制表日期：${esc(meta.printedOn)}</span>
        </div></th></tr>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>跨村任职人选比较表</title>
<style>
  @page { size: A4 landscape; margin: 14mm 12mm ${Math.max(FOOTER_MIN_BOTTOM_MM, 16)}mm 12mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: SimSun, '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif; font-size: 10pt; color: #000; }
  .secrecy { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-weight: bold; font-size: 10.5pt; border: 1px solid #000; padding: 0.5mm 2mm; display: inline-block; }
  h1 { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2mm; letter-spacing: 2pt; }
  .meta { display: flex; justify-content: space-between; font-size: 10pt; font-weight: normal; text-align: left; }
${COMPARISON_TABLE_CSS}
  table.cmp tr.mark-row th { border: none; padding: 0 0 1.5mm; text-align: right; background: none; }
  .legend { margin-top: 2mm; font-size: 8.5pt; }
</style></head>
<body>
  ${comparisonTableHtml(columns, headRows)}
  <div class="legend">说明：底色标出人选之间不同的项目；“（优）”为该项较优者。年龄、党龄、年限计至 ${esc(meta.referenceDate)}。资格审查规则版本 ${esc(meta.ruleVersion)}。制表人：${esc(meta.operator)}。</div>
</body></html>`;
}
