/**
 * The 结构分析 workbook's styles: a table pasted into a 报告 needs fonts, borders and number
 * formats that SheetJS (community edition) does not write; ../xlsx/finishSheet.ts applies them.
 */
import { finishFirstSheet as finishWith } from '../xlsx/finishSheet.js';

/** Cell styles of STYLES_XML, by their index in <cellXfs>. */
export const STYLE = {
  plain: 0,
  title: 1,
  note: 2,
  header: 3,
  text: 4,
  count: 5,
  oneDecimal: 6,
  percent: 7,
  ratio: 8,
} as const;
/** STYLE.text … STYLE.ratio + BOLD is the same style in bold, for the district row. */
export const BOLD = 5;
export type CellKind = 'text' | 'count' | 'oneDecimal' | 'percent' | 'ratio';

const NUM_FMTS = { oneDecimal: 164, percent: 165, ratio: 166 } as const;
const FONT = '宋体';

function bodyXf(numFmtId: number, fontId: number): string {
  return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>`;
}
function bodyXfs(fontId: number): string[] {
  return [bodyXf(49, fontId), bodyXf(1, fontId), bodyXf(NUM_FMTS.oneDecimal, fontId), bodyXf(NUM_FMTS.percent, fontId), bodyXf(NUM_FMTS.ratio, fontId)];
}

const XFS = [
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>',
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>',
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
  ...bodyXfs(0),
  ...bodyXfs(1),
];

export const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="3"><numFmt numFmtId="${NUM_FMTS.oneDecimal}" formatCode="0.0"/><numFmt numFmtId="${NUM_FMTS.percent}" formatCode="0.0%"/><numFmt numFmtId="${NUM_FMTS.ratio}" formatCode="&quot;1:&quot;0.00"/></numFmts>` +
  '<fonts count="4">' +
  `<font><sz val="11"/><name val="${FONT}"/><charset val="134"/></font>` +
  `<font><b/><sz val="11"/><name val="${FONT}"/><charset val="134"/></font>` +
  `<font><b/><sz val="16"/><name val="${FONT}"/><charset val="134"/></font>` +
  `<font><sz val="10"/><color rgb="FF595959"/><name val="${FONT}"/><charset val="134"/></font>` +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${XFS.length}">${XFS.join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

export function bodyStyle(kind: CellKind, bold: boolean): number {
  return STYLE[kind] + (bold ? BOLD : 0);
}

export interface AnalysisFinish {
  /** Cell reference → STYLE index; cells not named get the plain style. */
  styles: ReadonlyMap<string, number>;
  /** Rows and columns kept in view while scrolling. */
  freezeRows: number;
  freezeCols: number;
}

/** Applies the 结构分析 styles to the first sheet of a SheetJS-written .xlsx. */
export function finishFirstSheet(bytes: Buffer, finish: AnalysisFinish): Buffer {
  return finishWith(bytes, { ...finish, stylesXml: STYLES_XML, styleOf: (ref) => finish.styles.get(ref) ?? STYLE.plain });
}
