import { describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { makeIdNumber } from '../demo/generate.js';
import { IDS, badChecksum, messyRosterBytes, serial, sheetFrom, workbookBytes } from '../../tests/fixtures/roster.js';
import { previewFile } from './preview.js';

const village = (id: string, name: string, townCode: string): Village => ({
  id, name, townCode: townCode as Village['townCode'], kind: '村', strength: '一般', weakLax: null, demonstration: null,
  redVillage: false, crossPilot: false, vitality: [], note: '', createdAt: '', updatedAt: '',
});
const VILLAGES = [village('v-st', '水藤村', '440606005'), village('v-st2', '水藤村', '440606105'), village('v-fj', '逢简村', '440606105')];
const ctx = { villages: VILLAGES, cadres: [] as Cadre[] };

function idEndingInX(): string {
  for (let s = 0; s < 500; s++) {
    const id = makeIdNumber(1980, 5, 12, false, s);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X id');
}

describe('messy 花名册', () => {
  const p = previewFile(messyRosterBytes(), '大良花名册.xlsx', {}, ctx);

  it('finds the table under the title, 填报单位 line and two-row header', () => {
    expect(p.sheet).toBe('花名册');
    expect(p.chooseSheet).toBe(false);
    expect(p.sheets).toEqual([{ name: '花名册', rows: 10, hasTable: true }, { name: '说明', rows: 0, hasTable: false }]);
    expect(p.headerRow).toBe(5);
    expect(p.columns.map((c) => `${c.letter}:${c.header}→${c.field}`)).toEqual([
      'A:序号→seq', 'B:姓名→name', 'C:性别→sex', 'D:民族→ethnicity', 'E:出生年月→birth', 'F:公民身份号码→idNumber',
      'G:政治面貌→politicalStatus', 'H:入党时间→partyJoinDate', 'I:全日制教育学历→fullTimeEducation.level',
      'J:全日制教育学位→fullTimeEducation.degree', 'K:镇街→town', 'L:所在村（社区）→village', 'M:职务→villagePost', 'N:联系电话→phone',
    ]);
  });

  it('accepts the good rows with normalized values, skipping blank, 合计 and 填表说明 rows', () => {
    expect(p.accepted.map((r) => r.row)).toEqual([6, 16]);
    const chen = p.accepted[0].data;
    expect([chen.name, chen.birth, chen.ethnicity, chen.politicalStatus, chen.partyJoinDate, chen.villageId, chen.villagePost]).toEqual([
      '陈强', '1975.03', '汉族', '中共党员', '1998.07', 'v-st', '党组织书记',
    ]);
    expect(chen.fullTimeEducation).toMatchObject({ level: '大专', degree: '无' });
    const wu = p.accepted[1].data;
    // The name cell is a formula: its cached value is read, never evaluated.
    expect([wu.name, wu.birth, wu.politicalStatus, wu.fullTimeEducation.level, wu.villagePost]).toEqual(['吴敏', '1990.07', '共青团员', '大学', '后备干部']);
  });

  it('imports a row whose 村 is unknown with a warning naming row and column', () => {
    expect(p.warned.map((r) => r.row)).toEqual([7]);
    const li = p.warned[0];
    expect(li.data.birth).toBe('1980.05'); // Excel date serial
    expect(li.data.villageId).toBeUndefined();
    expect(li.warnings).toEqual([{ row: 7, column: '所在村（社区）', message: '在大良村居信息中找不到“不存在村”，已导入但未关联村（社区）；请先在村居信息中添加' }]);
  });

  it('refuses each bad row with the Excel row, the column header and a Chinese reason', () => {
    expect(p.refused.map((r) => r.issues).flat()).toEqual([
      { row: 9, column: '公民身份号码', message: '身份证号码被 Excel 存成了数字（显示为 4.40606E+17），末几位已丢失；请把该列设为“文本”格式，重新录入号码后再导入' },
      { row: 10, column: '姓名', message: '姓名不能为空' },
      { row: 11, column: '出生年月', message: '“1978.13”不是有效年月：月份 13 不存在（应为 1–12）' },
      { row: 12, column: '出生年月', message: '出生年月 1979.05 与身份证号码中的 1979.06 不一致' },
      { row: 13, column: '公民身份号码', message: `身份证号码校验位错误（末位应为 ${IDS.zhou[17]}），请核对是否抄错` },
      { row: 14, column: '公民身份号码', message: '身份证号码与第 15 行重复，同一人只能有一行，请核对后删除多余的行' },
      { row: 15, column: '公民身份号码', message: '身份证号码与第 14 行重复，同一人只能有一行，请核对后删除多余的行' },
    ]);
  });
});

describe('cells people type', () => {
  const xId = idEndingInX();
  const forms: [unknown, string][] = [
    ['1975.03', '1975.03'], ['1975.3', '1975.03'], ['1975年3月', '1975.03'], ['1975-03', '1975.03'], ['197503', '1975.03'],
    [{ t: 'n', v: serial(1975, 3, 12), w: '1975/3/12' }, '1975.03'], ['1975.03.12', '1975.03'],
  ];
  it.each(forms)('入党时间 %j → %s', (cell, expected) => {
    const id = makeIdNumber(1950, 1, 1, true, 1);
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号', '入党时间'], ['张三', id, cell as string]]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.refused).toEqual([]);
    expect(p.accepted[0].data.partyJoinDate).toBe(expected);
    // 出生年月 and 性别 come from the ID when the sheet has no such columns.
    expect([p.accepted[0].data.birth, p.accepted[0].data.sex]).toEqual(['1950.01', '男']);
  });

  it('reads a header right under a title merged across the sheet (no 填报单位 line between)', () => {
    const id = makeIdNumber(1960, 2, 3, true, 41);
    const bytes = workbookBytes({ S: sheetFrom([['勒流街道村干部花名册'], ['姓名', '身份证号码', '联系电话'], ['李四', id, '13800138000']], ['A1:C1']) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([['姓名', 'name'], ['身份证号码', 'idNumber'], ['联系电话', 'phone']]);
    expect(p.accepted.map((r) => [r.row, r.data.name, r.data.phone])).toEqual([[3, '李四', '13800138000']]);
  });

  it('recognizes headers with notes in brackets and line breaks', () => {
    const id = makeIdNumber(1950, 1, 1, true, 40);
    const bytes = workbookBytes({ S: sheetFrom([['姓名（必填）', '身份证号码\n(18位)', '任现职时间\n（年.月）'], ['张三', id, '2021.01']]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'postSince']);
    expect(p.accepted[0].data.postSince).toBe('2021.01');
  });

  it('skips a header repeated for printing and a 小计 row between town blocks', () => {
    const id1 = makeIdNumber(1950, 1, 1, true, 41);
    const id2 = makeIdNumber(1950, 1, 1, true, 42);
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码'], ['甲', id1], ['小计', '1 人'], ['姓名', '身份证号码'], ['乙', id2]]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.accepted.map((r) => [r.row, r.data.name])).toEqual([[2, '甲'], [5, '乙']]);
    expect(p.refused).toEqual([]);
  });

  it('takes an ID typed with lowercase x, and a name padded with a full-width space', () => {
    const bytes = workbookBytes({ S: sheetFrom([['名字', '身份证号码'], ['李\u3000丽', xId.toLowerCase()]]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.accepted[0].data).toMatchObject({ name: '李丽', idNumber: xId });
  });

  it('keeps two phone numbers, and leaves out (with a warning) a phone cell that is not a number', () => {
    const id1 = makeIdNumber(1960, 1, 1, true, 30);
    const id2 = makeIdNumber(1960, 1, 1, true, 31);
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '联系电话'], ['甲', id1, '13800138000/0757-22223333'], ['乙', id2, '见备注']]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.accepted[0].data.phone).toBe('13800138000 0757-22223333');
    expect(p.warned[0].data.phone).toBe('');
    expect(p.warned[0].warnings[0]).toEqual({ row: 3, column: '联系电话', message: '联系电话“见备注”含有数字以外的内容，未导入该项，请导入后在档案中补填' });
  });

  it('warns when 1975.10 was typed into a number cell and shows as 1975.1', () => {
    const id = makeIdNumber(1975, 1, 1, true, 2);
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '出生年月'], ['王五', id, { t: 'n', v: 1975.1, w: '1975.1' }]]) });
    const p = previewFile(bytes, 'a.xlsx', {}, ctx);
    expect(p.warned[0].warnings[0].message).toContain('如果是 10 月');
    expect(p.warned[0].data.birth).toBe('1975.01');
  });

  it('reads a CSV (UTF-8 with BOM), keeping long IDs as text', () => {
    const id = makeIdNumber(1966, 6, 6, false, 3);
    const csv = `姓名,性别,身份证号码,所在村(社区),镇街\r\n梁女士,女,${id},逢简,杏坛\r\n`;
    const p1 = previewFile(Buffer.from('\uFEFF' + csv, 'utf8'), 'a.csv', {}, ctx);
    expect(p1.accepted[0].data).toMatchObject({ idNumber: id, villageId: 'v-fj' });
  });

  it('reads a CSV that Excel on Chinese Windows saved as GBK', () => {
    const id = makeIdNumber(1966, 6, 6, true, 8);
    // "姓名,身份证号码\r\n王五,<id>\r\n" in GBK.
    const bytes = Buffer.concat([Buffer.from('D0D5C3FB2CC9EDB7DDD6A4BAC5C2EB0D0ACDF5CEE52C', 'hex'), Buffer.from(`${id}\r\n`)]);
    const p = previewFile(bytes, '花名册.csv', {}, ctx);
    expect(p.accepted[0].data).toMatchObject({ name: '王五', idNumber: id });
  });

  it('reads the old .xls format too', () => {
    const id = makeIdNumber(1966, 6, 6, true, 9);
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '出生年月'], ['赵六', id, '1966.6']]) }, 'biff8');
    const p = previewFile(bytes, '花名册.xls', {}, ctx);
    expect(p.accepted[0].data).toMatchObject({ name: '赵六', idNumber: id, birth: '1966.06' });
  });

  it('matches 村 by name within the 镇街 and warns when the name is ambiguous without one', () => {
    const id1 = makeIdNumber(1970, 1, 1, true, 4);
    const id2 = makeIdNumber(1970, 1, 1, true, 5);
    const withTown = previewFile(workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '镇街', '村居'], ['甲', id1, '杏坛镇', '水藤']]) }), 'a.xlsx', {}, ctx);
    expect(withTown.accepted[0].data.villageId).toBe('v-st2');
    const noTown = previewFile(workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '村居'], ['乙', id2, '水藤村']]) }), 'a.xlsx', {}, ctx);
    expect(noTown.warned[0].warnings[0].message).toBe('“水藤村”对应多个村（社区）（大良水藤村、杏坛水藤村），请增加“镇街”列后再导入，或导入后手工关联');
  });
});

