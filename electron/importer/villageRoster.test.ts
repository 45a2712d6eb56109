import { describe, expect, it } from 'vitest';
import type { VillageImportPreview } from '../../shared/contract/import.js';
import { emptyDocument } from '../../shared/domain/document.js';
import type { Village } from '../../shared/domain/village.js';
import { sheetFrom, workbookBytes } from '../../tests/fixtures/roster.js';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';
import { VILLAGE_FIELD_BY_KEY, readVillageCell } from './villageFields.js';
import { previewVillages } from './villageRoster.js';

const village = (id: string, name: string, townCode: string, extra: Partial<Village> = {}): Village => ({
  id, name, townCode: townCode as Village['townCode'], kind: '村', strength: '一般', weakLax: null, demonstration: null,
  redVillage: false, crossPilot: false, vitality: [], note: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});

/**
 * A 村居 roster as a 镇 sends it: title merged across, a 填报单位 line, headers in local
 * spellings (one with a line break), 镇街 merged down a block, a blank row, every kind of
 * mistake, a 合计 row and a 填表说明 footer with a stray row under it.
 */
function messyVillageRows() {
  const rows = [
    ['顺德区村（社区）基本情况表'],
    ['填报单位：杏坛镇组织办（盖章）'],
    [],
    ['序号', '镇（街道）', '村（社区）名称', '类型', '战斗力/强弱', '软弱涣散\n年份', '示范村（区级/市级）', '是否红色村', '试点', '备注', '村级集体收入'],
    [1, '杏坛', '逢 简 村', '村', '强', null, '市级', '是', '√', null, 1200],
    [2, null, '马齐村', null, '较弱', 2023, '否', null, null, '整顿重点村', 300],
    [3, null, '光华社区', null, '一般', '2021年（已整顿）', null, '否', '×', null, null],
    [],
    [4, null, '右滩村', '村', '很强', null, null, null, null, null, null],
    [5, '大良', '金榜社区', '社区', '一般', '是', null, null, null, null, null],
    [6, '佛山', '某村', '村', null, null, null, null, null, null, null],
    [7, '容桂', null, '村', '强', null, null, null, null, null, null],
    [8, '容桂', '细滘村', '村', '强', null, '是', null, null, null, null],
    [9, '乐从', '水藤村', '村', '强', null, null, '也许', null, null, null],
    [10, '勒流', '众涌村', '村', '强', null, null, null, null, null, null],
    [11, '勒流', '众涌村', '村', '弱', null, null, null, null, null, null],
    [12, '北滘', '桃村', '村', '强', 1999, null, null, null, null, null],
    ['合计', null, '12 个', null, null, null, null, null, null, null, null],
    ['填表说明：战斗力填 强、一般、弱'],
    [13, '大良', '不该读到的村', '村', '强', null, null, null, null, null, null],
  ];
  return workbookBytes({ 村居: sheetFrom(rows, ['A1:K1', 'B5:B9']) });
}

/** Excel rows → refusal messages, for exact comparison. */
const refusals = (p: VillageImportPreview) => p.refused.flatMap((r) => r.issues.map((i) => `${i.row} [${i.column}] ${i.message}`));

