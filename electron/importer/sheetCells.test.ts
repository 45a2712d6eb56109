import { describe, expect, it } from 'vitest';
import { countCellTags } from './sheetCells.js';

const count = (xml: string) => countCellTags(Buffer.from(xml, 'utf8'));

describe('countCellTags', () => {
  it('counts cell elements in every spelling a writer uses, and nothing else', () => {
    expect(count('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c>\n</c><c\tr="D1"></c></row>')).toBe(4);
    expect(count('<x:row><x:c r="A1"><x:v>1</x:v></x:c><x:c/></x:row>')).toBe(2);
    expect(count('<cols><col min="1"/></cols><cfRule/><customSheetViews/><conditionalFormatting/>')).toBe(0);
    expect(count('<c')).toBe(0);
  });
});

describe('worksheetOverLimit', () => {
  it('finds a worksheet the relations moved out of xl/worksheets/, and names it as the workbook does', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const XLSX = await import('xlsx');
    const { sheetNameOfPart, worksheetOverLimit } = await import('./sheetCells.js');
    const ws = XLSX.utils.aoa_to_sheet(Array.from({ length: 60 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 40 + c)));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '花名册');
    const files = unzipSync(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    files['xl/data/s.xml'] = files['xl/worksheets/sheet1.xml'];
    delete files['xl/worksheets/sheet1.xml'];
    files['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(files['xl/_rels/workbook.xml.rels']).replace('worksheets/sheet1.xml', 'data/s.xml'));
    files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace('/xl/worksheets/sheet1.xml', '/xl/data/s.xml'));
    const zip = Buffer.from(zipSync(files));
    expect(worksheetOverLimit(zip, 2000)).toEqual({ part: 'xl/data/s.xml', cells: 2400 });
    expect(worksheetOverLimit(zip, 5000)).toBeNull();
    expect(sheetNameOfPart(zip, 'xl/data/s.xml')).toBe('花名册');
  });
});
