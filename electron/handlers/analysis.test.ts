import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildDemoDocument } from '../demo/generate.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-analysis-', () => buildDemoDocument({ cadres: 300, seed: 7 }));

describe('analysis.exportXlsx through the router', () => {
  it('returns the workbook of the page’s figures, marked as demo data', async () => {
    const report = await t.call('analysis.structure', { refDate: '2026.11.25' });
    const r = await t.call('analysis.exportXlsx', { refDate: '2026.11.25' });
    expect(r.fileName).toBe('示例_结构分析_2026.11.25.xlsx');
    const wb = XLSX.read(Buffer.from(r.base64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1, raw: true });
    expect(rows[2][0]).toBe('示例数据 · 仅供演示，非真实人员信息');
    const total = rows.find((row) => row[0] === '全区合计')!;
    expect(total.slice(1, 3)).toEqual([report.district.villages, report.district.members]);
  });

  it('names a wrong date or 镇街 as the page would', async () => {
    expect((await t.fail('analysis.exportXlsx', { refDate: '2026-11-25' })).message).toBe('参考日期应写成 2026.06.01 的形式');
    expect((await t.fail('analysis.exportXlsx', { townCode: '440606999' })).message).toBe('请选择镇街');
  });
});
