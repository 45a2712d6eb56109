/**
 * What SheetJS (community edition) does not write but a sheet handed to an office needs:
 * fonts, borders, wrapping, frozen header rows and a landscape page. The workbook is written by
 * SheetJS first; this then replaces its styles.xml with the caller's and touches the sheet XML
 * only where the schema puts each element, so nothing depends on SheetJS's own style ids.
 */
import * as XLSX from 'xlsx';

function mustReplace(xml: string, pattern: RegExp, by: string | ((...m: string[]) => string), what: string): string {
  const out = xml.replace(pattern, by as never);
  if (out === xml) throw new Error(`导出 Excel 失败：${what}（工作表格式与预期不符）`);
  return out;
}

/** Every <c r="B5"> gets the style styleOf('B5') names. */
function styleCells(xml: string, styleOf: (ref: string) => number): string {
  return xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")?/g, (_m, ref: string) => `<c r="${ref}" s="${styleOf(ref)}"`);
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
  /** The whole styles.xml to use. */
  stylesXml: string;
  /** Cell reference ("B5") → index into the stylesXml's <cellXfs>. */
  styleOf: (ref: string) => number;
  /** Rows and columns kept in view while scrolling. */
  freezeRows: number;
  freezeCols: number;
}

/** The part of SheetJS's bundled zip-container library (CFB) used here; SheetJS declares it as `any`. */
interface CfbContainer { readonly FileIndex: unknown[] }
interface Cfb {
  read(data: Buffer, opts: { type: 'buffer' }): CfbContainer;
  find(container: CfbContainer, path: string): { content: Uint8Array | number[] } | null;
  utils: { cfb_add(container: CfbContainer, path: string, content: Buffer): void };
  write(container: CfbContainer, opts: { fileType: 'zip'; type: 'buffer'; compression: boolean }): Uint8Array;
}
const CFB = XLSX.CFB as Cfb;

/** Applies the finish to the first sheet of a SheetJS-written .xlsx. */
export function finishFirstSheet(bytes: Buffer, finish: SheetFinish): Buffer {
  const zip = CFB.read(bytes, { type: 'buffer' });
  const edit = (path: string, fn: (xml: string) => string) => {
    const entry = CFB.find(zip, path);
    if (!entry) throw new Error(`导出 Excel 失败：工作簿中缺少 ${path}`);
    CFB.utils.cfb_add(zip, path, Buffer.from(fn(Buffer.from(entry.content).toString('utf8')), 'utf8'));
  };
  edit('/xl/styles.xml', () => finish.stylesXml);
  edit('/xl/worksheets/sheet1.xml', (xml) => landscapeOnePageWide(freeze(styleCells(xml, finish.styleOf), finish.freezeRows, finish.freezeCols)));
  return Buffer.from(CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }));
}
