/**
 * Building blocks for the Word documents (审批表, 任用材料, 考察材料): fonts, exact-spaced
 * paragraphs, and fixed-layout tables laid out in twips. Everything is real text in real table
 * cells — no text boxes, no pictures of text — so the files edit cleanly in Word and WPS.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';

import type { DocxFont } from '../../shared/contract/docx.js';

export type { DocxFont };

export const TWIPS_PER_MM = 1440 / 25.4;
export const mmOf = (twips: number) => twips / TWIPS_PER_MM;
/** A4 in twips, as the official template (w:pgSz w=11907 h=16840). */
export const A4 = { width: 11907, height: 16840 };

/** The run fonts for East Asian text, with Times New Roman for Latin, as the official template. */
export function runFonts(font: DocxFont) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: font, cs: font };
}

/** Document defaults: 14 pt (四号), no space between paragraphs. */
export function docxStyles(font: DocxFont) {
  return {
    default: {
      document: {
        run: { font: runFonts(font), size: 28 },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    // Labels share one style rather than repeating their properties in every cell: a 100-person
    // document has some 10 000 of them, and writing XML is most of the export's time.
    paragraphStyles: [{ id: LABEL_STYLE, name: '审批表栏目', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 320, lineRule: LineRuleType.EXACT } } }],
  };
}

export const LABEL_STYLE = 'RmbLabel';
/** A form label: centred, 16 pt exact pitch (the 审批表栏目 style). */
export const labelPara = (text: string) => new Paragraph({ style: LABEL_STYLE, children: text ? [new TextRun(text)] : [] });

export type Align = 'left' | 'center' | 'right' | 'both';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH } as const;

export interface ParaOpts {
  pt?: number;
  /** Exact line pitch in pt. */
  linePt?: number;
  align?: Align;
  indent?: IParagraphOptions['indent'];
  before?: number;
  bold?: boolean;
  keepNext?: boolean;
}

/** One paragraph of plain text (an empty string keeps an empty line of the same height). */
export function para(text: string | ParagraphChild[], o: ParaOpts = {}): Paragraph {
  const size = o.pt ? Math.round(o.pt * 2) : undefined;
  const children = typeof text === 'string' ? (text ? [new TextRun({ text, size, bold: o.bold })] : []) : text;
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'center'],
    spacing: o.before || o.linePt ? { before: o.before, ...(o.linePt ? { line: Math.round(o.linePt * 20), lineRule: LineRuleType.EXACT } : {}) } : undefined,
    indent: o.indent,
    keepNext: o.keepNext,
    // An empty paragraph still takes its line at this size, so blank lines keep the pitch.
    run: size ? { size } : undefined,
  });
}

export const line = (sz: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: sz, color: '000000' });
export const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
/** Outer frame 1.5 pt (sz 12), inside rules 1 pt (sz 8), as the official template. */
export const FORM_BORDERS = { top: line(12), bottom: line(12), left: line(12), right: line(12), insideHorizontal: line(8), insideVertical: line(8) };

export interface GridCell {
  /** Width in twips, or the rest of the row. */
  w: number | 'rest';
  children: (Paragraph | Table)[];
  rowSpan?: number;
  valign?: 'top' | 'center' | 'bottom';
  /** Left/right padding in twips. */
  padLeft?: number;
  padRight?: number;
  padTop?: number;
  borders?: { top?: IBorderOptions; bottom?: IBorderOptions; left?: IBorderOptions; right?: IBorderOptions };
}

export interface GridRow {
  /** Where the first listed cell starts (after cells merged down from rows above), twips. */
  start?: number;
  height: number;
  rule?: 'exact' | 'atLeast';
  cells: GridCell[];
  cantSplit?: boolean;
}

const VALIGN = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;

/**
 * A fixed-layout table whose rows divide the width differently (page 2 of the 审批表): the grid
 * is the union of every row's cell boundaries, and each cell spans the grid columns its own
 * width covers — as Word itself stores such a table.
 */
export function gridTable(rows: GridRow[], width: number, o: { indent?: number; borders?: ITableBordersOptions | 'none' } = {}): Table {
  const spans = rows.map((r) => {
    let x = r.start ?? 0;
    return r.cells.map((c) => {
      const w = c.w === 'rest' ? width - x : c.w;
      const s = { from: x, to: x + w };
      x += w;
      return s;
    });
  });
  const bounds = [...new Set(spans.flat().flatMap((s) => [s.from, s.to]).concat([0, width]))].sort((a, b) => a - b);
  const columnWidths = bounds.slice(1).map((b, i) => b - bounds[i]);
  const none = { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE, insideHorizontal: NO_LINE, insideVertical: NO_LINE };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    indent: o.indent !== undefined ? { size: o.indent, type: WidthType.DXA } : undefined,
    borders: o.borders === 'none' ? none : (o.borders ?? FORM_BORDERS),
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (r, ri) =>
        new TableRow({
          height: { value: r.height, rule: r.rule === 'atLeast' ? HeightRule.ATLEAST : HeightRule.EXACT },
          cantSplit: r.cantSplit ?? true,
          children: r.cells.map((c, ci) => {
            const s = spans[ri][ci];
            const columnSpan = bounds.filter((b) => b >= s.from && b < s.to).length;
            return new TableCell({
              children: c.children.length ? c.children : [para('')],
              width: { size: s.to - s.from, type: WidthType.DXA },
              columnSpan: columnSpan > 1 ? columnSpan : undefined,
              rowSpan: c.rowSpan,
              verticalAlign: VALIGN[c.valign ?? 'center'],
              // Zero padding is the table's default; writing it into every cell only costs time.
              margins: c.padLeft || c.padRight || c.padTop ? { left: c.padLeft ?? 0, right: c.padRight ?? 0, top: c.padTop ?? 0, bottom: 0 } : undefined,
              borders: c.borders,
            });
          }),
        }),
    ),
  });
}

/** Pixel size (at 96 dpi, what docx's ImageRun wants) of a box given in mm. */
export const pxOf = (mm: number) => Math.round((mm / 25.4) * 96);

/** Width and height of a JPEG or PNG from its header, or null when it is neither (never trust stored bytes). */
export function imageSize(bytes: Uint8Array): { type: 'jpg' | 'png'; width: number; height: number } | null {
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = v.getUint32(16);
    const height = v.getUint32(20);
    return width && height ? { type: 'png', width, height } : null;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      const len = (bytes[at + 2] << 8) | bytes[at + 3];
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = (bytes[at + 5] << 8) | bytes[at + 6];
        const width = (bytes[at + 7] << 8) | bytes[at + 8];
        return width && height ? { type: 'jpg', width, height } : null;
      }
      at += 2 + len;
    }
  }
  return null;
}
