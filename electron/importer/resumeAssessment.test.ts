/**
 * A town's 花名册 with a 简历 column and a 年度考核结果 column, through preview and commit into
 * the vault, and back out through the roster export.
 */
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import { makeIdNumber } from '../demo/generate.js';
import { sheetFrom, workbookBytes } from '../../tests/fixtures/roster.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';
import { previewFile } from './preview.js';

const t = useTestApp('cadre-resume-');
const { call } = t;
const live = () => t.app.requireSession().doc.cadres.filter((c) => !c.deletedAt);
const byName = (name: string) => live().find((c) => c.name === name) as Cadre;

const ID = { chen: makeIdNumber(1972, 4, 3, true, 41), li: makeIdNumber(1980, 5, 12, false, 42), he: makeIdNumber(1985, 8, 5, true, 43) };

const CHEN_RESUME = [
  '1990.09--1994.07 华南师范大学政治系学习',
  '1994.07-2003.05　顺德区杏坛镇水藤村村委会干事',
  '2003.05— 杏坛镇水藤村党支部书记',
].join('\n');

function rosterBytes(rows: string[][]): Buffer {
  const ws = sheetFrom([
    ['杏坛镇村（社区）干部花名册'],
    ['姓名', '身份证号码', '所在村（社区）', '工作简历', '年度考核结果'],
    ...rows,
  ], ['A1:E1']);
  return workbookBytes({ 花名册: ws });
}

const preview = (bytes: Buffer) => call('import.preview', { fileName: '杏坛.xlsx', base64: bytes.toString('base64') });