describe('sheets, mapping and people already on file', () => {
  const idA = makeIdNumber(1971, 2, 3, true, 6);
  const idB = makeIdNumber(1972, 2, 3, false, 7);
  const book = () =>
    workbookBytes({
      大良: sheetFrom([['姓名', '身份证号码', '手机'], ['甲', idA, '13900000000']]),
      容桂: sheetFrom([['姓名', '身份证号码', '工作单位'], ['乙', idB, '容桂街道']]),
    });

  it('asks which sheet when several hold data, then reads the chosen one', () => {
    const p = previewFile(book(), 'a.xlsx', {}, ctx);
    expect(p.chooseSheet).toBe(true);
    expect(p.accepted).toEqual([]);
    const q = previewFile(book(), 'a.xlsx', { sheet: '容桂' }, ctx);
    expect(q.accepted.map((r) => r.data.name)).toEqual(['乙']);
  });

  it('lets the user map an unknown column and ignore a known one', () => {
    const q = previewFile(book(), 'a.xlsx', { sheet: '容桂', mapping: { 工作单位: 'currentPosition' } }, ctx);
    expect(q.columns.find((c) => c.header === '工作单位')?.field).toBe('currentPosition');
    expect(q.accepted[0].data.currentPosition).toBe('容桂街道');
    const r = previewFile(book(), 'a.xlsx', { sheet: '大良', mapping: { 手机: '' } }, ctx);
    expect(r.accepted[0].data.phone).toBe('');
  });

  it('shows field-by-field differences for an ID already on file, and blank cells change nothing', () => {
    const existing = {
      id: 'c1', createdAt: '', updatedAt: 'u1', name: '甲', sex: '男', birth: '1971.02', idNumber: idA, phone: '13800000000',
      ethnicity: '汉族', politicalStatus: '群众', nativePlace: '广东顺德', villageId: 'v-st',
    } as unknown as Cadre;
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码', '手机', '籍贯', '政治面貌'], ['甲', idA, '13900000000', null, '党员']]) });
    const p = previewFile(bytes, 'a.xlsx', {}, { villages: VILLAGES, cadres: [existing] });
    expect(p.accepted).toEqual([]);
    expect(p.existing).toHaveLength(1);
    expect(p.existing[0].diffs).toEqual([
      { field: 'phone', label: '联系电话', before: '13800000000', after: '13900000000' },
      { field: 'politicalStatus', label: '政治面貌', before: '群众', after: '中共党员' },
    ]);
    expect(p.existing[0].data).toMatchObject({ nativePlace: '广东顺德', villageId: 'v-st', phone: '13900000000' });
  });

  it('warns when the same ID is in the 回收站', () => {
    const trashed = { id: 'c9', createdAt: '', updatedAt: '', deletedAt: '2026-01-01', name: '甲', sex: '男', birth: '1971.02', idNumber: idA } as unknown as Cadre;
    const bytes = workbookBytes({ S: sheetFrom([['姓名', '身份证号码'], ['甲', idA]]) });
    const p = previewFile(bytes, 'a.xlsx', {}, { villages: VILLAGES, cadres: [trashed] });
    expect(p.existing).toEqual([]);
    expect(p.warned[0].warnings).toEqual([{ row: 2, column: '身份证号码', message: '回收站中有 甲 的档案（同一身份证号码）；导入将新建一份，如需沿用原档案请先从回收站恢复' }]);
  });

  it('says plainly when a file is not a spreadsheet', () => {
    expect(() => previewFile(Buffer.from('not a zip'), 'x.xlsx', {}, ctx)).toThrow('不是有效的 Excel 文件');
  });

  it('finds no table in a sheet without 姓名/身份证号码 headers', () => {
    const p = previewFile(workbookBytes({ S: sheetFrom([['说明'], ['无数据']]) }), 'a.xlsx', {}, ctx);
    expect(p.sheet).toBe('');
    expect(p.accepted).toEqual([]);
  });

  it('refuses a bad checksum even with a lowercase x', () => {
    const bad = badChecksum(idEndingInX()).toLowerCase();
    const p = previewFile(workbookBytes({ S: sheetFrom([['姓名', '身份证号码'], ['丙', bad]]) }), 'a.xlsx', {}, ctx);
    expect(p.refused[0].issues[0].message).toMatch(/^身份证号码校验位错误/);
  });
});

