import { describe, expect, it } from 'vitest';
import { cadreInputSchema } from '../../shared/domain/cadre.js';
import { BILLION_LAUGHS, MALFORMED, XXE, fullCadre } from '../../tests/fixtures/lrmx.js';
import { formatResume, parseResumeText } from '../../shared/rules/resume.js';
import { parseLrmx, serializeLrmx } from './lrmx.js';
import { importLrmxFiles } from './importFiles.js';

const roundTrip = (bytes: Buffer) => cadreInputSchema.parse(parseLrmx(bytes, 'a.lrmx').data);

describe('LRMX', () => {
  it('gives back the same record on every field, photo and 4.0 additions included', () => {
    const c = fullCadre();
    const bytes = serializeLrmx(c);
    const xml = bytes.toString('utf8');
    expect(xml).toContain('<ChuShengNianYue>197503</ChuShengNianYue>');
    expect(xml).toContain('<DaoLingNianYue>203503</DaoLingNianYue>');
    expect(xml).toContain('1993.09--1996.07  广东农工商职业技术学院农业经济管理专业学习\r\n1996.09--2011.03  ');
    expect(xml).toContain('农村集体经济 &amp; 土地管理 &lt;规划&gt;');
    const back = roundTrip(bytes);
    // The form has 考核 only as text; reading it back also gives the records the 跨村任职 rules use.
    expect(back).toEqual({ ...c, assessments: [2022, 2023, 2024].map((year) => ({ year, grade: '称职' })) });
    expect(back.photo).toBe(c.photo);
  });

  it('reads a file with a BOM and LF line ends, and keeps unknown simple fields', () => {
    const xml = serializeLrmx(fullCadre()).toString('utf8').replace(/\r\n/g, '\n').replace('</Person>', '<ZiDingYi>本地扩展</ZiDingYi>\n</Person>');
    const r = parseLrmx(Buffer.from('\uFEFF' + xml, 'utf8'), 'a.lrmx');
    expect(r.data.lrmxExtra).toMatchObject({ ZiDingYi: '本地扩展', DaoLingNianYue: '203503' });
    expect(serializeLrmx(cadreInputSchema.parse(r.data)).toString('utf8')).toContain('<ZiDingYi>本地扩展</ZiDingYi>');
  });

  it('reads an older file declared as GB2312', () => {
    const id = fullCadre().idNumber;
    const head = Buffer.from(`<?xml version="1.0" encoding="GB2312"?><Person><XingMing>`);
    // Only ASCII around the name, so the name (王五 in GBK) is the one non-ASCII part.
    const tail = Buffer.from(`</XingMing><ChuShengNianYue>197503</ChuShengNianYue><ShenFenZheng>${id}</ShenFenZheng></Person>`);
    const r = parseLrmx(Buffer.concat([head, Buffer.from('CDF5CEE5', 'hex'), tail]), 'gb.lrmx');
    expect(r.data).toMatchObject({ name: '王五', birth: '1975.03', idNumber: id });
  });

  it('parses 简历 lines written by the editor, including 至今 and wrapped lines', () => {
    const { lines, issues } = parseResumeText('1998.09--2002.07  华南农业大学学习\r\n2002.07--2010.01  水藤村委会干部，\r\n        负责集体经济\r\n2010.01--         水藤村党委书记');
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      { from: '1998.09', to: '2002.07', text: '华南农业大学学习' },
      { from: '2002.07', to: '2010.01', text: '水藤村委会干部，负责集体经济' },
      { from: '2010.01', to: '', text: '水藤村党委书记' },
    ]);
    expect(parseResumeText(formatResume(lines)).lines).toEqual(lines);
  });

  it('refuses an XXE attempt, a billion-laughs file and malformed XML with clear messages', () => {
    expect(() => parseLrmx(Buffer.from(XXE), 'xxe.lrmx')).toThrow('含有 DTD 或实体声明');
    expect(() => parseLrmx(Buffer.from(BILLION_LAUGHS), 'lol.lrmx')).toThrow('含有 DTD 或实体声明');
    expect(() => parseLrmx(Buffer.from(MALFORMED), 'bad.lrmx')).toThrow(/“bad.lrmx”不是完整的 XML 文件（第 \d+ 行/);
    expect(() => parseLrmx(Buffer.from('<?xml version="1.0"?><Root/>'), 'r.lrmx')).toThrow('根元素应为 <Person>');
  });

  it('refuses a file without 身份证号码, because the ID is how we know each cadre', () => {
    const xml = serializeLrmx(fullCadre()).toString('utf8').replace(/<ShenFenZheng>\d+<\/ShenFenZheng>/, '<ShenFenZheng />');
    expect(() => parseLrmx(Buffer.from(xml), '无证.lrmx')).toThrow('缺少身份证号码（ShenFenZheng）');
  });

  it('imports many files with a per-file report; a broken one does not stop the others', () => {
    const a = fullCadre(1);
    const b = fullCadre(2);
    const plan = importLrmxFiles(
      [
        { fileName: 'a.lrmx', bytes: serializeLrmx(a) },
        { fileName: 'bad.lrmx', bytes: Buffer.from(MALFORMED) },
        { fileName: 'b.lrmx', bytes: serializeLrmx(b) },
        { fileName: 'a-copy.lrmx', bytes: serializeLrmx(a) },
      ],
      [],
      'skip',
    );
    expect(plan.reports.map((r) => [r.file, r.status])).toEqual([
      ['a.lrmx', 'created'], ['bad.lrmx', 'refused'], ['b.lrmx', 'created'], ['a-copy.lrmx', 'refused'],
    ]);
    expect(plan.reports[3].message).toContain('与“a.lrmx”是同一人');
    expect(plan.create).toHaveLength(2);
  });
});