describe('previewVillages', () => {
  const existing = [village('v-fj', '逢简村', '440606105', { note: '原备注' })];

  it('finds the table under the title, reads every form people type, and refuses bad rows with row, column and reason', () => {
    const p = previewVillages(messyVillageRows(), '杏坛村居.xlsx', {}, existing);
    expect(p.sheet).toBe('村居');
    expect(p.headerRow).toBe(4);
    expect(p.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '序号', 'seq'], ['B', '镇（街道）', 'town'], ['C', '村（社区）名称', 'name'], ['D', '类型', 'kind'],
      ['E', '战斗力/强弱', 'strength'], ['F', '软弱涣散年份', 'weakLaxYear'], ['G', '示范村（区级/市级）', 'demonstration'],
      ['H', '是否红色村', 'redVillage'], ['I', '试点', 'crossPilot'], ['J', '备注', 'note'], ['K', '村级集体收入', ''],
    ]);

    expect(p.accepted.map((r) => [r.row, r.data.townCode, r.data.name, r.data.kind, r.data.strength, r.data.weakLax, r.data.demonstration, r.data.redVillage, r.data.crossPilot, r.data.note])).toEqual([
      [6, '440606105', '马齐村', '村', '弱', { year: 2023, status: '整顿中' }, null, false, false, '整顿重点村'],
      [7, '440606105', '光华社区', '社区', '一般', { year: 2021, status: '已整顿' }, null, false, false, ''],
    ]);

    expect(refusals(p)).toEqual([
      '9 [战斗力/强弱] 战斗力“很强”应为 强、一般 或 弱',
      '10 [软弱涣散年份] 请写列入软弱涣散的年份（如 2023），不要只写“是”',
      '11 [镇（街道）] 镇街“佛山”不是顺德区的十个镇街之一',
      '12 [村（社区）名称] 村（社区）名称不能为空',
      '13 [示范村（区级/市级）] 示范村请写“区级”或“市级”，不要只写“是”',
      '14 [是否红色村] 红色村“也许”应填 是 或 否',
      '15 [村（社区）名称] 与第 16 行是同一个村（社区）（勒流众涌村），请核对后只留一行',
      '16 [村（社区）名称] 与第 15 行是同一个村（社区）（勒流众涌村），请核对后只留一行',
      '17 [软弱涣散年份] 软弱涣散年份 1999 应在 2000–2100 之间',
    ]);
    expect(p.refused.find((r) => r.row === 9)?.name).toBe('右滩村');
  });

  it('shows a village already on file field by field, keeping what the file leaves blank', () => {
    const p = previewVillages(messyVillageRows(), '杏坛村居.xlsx', {}, existing);
    expect(p.existing).toHaveLength(1);
    const e = p.existing[0];
    expect([e.row, e.villageId, e.name]).toEqual([5, 'v-fj', '逢简村']);
    expect(e.diffs.map((d) => `${d.label}：${d.before} → ${d.after}`)).toEqual([
      '战斗力：一般 → 强', '示范村：否 → 市级', '红色村：否 → 是', '跨村任职试点：否 → 是',
    ]);
    expect(e.data.note).toBe('原备注');
  });

  it('lets the user map an unrecognized column, and refuses a 整顿情况 without a year', () => {
    const bytes = workbookBytes({
      S: sheetFrom([
        ['镇街', '村居', '级别', '整顿情况'],
        ['均安', '沙头社区', '区级', null],
        ['均安', '星槎村', null, '已整顿'],
      ]),
    });
    const before = previewVillages(bytes, 'x.xlsx', {}, []);
    expect(before.columns.find((c) => c.header === '级别')?.field).toBe('');
    const p = previewVillages(bytes, 'x.xlsx', { mapping: { 级别: 'demonstration' } }, []);
    expect(p.accepted.map((r) => [r.data.name, r.data.kind, r.data.demonstration])).toEqual([['沙头社区', '社区', '区级']]);
    expect(refusals(p)).toEqual(['3 [整顿情况] 填写了整顿情况“已整顿”，但没有软弱涣散年份；请在“软弱涣散年份”列写明列入年份']);
  });

  it('does not take a title merged straight above the header for a group header', () => {
    const bytes = workbookBytes({
      S: sheetFrom([['均安镇村（社区）基本情况'], ['镇街', '村（社区）名称', '红色村'], ['均安', '沙头社区', '是']], ['A1:C1']),
    });
    const p = previewVillages(bytes, 'x.xlsx', {}, []);
    expect(p.columns.map((c) => c.header)).toEqual(['镇街', '村（社区）名称', '红色村']);
    expect(p.accepted.map((r) => [r.row, r.data.name, r.data.redVillage])).toEqual([[3, '沙头社区', true]]);
  });

  it('reads the ways a 软弱涣散 year is written', () => {
    const field = VILLAGE_FIELD_BY_KEY.get('weakLaxYear')!;
    const read = (v: string | number) => readVillageCell(field, { v, text: String(v) });
    expect([2023, '2023年', '2023年度', '2023.05', '2022-11', '2023年5月', '2021（已销号）', '2022(整顿中)', '否', '无'].map((v) => read(v))).toEqual([
      { ok: true, value: '2023' }, { ok: true, value: '2023' }, { ok: true, value: '2023' }, { ok: true, value: '2023' },
      { ok: true, value: '2022' }, { ok: true, value: '2023' }, { ok: true, value: '2021|已整顿' }, { ok: true, value: '2022|整顿中' },
      { ok: true, value: '' }, { ok: true, value: '' },
    ]);
    expect(read('前年')).toEqual({ ok: false, message: '软弱涣散年份“前年”应写成 2023 这样的四位年份' });
  });

  it('says nothing is there when no sheet has a 村（社区） header', () => {
    const p = previewVillages(workbookBytes({ S: sheetFrom([['姓名', '身份证号码'], ['陈强', '1']]) }), 'x.xlsx', {}, []);
    expect(p.sheet).toBe('');
    expect(p.accepted).toEqual([]);
  });
});