describe('a 花名册 with a header row and no data rows', () => {
  it('says the sheet has no data rows (not that the header is missing), naming the header row', () => {
    const title = sheetFrom([['大良街道村干部花名册'], [], ['序号', '姓名', '性别', '身份证号码'], [null, null, null, null], ['合计']]);
    const bytes = workbookBytes({ 花名册: title, 说明: sheetFrom([['填表说明：每人一行']]) });
    expect(() => previewFile(bytes, '空表.xlsx', {}, ctx)).toThrow('“空表.xlsx”的工作表“花名册”只有表头（第 3 行），下面没有数据行；请在表头下方逐行填写后再导入');
    expect(() => previewFile(bytes, '空表.xlsx', { sheet: '花名册' }, ctx)).toThrow('工作表“花名册”只有表头（第 3 行），下面没有数据行');
  });

  it('still reads the sheet that has data when another one is only a header', () => {
    const bytes = workbookBytes({
      空白模板: sheetFrom([['姓名', '身份证号码']]),
      花名册: sheetFrom([['姓名', '身份证号码'], ['陈强', IDS.chen]]),
    });
    const p = previewFile(bytes, '两表.xlsx', {}, ctx);
    expect([p.sheet, p.accepted.map((r) => r.data.name)]).toEqual(['花名册', ['陈强']]);
  });

  it('keeps saying a file without any header has none', () => {
    const p = previewFile(workbookBytes({ 表: sheetFrom([['甲', '乙'], ['1', '2']]) }), '无表头.xlsx', {}, ctx);
    expect([p.sheet, p.columns]).toEqual(['', []]);
  });
});