describe('花名册 简历 and 年度考核结果 columns', () => {
  beforeAll(async () => {
    await call('village.create', { data: { name: '水藤村', townCode: '440606105' } });
  });

  it('maps the columns, warns on lines it cannot read naming row and column, and commits exact records', async () => {
    const p = await preview(rosterBytes([
      ['陈强', ID.chen, '水藤村', CHEN_RESUME, '2023年度称职；2024年度优秀；2025年度优秀'],
      ['李丽', ID.li, '水藤村', '2001.07--2010.03 杏坛镇水藤村会计\n曾在广州务工多年\n2010.03至今 水藤村妇联主席', '2024年优秀；2025年度良好'],
      ['何伟', ID.he, '水藤村', '2003.09--2007.07 华南农业大学学习；2007.07-- 水藤村委会委员', '2023 基本称职'],
    ]));
    expect(p.columns.map((c) => `${c.header}→${c.field}`)).toEqual([
      '姓名→name', '身份证号码→idNumber', '所在村（社区）→village', '工作简历→resume', '年度考核结果→assessmentText',
    ]);
    expect(p.refused).toEqual([]);
    expect(p.accepted.map((r) => r.row)).toEqual([3, 5]);
    expect(p.warned.map((r) => r.warnings)).toEqual([[
      { row: 4, column: '工作简历', message: '简历第 2 行“曾在广州务工多年”没有“1990.09--1994.07”形式的起止年月，已原样保留为一行，请核对' },
      { row: 4, column: '年度考核结果', message: '“2025年度良好”无法识别为“2024年度优秀”的形式（等次应为 优秀、称职、基本称职、不称职），未生成该项考核记录；原文已保留在“年度考核结果”中' },
    ]]);

    const r = await call('import.commit', {
      fileName: '杏坛.xlsx',
      create: [...p.accepted, ...p.warned].map((x) => ({ row: x.row, data: x.data })),
      update: [],
    });
    expect(r).toMatchObject({ created: 3, updated: 0 });

    const chen = byName('陈强');
    expect(chen.resume).toEqual([
      { from: '1990.09', to: '1994.07', text: '华南师范大学政治系学习' },
      { from: '1994.07', to: '2003.05', text: '顺德区杏坛镇水藤村村委会干事' },
      { from: '2003.05', to: '', text: '杏坛镇水藤村党支部书记' },
    ]);
    expect(chen.assessments).toEqual([{ year: 2023, grade: '称职' }, { year: 2024, grade: '优秀' }, { year: 2025, grade: '优秀' }]);
    expect(chen.assessmentText).toBe('2023年度称职；2024年度优秀；2025年度优秀');

    const li = byName('李丽');
    expect(li.resume).toEqual([
      { from: '2001.07', to: '2010.03', text: '杏坛镇水藤村会计' },
      { from: '', to: '', text: '曾在广州务工多年' },
      { from: '2010.03', to: '', text: '水藤村妇联主席' },
    ]);
    // Only the year written plainly becomes a record; the text stays whole for a person to read.
    expect(li.assessments).toEqual([{ year: 2024, grade: '优秀' }]);
    expect(li.assessmentText).toBe('2024年优秀；2025年度良好');

    const he = byName('何伟');
    expect(he.resume).toEqual([
      { from: '2003.09', to: '2007.07', text: '华南农业大学学习' },
      { from: '2007.07', to: '', text: '水藤村委会委员' },
    ]);
    expect(he.assessments).toEqual([{ year: 2023, grade: '基本称职' }]);
  });

  it('for a person on file, shows the 简历 and 考核 differences and keeps years the file does not name', async () => {
    const p = await preview(rosterBytes([
      ['陈强', ID.chen, '', `${CHEN_RESUME}\n2021.03-- 水藤村党委书记、村委会主任`, '2025年度称职；2026年度优秀'],
    ]));
    expect(p.existing).toHaveLength(1);
    const e = p.existing[0];
    expect(e.diffs).toEqual([
      {
        field: 'resume', label: '简历',
        before: '1990.09--1994.07  华南师范大学政治系学习\n1994.07--2003.05  顺德区杏坛镇水藤村村委会干事\n2003.05--         杏坛镇水藤村党支部书记',
        after: '1990.09--1994.07  华南师范大学政治系学习\n1994.07--2003.05  顺德区杏坛镇水藤村村委会干事\n2003.05--         杏坛镇水藤村党支部书记\n2021.03--         水藤村党委书记、村委会主任',
      },
      { field: 'assessmentText', label: '年度考核结果', before: '2023年度称职；2024年度优秀；2025年度优秀', after: '2025年度称职；2026年度优秀' },
      { field: 'assessments', label: '年度考核等次', before: '2023年度称职；2024年度优秀；2025年度优秀', after: '2023年度称职；2024年度优秀；2025年度称职；2026年度优秀' },
    ]);
    const chen = byName('陈强');
    await call('import.commit', { fileName: '杏坛.xlsx', create: [], update: [{ row: e.row, cadreId: e.cadreId, updatedAt: e.updatedAt, data: e.data }] });
    const after = byName('陈强');
    expect(after.assessments.map((a) => `${a.year}${a.grade}`)).toEqual(['2023称职', '2024优秀', '2025称职', '2026优秀']);
    expect(after.resume.at(-1)).toEqual({ from: '2021.03', to: '', text: '水藤村党委书记、村委会主任' });
    // The village the file left blank is not erased.
    expect(after.villageId).toBe(chen.villageId);
  });

  it('exports 简历 one period per line in the cell, and the export imports back to the same records', async () => {
    const ids = live().map((c) => c.id);
    const out = await call('export.cadres', { ids });
    const bytes = Buffer.from(out.base64, 'base64');
    const grid = XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'buffer' }).Sheets['花名册'], { header: 1, raw: true, defval: '' });
    const header = grid[2];
    const li = grid.find((r) => r.includes('李丽'))!;
    expect(li[header.indexOf('简历')]).toBe('2001.07--2010.03  杏坛镇水藤村会计\n曾在广州务工多年\n2010.03--         水藤村妇联主席');
    expect(li[header.indexOf('年度考核结果')]).toBe('2024年优秀；2025年度良好');

    const back = previewFile(bytes, 'export.xlsx', {}, { villages: t.app.requireSession().doc.villages, cadres: [] });
    expect(back.refused).toEqual([]);
    const rows = new Map([...back.accepted, ...back.warned].map((r) => [r.data.idNumber, r.data]));
    for (const c of live()) {
      expect(rows.get(c.idNumber)?.resume).toEqual(c.resume);
      expect(rows.get(c.idNumber)?.assessments).toEqual(c.assessments);
    }
    expect(grid.find((r) => r.includes('何伟'))![header.indexOf('年度考核结果')]).toBe('2023 基本称职');
    // 陈强's typed text names 2025–2026 only, but four years are on file: the cell lists the records.
    const chen = grid.find((r) => r.includes('陈强'))!;
    expect(chen[header.indexOf('年度考核结果')]).toBe('2023年度称职；2024年度优秀；2025年度称职；2026年度优秀');
    // Re-imported over the vault, only that text differs.
    const again = await preview(bytes);
    expect(again.existing.filter((e) => e.diffs.length).map((e) => [e.name, e.diffs.map((d) => d.field)])).toEqual([['陈强', ['assessmentText']]]);
  });

  it('refuses a row whose 简历 entry is longer than the form holds, naming the entry', () => {
    const long = '水藤村'.repeat(170);
    const p = previewFile(rosterBytes([['赵六', ID.he, '', `2003.09--2007.07 华南农业大学学习\n2007.07-- ${long}`, '']]), 'a.xlsx', {}, { villages: [], cadres: [] });
    expect(p.refused.flatMap((r) => r.issues)).toEqual([{ row: 3, column: '工作简历', message: '简历第 2 段不能超过 500 个字' }]);
  });

  it('puts both columns in the blank template, where the importer recognizes them', async () => {
    const tpl = await call('export.template', {});
    const wb = XLSX.read(Buffer.from(tpl.base64, 'base64'), { type: 'buffer' });
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['花名册'], { header: 1, raw: true, defval: '' })[2];
    expect(header.slice(-2)).toEqual(['简历', '年度考核结果']);
    const filled = sheetFrom([header, header.map((h) => ({ 姓名: '陈强', 身份证号码: ID.chen, 简历: '2003.05-- 水藤村书记', 年度考核结果: '2025年度优秀' })[h] ?? '')]);
    const p = previewFile(workbookBytes({ 花名册: filled }), 'tpl.xlsx', {}, { villages: [], cadres: [] });
    expect(p.accepted[0].data).toMatchObject({ resume: [{ from: '2003.05', to: '', text: '水藤村书记' }], assessments: [{ year: 2025, grade: '优秀' }] });
  });
});
