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