describe('姓名 in a 花名册', () => {
  const rows = [
    ['姓名', '性别', '身份证号码'],
    ['=HYPERLINK("http://evil.example","点我")', '男', IDS.chen],
    ['<img src=x onerror=alert(1)>', '女', IDS.li],
    ['@SUM(1+1)', '男', IDS.he],
    ['陈强2', '男', IDS.liang],
    ['阿卜杜拉•艾尼', '男', IDS.lin],
    ['王\u3000伟', '女', IDS.wu],
    ["'=不是公式", '男', IDS.zhou],
  ];
  const p = previewFile(workbookBytes({ 花名册: sheetFrom(rows) }), '姓名.xlsx', {}, ctx);

  it('refuses formulas, markup and digits with the row, the column 姓名 and a Chinese reason', () => {
    expect(p.refused.map((r) => r.issues).flat()).toEqual([
      { row: 2, column: '姓名', message: '姓名不能以“=”开头（像是 Excel 公式），请只填写姓名' },
      { row: 3, column: '姓名', message: '姓名不能含有尖括号“<”“>”，请只填写姓名' },
      { row: 4, column: '姓名', message: '姓名不能以“@”开头（像是 Excel 公式），请只填写姓名' },
      { row: 5, column: '姓名', message: '姓名不能含有数字，请只填写姓名' },
      // The export's escaping apostrophe comes off, and what is left is still a formula.
      { row: 8, column: '姓名', message: '姓名不能以“=”开头（像是 Excel 公式），请只填写姓名' },
    ]);
  });

  it('stores a minority name with the 间隔号 · and a padded name without its padding', () => {
    expect([...p.accepted, ...p.warned].map((r) => r.data.name)).toEqual(['阿卜杜拉·艾尼', '王伟']);
  });
});

