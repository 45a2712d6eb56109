/**
 * What SheetJS (community edition) does not write but a table pasted into a 报告 needs:
 * fonts, borders, alignment, frozen panes and a landscape page. The workbook is written
 * by SheetJS first; these edits then rewrite its styles.xml wholesale and touch the sheet
 * XML only where the schema puts each element, so nothing depends on SheetJS's own style ids.
 */
import * as XLSX from 'xlsx';

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

function mustReplace(xml: string, pattern: RegExp, by: string | ((...m: string[]) => string), what: string): string {
  const out = xml.replace(pattern, by as never);
  if (out === xml) throw new Error(`导出 Excel 失败：${what}（工作表格式与预期不符）`);
  return out;
}

/** Every <c r="B5"> gets the style of styles.get('B5'), or the plain style. */
function styleCells(xml: string, styles: ReadonlyMap<string, number>): string {
  return xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, (_m, ref: string) => `<c r="${ref}" s="${styles.get(ref) ?? STYLE.plain}"`);
}

function freeze(xml: string, rows: number, cols: number): string {
  const topLeft = XLSX.utils.encode_cell({ r: rows, c: cols });
  const pane = `<pane xSplit="${cols}" ySplit="${rows}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return mustReplace(xml, /<sheetView ([^>]*?)\/>/, (_m, attrs) => `<sheetView ${attrs}>${pane}</sheetView>`, '未能冻结表头');
}

/** Landscape A4, all columns on one page width (sheetPr first and pageSetup after pageMargins, as the schema orders them). */
function landscapeOnePageWide(xml: string): string {
  if (xml.includes('<sheetPr')) throw new Error('导出 Excel 失败：工作表已有 sheetPr');
  const withPr = mustReplace(xml, /(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', '未能设置打印');
  return mustReplace(withPr, /(<pageMargins[^>]*\/>)/, '$1<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>', '未能设置打印');
}

export interface SheetFinish {
  /** Cell reference → STYLE index. */
  styles: ReadonlyMap<string, number>;
  /** Rows and columns kept in view while scrolling. */
  freezeRows: number;
  freezeCols: number;
}

/** Applies the finish to the first sheet of a SheetJS-written .xlsx. */
export function finishFirstSheet(bytes: Buffer, finish: SheetFinish): Buffer {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const edit = (path: string, fn: (xml: string) => string) => {
    const entry = XLSX.CFB.find(zip, path);
    if (!entry) throw new Error(`导出 Excel 失败：工作簿中缺少 ${path}`);
    XLSX.CFB.utils.cfb_add(zip, path, Buffer.from(fn(Buffer.from(entry.content).toString('utf8')), 'utf8'));
  };
  edit('/xl/styles.xml', () => STYLES_XML);
  edit('/xl/worksheets/sheet1.xml', (xml) => landscapeOnePageWide(freeze(styleCells(xml, finish.styles), finish.freezeRows, finish.freezeCols)));
  return Buffer.from(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }));
}
