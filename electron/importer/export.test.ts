import { describe, expect, it } from 'vitest';
import { unescapeText } from './cells.js';
import { escapeFormula } from './export.js';
import { numberText } from './workbook.js';

describe('formula injection', () => {
  it.each(['=1+1', '+86 757', '-3', '@SUM(A1)', '\tx', '\rx'])('escapes %j and the importer takes the escape off again', (s) => {
    expect(escapeFormula(s)).toBe(`'${s}`);
    expect(unescapeText(escapeFormula(s))).toBe(s);
  });
  it('leaves ordinary text alone, including an apostrophe that is not an escape', () => {
    expect(escapeFormula('陈强')).toBe('陈强');
    expect(unescapeText("'陈强")).toBe("'陈强");
  });
});

describe('numbers as Excel shows them', () => {
  it('writes an ID stored as a number the way the General format shows it', () => {
    expect(numberText(440606197503010000)).toBe('4.40606E+17');
    expect(numberText(13800138000)).toBe('13800138000');
  });
});

describe('zip bombs', () => {
  it('reads the uncompressed size a real .xlsx declares', async () => {
    const { rosterTemplate } = await import('./export.js');
    const { declaredUnzippedBytes } = await import('./workbook.js');
    const t = rosterTemplate();
    expect(declaredUnzippedBytes(t)).toBeGreaterThan(t.length);
  });
  it('refuses a workbook that declares more than 400 MB unpacked', async () => {
    const { rosterTemplate } = await import('./export.js');
    const { readWorkbook } = await import('./workbook.js');
    const t = Buffer.from(rosterTemplate());
    // Rewrite the first central-directory entry's uncompressed size to 1 GB.
    const cd = t.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    t.writeUInt32LE(1024 * 1024 * 1024, cd + 24);
    expect(() => readWorkbook(t, 'bomb.xlsx')).toThrow('“bomb.xlsx”解压后超过 400 MB，不是正常的花名册，已拒绝读取');
  });
});

describe('the 花名册 as an office opens it in Excel', () => {
  it('wraps 简历 and 考核, keeps every body cell text (IDs stay 18 digits), freezes the header and 姓名', async () => {
    const XLSX = await import('xlsx');
    const { rosterTemplate } = await import('./export.js');
    const zip = XLSX.CFB.read(rosterTemplate(), { type: 'buffer' });
    const part = (path: string) => Buffer.from(XLSX.CFB.find(zip, path)!.content).toString('utf8');
    const sheet = part('/xl/worksheets/sheet1.xml');
    const xfs = [...part('/xl/styles.xml').split('<cellXfs')[1].matchAll(/<xf [^>]*>(?:<alignment [^>]*\/>)?/g)].map((m) => m[0]);
    const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1])];
    const headers = XLSX.read(rosterTemplate(), { type: 'buffer' }).Sheets['花名册'];
    const colOf = (label: string) => {
      for (let c = 0; c < 40; c++) if (headers[XLSX.utils.encode_cell({ r: 2, c })]?.v === label) return XLSX.utils.encode_col(c);
      throw new Error(`no column ${label}`);
    };
    expect(sheet).toContain('<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/>');
    expect(styleOf(`${colOf('简历')}4`)).toContain('wrapText="1"');
    expect(styleOf(`${colOf('年度考核结果')}4`)).toContain('wrapText="1"');
    expect(styleOf(`${colOf('身份证号码')}4`)).toContain('numFmtId="49"');
    expect(styleOf(`${colOf('身份证号码')}4`)).not.toContain('wrapText');
    expect(styleOf(`${colOf('身份证号码')}200`)).toContain('numFmtId="49"'); // blank rows to type into
    expect(styleOf(`${colOf('姓名')}3`)).toContain('fontId="1"'); // the bold header font
    expect(sheet).toContain('orientation="landscape"');
  });
});