describe('a person on file whose stored record breaks today’s 姓名 rule', () => {
  it('refuses the row naming the stored part to correct, instead of a raw path', () => {
    const onFile: Cadre = {
      id: 'c-old', createdAt: '', updatedAt: 'u', name: '陈强', sex: '男', birth: '1975.03', idNumber: IDS.chen, ethnicity: '汉族',
      nativePlace: '', birthPlace: '', politicalStatus: '群众', partyJoinDate: '', workStartDate: '', health: '健康', techTitle: '', expertise: '',
      fullTimeEducation: { level: '', degree: '', levelSchool: '', degreeSchool: '' }, partTimeEducation: { level: '', degree: '', levelSchool: '', degreeSchool: '' },
      currentPosition: '', proposedPosition: '', proposedRemoval: '', resume: [], rewards: '', assessmentText: '', assessments: [], appointmentReason: '',
      family: [{ relation: '妻子', name: '=1+1', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }], photo: '', reportingUnit: '', filledBy: '',
      phone: '', postSince: '', villageWorkSince: '', tags: [], negativeFlags: [], relations: [], lrmxExtra: {},
    };
    const bytes = workbookBytes({ 花名册: sheetFrom([['姓名', '身份证号码', '联系电话'], ['陈强', IDS.chen, '13800138000']]) });
    const p = previewFile(bytes, '更新.xlsx', {}, { villages: [], cadres: [onFile] });
    expect(p.refused.flatMap((r) => r.issues)).toEqual([
      { row: 2, column: '家庭成员（档案中）', message: '与已有档案合并后：姓名不能以“=”开头（像是 Excel 公式），请只填写姓名' },
    ]);
  });
});
