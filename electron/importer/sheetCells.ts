/**
 * Counts the cells an .xlsx declares before the spreadsheet parser sees it. The parser builds
 * every cell in memory at once and cannot be stopped: a 260 KB file of 3 M tiny cells took it
 * 15 s and 600 MB, and a 30 MB one would end the process. Counting `<c` tags while inflating
 * the worksheets in small chunks costs a fraction of that and stops at the limit.
 */
import { inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A worksheet's XML larger than this is refused unread: a 50 000-row 花名册 of 30 columns is
 * ~60 MB, and inflating more at once would itself cost the memory the count is there to save.
 */
export const MAX_SHEET_XML_BYTES = 160 * 1024 * 1024;

export interface CellCount {
  /** Path of the worksheet inside the zip (xl/worksheets/sheet3.xml). */
  part: string;
  /** Cells counted when the limit was passed; Infinity when the XML itself was too large. */
  cells: number;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The zip's central directory; [] when it cannot be read (the parser then refuses the file). */
function entries(zip: Buffer): Entry[] {
  const out: Entry[] = [];
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue;
    const count = zip.readUInt16LE(i + 10);
    let p = zip.readUInt32LE(i + 16);
    for (let n = 0; n < count && p + 46 <= zip.length; n++) {
      if (zip.readUInt32LE(p) !== 0x02014b50) break;
      const nameLen = zip.readUInt16LE(p + 28);
      out.push({
        name: zip.toString('utf8', p + 46, Math.min(zip.length, p + 46 + nameLen)),
        method: zip.readUInt16LE(p + 10),
        compressedSize: zip.readUInt32LE(p + 20),
        localOffset: zip.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    }
    break;
  }
  return out;
}

/** Cell elements in worksheet XML: <c …>, <c/>, or with a namespace prefix (<x:c>). */
export function countCellTags(xml: Uint8Array): number {
  let n = 0;
  const len = xml.length;
  for (let i = 0; i < len - 2; i++) {
    if (xml[i] !== 0x3c) continue; // <
    let j = i + 1;
    // Skip a prefix up to its colon: <x:c
    let k = j;
    while (k < len && k - j < 32 && ((xml[k] >= 0x61 && xml[k] <= 0x7a) || (xml[k] >= 0x41 && xml[k] <= 0x5a) || (xml[k] >= 0x30 && xml[k] <= 0x39) || xml[k] === 0x5f || xml[k] === 0x2d || xml[k] === 0x2e)) k++;
    if (k < len && xml[k] === 0x3a && k > j) j = k + 1;
    if (xml[j] !== 0x63) continue; // c
    const after = xml[j + 1];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) n++;
  }
  return n;
}

/**
 * The first worksheet part found to pass `limit` cells (counting across all worksheets), or
 * null when the whole file stays within it or cannot be read (the parser then says so).
 */
export function worksheetOverLimit(zip: Buffer, limit: number): CellCount | null {
  let total = 0;
  for (const e of entries(zip)) {
    // Every XML part, not only xl/worksheets/: the parser finds sheets through the workbook's
    // relations, so a file may keep them anywhere. No other part writes <c> elements.
    if (!/\.xml$/i.test(e.name)) continue;
    const at = e.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) continue;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, Math.min(zip.length, start + e.compressedSize));
    let xml: Uint8Array;
    try {
      // Node's own zlib: ~20× faster than inflating in JavaScript, and it stops at the cap.
      xml = e.method === 0 ? data : e.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_SHEET_XML_BYTES, chunkSize: 1 << 20 }) : new Uint8Array();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { part: e.name, cells: Infinity };
      continue; // damaged: the parser reports it
    }
    total += countCellTags(xml);
    if (total > limit) return { part: e.name, cells: total };
  }
  return null;
}

/**
 * The name the workbook gives a worksheet part ("花名册" for xl/worksheets/sheet1.xml), read
 * from workbook.xml and its relations; '' when the file does not say.
 */
export function sheetNameOfPart(zip: Uint8Array, part: string): string {
  try {
    const files = unzipSync(zip, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
    const target = part.replace(/^xl\//, '');
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => {
      const t = /Target="([^"]*)"/.exec(tag)?.[1] ?? '';
      return t.replace(/^\/?xl\//, '') === target;
    });
    const id = rel && /Id="([^"]*)"/.exec(rel)?.[1];
    if (!id) return '';
    const sheet = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1] === id);
    const name = sheet && /name="([^"]*)"/.exec(sheet)?.[1];
    return name ? name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") : '';
  } catch {
    return '';
  }
}