/** A vault holding 杏坛逢简村 already, which the messy roster updates. */
function withFengjian() {
  const doc = emptyDocument();
  doc.villages.push(village('v-fj', '逢简村', '440606105', { note: '原备注' }));
  return doc;
}

/** What the modal commits after a preview: every new village, and every changed one updated. */
const commitInput = (p: VillageImportPreview) => ({
  fileName: '杏坛村居.xlsx',
  create: p.accepted.map((r) => ({ row: r.row, data: r.data })),
  update: p.existing.filter((e) => e.diffs.length).map((e) => ({ row: e.row, villageId: e.villageId, updatedAt: e.updatedAt, data: e.data })),
});

describe('import.villagePreview / import.villageCommit', () => {
  const t = useTestApp('cadre-village-import-', withFengjian);
  const { call } = t;
  const villages = () => t.app.requireSession().doc.villages;
  const snapshot = () => JSON.stringify(villages());

  it('refuses the whole batch when one row is bad, naming the row', async () => {
    const p = await call('import.villagePreview', { fileName: '杏坛村居.xlsx', base64: messyVillageRows().toString('base64') });
    const before = snapshot();
    const auditBefore = t.app.requireSession().doc.audit.length;
    const create = [...p.accepted, { row: 99, data: { name: '坏村', townCode: '440606105', strength: '很强' } }];
    await expect(call('import.villageCommit', { fileName: 'x.xlsx', create, update: [] })).rejects.toThrow(
      '第 99 行：班子战斗力应为 强、一般 或 弱，本批未导入任何村（社区）',
    );
    expect(snapshot()).toBe(before);
    expect(t.app.requireSession().doc.audit.length).toBe(auditBefore);
  });

  it('commits new and updated villages in one batch with audit entries, then refuses a stale or repeated commit', async () => {
    const p = await call('import.villagePreview', { fileName: '杏坛村居.xlsx', base64: messyVillageRows().toString('base64') });
    const input = commitInput(p);
    const auditBefore = t.app.requireSession().doc.audit.length;
    const r = await call('import.villageCommit', input);
    expect([r.created, r.updated]).toEqual([2, 1]);
    expect(villages().map((v) => `${v.name} ${v.kind} ${v.strength} ${v.demonstration ?? '-'} ${v.redVillage} ${v.crossPilot} ${v.weakLax ? `${v.weakLax.year}${v.weakLax.status}` : '-'} ${v.note}`)).toEqual([
      '逢简村 村 强 市级 true true - 原备注',
      '马齐村 村 弱 - false false 2023整顿中 整顿重点村',
      '光华社区 社区 一般 - false false 2021已整顿 ',
    ]);
    const audit = t.app.requireSession().doc.audit.slice(auditBefore);
    expect(audit.map((a) => [a.action, a.summary])).toEqual([
      ['villages.create', '导入新建村（社区）：杏坛马齐村（杏坛村居.xlsx 第 6 行）'],
      ['villages.create', '导入新建村（社区）：杏坛光华社区（杏坛村居.xlsx 第 7 行）'],
      ['villages.update', '导入更新村（社区）：杏坛逢简村（杏坛村居.xlsx 第 5 行）'],
      ['import.villages', '导入村（社区）名册“杏坛村居.xlsx”：新建 2 个，更新 1 个'],
    ]);
    expect(new Set(audit.map((a) => a.batchId))).toEqual(new Set([r.batchId]));
    expect(audit[2].before).toEqual({ strength: '一般', demonstration: null, redVillage: false, crossPilot: false });

    // The same commit again: 逢简村 changed since the preview, and the new ones now exist.
    const before = snapshot();
    await expect(call('import.villageCommit', { ...input, create: [] })).rejects.toThrow('第 5 行：逢简村在预览之后被修改过，请重新预览后再导入');
    await expect(call('import.villageCommit', { ...input, update: [] })).rejects.toThrow('第 6 行：杏坛马齐村已在村居信息中，请重新预览后再导入');
    expect(snapshot()).toBe(before);

    // Previewed again, the file holds nothing new.
    const again = await call('import.villagePreview', { fileName: '杏坛村居.xlsx', base64: messyVillageRows().toString('base64') });
    expect(again.accepted).toEqual([]);
    expect(again.existing.map((e) => [e.name, e.diffs.length])).toEqual([['逢简村', 0], ['马齐村', 0], ['光华社区', 0]]);
  });
});