describe('LRMX 年度考核结果', () => {
  it('adds the years the form names to the records on file, keeps earlier years, and warns on text it cannot read', () => {
    const c = fullCadre(5);
    const current = { ...c, assessmentText: '', assessments: [{ year: 2020, grade: '优秀' as const }, { year: 2022, grade: '基本称职' as const }], id: 'c1', createdAt: '', updatedAt: 'u1' };
    const plan = importLrmxFiles([{ fileName: 'a.lrmx', bytes: serializeLrmx(c) }], [current], 'update');
    expect((plan.update[0].data as { assessments: unknown }).assessments).toEqual([
      { year: 2020, grade: '优秀' }, { year: 2022, grade: '称职' }, { year: 2023, grade: '称职' }, { year: 2024, grade: '称职' },
    ]);
    const odd = serializeLrmx({ ...c, assessmentText: '2023年度称职；2024年度良好' });
    expect(parseLrmx(odd, 'b.lrmx')).toMatchObject({
      data: { assessmentText: '2023年度称职；2024年度良好', assessments: [{ year: 2023, grade: '称职' }] },
      warnings: ['年度考核结果（NianDuKaoHeJieGuo）：“2024年度良好”无法识别为“2024年度优秀”的形式（等次应为 优秀、称职、基本称职、不称职），未生成该项考核记录'],
    });
  });

  it('writes the records as the form text when the file has no text of its own', () => {
    const c = { ...fullCadre(6), assessmentText: '', assessments: [{ year: 2024, grade: '优秀' as const }, { year: 2025, grade: '称职' as const }] };
    expect(serializeLrmx(c).toString('utf8')).toContain('<NianDuKaoHeJieGuo>2024年度优秀；2025年度称职</NianDuKaoHeJieGuo>');
  });
});

describe('LRMX refusals name the field in Chinese', () => {
  it('says which field is wrong when a value breaks the rules', () => {
    const xml = serializeLrmx(fullCadre()).toString('utf8').replace('<XingBie>男</XingBie>', '<XingBie>未知</XingBie>');
    const plan = importLrmxFiles([{ fileName: 'x.lrmx', bytes: Buffer.from(xml) }], [], 'skip');
    expect(plan.reports[0]).toMatchObject({ status: 'refused', message: '性别（XingBie）：性别应为 男 或 女' });
  });
  it('asks for a smaller photo instead of quoting a size limit', () => {
    const big = 'A'.repeat(2_000_004);
    const xml = serializeLrmx(fullCadre()).toString('utf8').replace(/<ZhaoPian>[^<]*<\/ZhaoPian>/, `<ZhaoPian>${big}</ZhaoPian>`);
    const plan = importLrmxFiles([{ fileName: 'x.lrmx', bytes: Buffer.from(xml) }], [], 'skip');
    expect(plan.reports[0].message).toBe('照片（ZhaoPian）：照片太大（超过约 1.5 MB），请在任免审批表编辑器中压缩照片后重新导出');
  });
});

describe('姓名 in a 任免审批表', () => {
  it('refuses a file whose 姓名 or a family member’s 姓名 is not a name, saying which and why', () => {
    const c = fullCadre();
    const files = [
      { fileName: '公式.lrmx', bytes: serializeLrmx({ ...c, name: '=cmd|"/c calc"!A1' }) },
      { fileName: '家属.lrmx', bytes: serializeLrmx({ ...fullCadre(1), family: [{ ...c.family[0], name: '<img src=x onerror=alert(1)>' }] }) },
      { fileName: '间隔号.lrmx', bytes: serializeLrmx({ ...fullCadre(2), name: '阿卜杜拉‧艾尼' }) },
    ];
    const r = importLrmxFiles(files, [], 'skip');
    expect(r.reports.map((x) => [x.file, x.status, x.message])).toEqual([
      ['公式.lrmx', 'refused', '姓名（XingMing）：姓名不能以“=”开头（像是 Excel 公式），请只填写姓名'],
      ['家属.lrmx', 'refused', '家庭成员（JiaTingChengYuan）：姓名不能含有尖括号“<”“>”，请只填写姓名'],
      ['间隔号.lrmx', 'created', '新建档案'],
    ]);
    expect(r.create.map((x) => (x.data as { name: string }).name)).toEqual(['阿卜杜拉·艾尼']);
  });
});
