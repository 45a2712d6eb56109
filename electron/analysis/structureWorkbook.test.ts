import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { analyzeStructure, type StructureCadre, type StructureVillage } from '../../shared/rules/structure.js';
import { summaryTable } from '../../shared/rules/structureSummary.js';
import { SUMMARY_SHEET, structureWorkbook } from './structureWorkbook.js';

const DALIANG = '440606005';
const RONGGUI = '440606006';
const villages: StructureVillage[] = [
  { id: 'v1', townCode: DALIANG },
  { id: 'v2', townCode: DALIANG },
  { id: 'v3', townCode: RONGGUI },
];
function cadre(sex: string, birth: string, villageId: string, villagePost: string, politicalStatus: string, level: string): StructureCadre {
  return { sex, birth, politicalStatus, fullTimeEducation: { level }, partTimeEducation: { level: '' }, villageId, villagePost, tags: [] };
}
const cadres = [
  cadre('男', '1970.05', 'v1', '党组织书记', '中共党员', '大专'), // 56
  cadre('女', '1990.06', 'v1', '村委会主任', '群众', '高中'), // 36
  cadre('男', '1980.07', 'v2', '书记、主任一肩挑', '中共党员', '大学'), // 45
  cadre('女', '1995.01', 'v2', '后备干部', '中共党员', '大学'), // reserve, not in the team
  cadre('男', '1966.12', 'v3', '党组织书记', '中共党员', '研究生'), // 59
];

function readBack(bytes: Buffer) {
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
  const ws = wb.Sheets[SUMMARY_SHEET];
  /** Rows of cells, by the label in column A. */
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
  const cell = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const rowOf = (label: string) => rows.findIndex((r) => r[0] === label);
  return { wb, ws, rows, cell, rowOf };
}

describe('结构分析 workbook', () => {
  const report = analyzeStructure(cadres, villages, '2026.06.01');
  const { fileName, bytes } = structureWorkbook(report, { demo: false });
  const { wb, rows, cell, rowOf } = readBack(bytes);

  it('has one sheet 汇总 with a title naming the date and the table’s headers', () => {
    expect(fileName).toBe('结构分析_2026.06.01.xlsx');
    expect(wb.SheetNames).toEqual(['汇总']);
    expect(rows[0][0]).toBe('顺德区村（社区）两委干部结构分析（截至 2026.06.01）');
    expect(String(rows[1][0])).toContain('年龄按 2026.06.01 计算');
    expect(rows[2]).toEqual([
      '镇街', '村（社区）数', '班子人数', '35岁及以下', '36–45岁', '46–55岁', '56岁及以上',
      '书记人数', '书记平均年龄', '女性', '女性占比', '大专及以上', '大专及以上占比',
      '党员', '党员占比', '一肩挑', '一肩挑占书记比例', '后备干部', '后备目标（1:2）', '后备与书记岗位比',
    ]);
  });

  it('writes counts and shares as numbers, shares with a percent format', () => {
    const r = rowOf('大良');
    expect(rows[r].slice(0, 9)).toEqual(['大良', 2, 3, 0, 2, 0, 1, 2, 50.5]);
    const women = cell(r, 10)!;
    expect(women.t).toBe('n');
    expect(women.v).toBeCloseTo(1 / 3, 10);
    expect(women.z).toBe('0.0%');
    expect(women.w).toBe('33.3%');
    expect(cell(r, 19)).toMatchObject({ t: 'n', v: 0.5, w: '1:0.50' });
    // 伦教 has no team: its shares are “—”, not 0%.
    const empty = rowOf('伦教');
    expect(rows[empty].slice(0, 11)).toEqual(['伦教', 0, 0, 0, 0, 0, 0, 0, '—', 0, '—']);
  });

  it('ends with a 合计 row that sums the ten 镇街', () => {
    const r = rowOf('全区合计');
    expect(r).toBe(3 + 10);
    expect(rows[r].slice(0, 10)).toEqual(['全区合计', 3, 4, 0, 2, 0, 2, 3, 53.3, 1]);
    expect(cell(r, 10)).toMatchObject({ t: 'n', v: 0.25, w: '25.0%' });
    expect(cell(r, 12)).toMatchObject({ t: 'n', v: 0.75, w: '75.0%' });
  });

  it('shows every cell as the page’s table does', () => {
    const { header, rows: shown } = summaryTable(report);
    shown.forEach((row, i) => {
      row.forEach((s, c) => expect(cell(3 + i, c)?.w ?? cell(3 + i, c)?.v, `${row[0]} · ${header[c]}`).toBe(s));
    });
  });

  it('freezes the header and 镇街 column, borders and bolds the table, and prints landscape on one page width', () => {
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const part = (path: string) => Buffer.from(XLSX.CFB.find(zip, path)!.content).toString('utf8');
    const sheet = part('/xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const xfs = [...part('/xl/styles.xml').split('<cellXfs')[1].matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const fonts = [...part('/xl/styles.xml').matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    const styleOf = (ref: string) => {
      const xf = xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1])];
      return { bold: fonts[Number(/fontId="(\d+)"/.exec(xf)![1])].includes('<b/>'), border: /borderId="1"/.test(xf) };
    };
    expect(styleOf('A1').bold).toBe(true); // title
    expect(styleOf('K3')).toEqual({ bold: true, border: true }); // header 女性占比
    expect(styleOf('K4')).toEqual({ bold: false, border: true }); // 大良
    expect(styleOf('K14')).toEqual({ bold: true, border: true }); // 全区合计
  });

  it('names the one 镇街 in title and file name, keeping 全区 as a comparison row, and marks demo data', () => {
    const town = structureWorkbook(analyzeStructure(cadres, villages, '2026.06.01', DALIANG), { demo: true });
    expect(town.fileName).toBe('示例_结构分析_大良_2026.06.01.xlsx');
    const back = readBack(town.bytes);
    expect(back.rows[0][0]).toBe('顺德区村（社区）两委干部结构分析（大良，截至 2026.06.01）');
    expect(back.rows[2][0]).toBe('示例数据 · 仅供演示，非真实人员信息');
    expect(back.rows.slice(4, 6).map((r) => r[0])).toEqual(['大良', '全区']);
    expect(back.rowOf('全区合计')).toBe(-1);
  });
});