describe('import.undo of a 村居名册 batch', () => {
  const t = useTestApp('cadre-village-undo-', withFengjian);
  const { call } = t;
  const villages = () => t.app.requireSession().doc.villages;

  async function importMessy() {
    const p = await call('import.villagePreview', { fileName: '杏坛村居.xlsx', base64: messyVillageRows().toString('base64') });
    return call('import.villageCommit', commitInput(p));
  }

  it('removes the villages the batch created and gives the updated one its earlier content back, once', async () => {
    const before = JSON.stringify(villages());
    const r = await importMessy();
    const batches = await call('import.batches', {});
    expect(batches[0]).toMatchObject({ id: r.batchId, kind: 'villages', replacedCount: 1 });
    expect(batches[0].createdIds).toHaveLength(2);

    expect(await call('import.undo', { batchId: r.batchId })).toEqual({ removed: 2, restored: 1 });
    expect(JSON.stringify(villages())).toBe(before);
    expect(t.app.requireSession().doc.audit.at(-1)?.summary).toBe('撤销导入村（社区）名册“杏坛村居.xlsx”：删除 2 个，恢复 1 个');
    await expect(call('import.undo', { batchId: r.batchId })).rejects.toThrow('该批次已于');
  });

  it('refuses, changing nothing, once a new village has cadres or a village was edited after the import', async () => {
    const r = await importMessy();
    const maqi = villages().find((v) => v.name === '马齐村')!;
    await call('cadre.create', { data: { name: '陈志强', sex: '男', birth: '1975.03', idNumber: id18('19750312', '013'), villageId: maqi.id, villagePost: '党组织书记' } });
    const before = JSON.stringify(villages());
    await expect(call('import.undo', { batchId: r.batchId })).rejects.toThrow('杏坛马齐村已登记 1 名干部（如 陈志强），不能撤销本批导入；请先把这些干部改到其他村（社区）');
    expect(JSON.stringify(villages())).toBe(before);

    const cadre = t.app.requireSession().doc.cadres[0];
    await call('cadre.update', { id: cadre.id, data: { villageId: null } });
    const fj = villages().find((v) => v.name === '逢简村')!;
    await call('village.update', { id: fj.id, data: { note: '导入后又改' } });
    await expect(call('import.undo', { batchId: r.batchId })).rejects.toThrow('杏坛逢简村在导入后又被修改过，撤销会丢掉这些修改；请先处理该村（社区）');
    expect(villages().find((v) => v.name === '马齐村')).toBeDefined();
  });
});

describe('a 村居名册 with a header row and no data rows', () => {
  it('says the sheet has no data rows', () => {
    const bytes = workbookBytes({ 村居: sheetFrom([['杏坛镇村（社区）名册'], ['镇街', '村（社区）名称', '战斗力']]) });
    expect(() => previewVillages(bytes, '空名册.xlsx', {}, [])).toThrow('“空名册.xlsx”的工作表“村居”只有表头（第 2 行），下面没有数据行；请在表头下方逐行填写后再导入');
  });
});
