/**
 * The 跨村任职人选比较表 as an HTML table, the one renderer behind both the printed 比较表
 * (crossPosting/comparisonHtml.ts) and its page in the 任用材料 (dossier.ts): candidates side by
 * side, grouped rows, rows that differ tinted, the better value marked （优）, verdicts marked.
 * Each document supplies the page around it; the table's own look is COMPARISON_TABLE_CSS.
 */
import { comparisonRows, type CompareColumn, type CompareRow } from '../../shared/rules/eligibilityCompare.js';
import { esc, photoDataUri } from './html.js';

/** Width of the 项目 column, in mm. */
const LABEL_MM = 30;

function cellHtml(row: CompareRow, i: number): string {
  const cell = row.cells[i];
  if (row.key === 'photo' || cell.photo !== undefined) {
    // The stored bytes decide the type; anything that is not a JPEG/PNG is not embedded.
    const uri = cell.photo ? photoDataUri(cell.photo) : null;
    return `<td class="photo">${uri ? `<img src="${uri}" alt="照片">` : '（无照片）'}</td>`;
  }
  const cls = [cell.best ? 'best' : '', cell.verdict ?? ''].filter(Boolean).join(' ');
  const lines = (cell.lines ?? []).map((l) => `<div class="sub">${esc(l)}</div>`).join('');
  return `<td${cls ? ` class="${cls}"` : ''}><div class="main">${esc(cell.text)}${cell.best ? '<span class="mark">（优）</span>' : ''}</div>${lines}</td>`;
}

/**
 * The whole `<table>`. `headRows` (already HTML, each spanning the table with `colspan`) go into
 * the `<thead>` above the candidates' names, so Chromium repeats them on every printed page.
 */
export function comparisonTableHtml(columns: CompareColumn[], headRows: (span: number) => string = () => ''): string {
  const span = columns.length + 1;
  let body = '';
  let group = '';
  for (const row of comparisonRows(columns)) {
    if (row.group !== group) {
      group = row.group;
      body += `<tr class="group"><th colspan="${span}">${esc(group)}</th></tr>`;
    }
    body += `<tr class="${row.differ ? 'differ' : ''}"><th class="label">${esc(row.label)}</th>${row.cells.map((_, i) => cellHtml(row, i)).join('')}</tr>`;
  }
  const head = columns.map((c) => `<th class="cand">${esc(c.name)}<div class="sub">${esc(c.stage)}</div></th>`).join('');
  // Fixed layout takes column widths from the first row, which may be a spanning head row: say them here.
  const cols = `<colgroup><col style="width:${LABEL_MM}mm">${columns.map(() => '<col>').join('')}</colgroup>`;
  return `<table class="cmp">${cols}<thead>${headRows(span)}<tr><th class="corner">项目</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The table's look, the same in both documents. */
export const COMPARISON_TABLE_CSS = `
table.cmp { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.cmp thead { display: table-header-group; }
table.cmp tr { page-break-inside: avoid; break-inside: avoid; }
table.cmp th, table.cmp td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; word-break: break-all; }
table.cmp th.label { width: ${LABEL_MM}mm; font-weight: bold; background: #f2f2f2; }
table.cmp th.cand { font-family: SimHei, '黑体', 'Noto Sans CJK SC', sans-serif; font-size: 12pt; text-align: center; background: #e6e6e6; }
table.cmp th.corner { width: ${LABEL_MM}mm; background: #e6e6e6; }
table.cmp tr.group th { background: #d9d9d9; font-size: 10.5pt; text-align: left; }
table.cmp tr.differ td, table.cmp tr.differ th.label { background: #fff7d6; }
table.cmp td.best .main { font-weight: bold; }
table.cmp .mark { font-size: 8.5pt; }
table.cmp td.pass .main::before { content: '✓ '; }
table.cmp td.warn .main::before { content: '！ '; }
table.cmp td.fail .main::before { content: '✗ '; }
table.cmp td.fail .main { font-weight: bold; }
table.cmp .sub { font-size: 8.5pt; color: #222; margin-top: 0.6mm; }
table.cmp td.photo { text-align: center; }
table.cmp td.photo img { width: 22mm; height: 29mm; object-fit: cover; border: 0.4pt solid #666; }
`;
