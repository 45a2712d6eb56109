import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { buildDemoDocument } from '../demo/generate.js';
import { messyRosterBytes } from '../../tests/fixtures/roster.js';
import { MALFORMED, fullCadre } from '../../tests/fixtures/lrmx.js';
import { serializeLrmx } from '../lrmx/lrmx.js';
import { previewFile } from '../importer/preview.js';
import { useTestApp } from '../../tests/fixtures/testApp.js';
import { IMPORT_FIELDS } from '../importer/fields.js';

const t = useTestApp('cadre-import-');
const { call, fail } = t;
const doc = () => t.app.requireSession().doc;
const live = () => doc().cadres.filter((c) => !c.deletedAt);

describe('花名册 import batch', () => {
  let village: Village;
  beforeAll(async () => {
    village = await call('village.create', { data: { name: '水藤村', townCode: '440606005' } });
  });

  it('imports accepted rows in one batch, records it in the audit trail, and undoes it whole', async () => {
    const base64 = messyRosterBytes().toString('base64');
    const p = await call('import.preview', { fileName: '大良.xlsx', base64 });
    expect(p.accepted.length + p.warned.length).toBe(3);
    const auditBefore = doc().audit.length;
    const r = await call('import.commit', {
      fileName: '大良.xlsx',
      create: [...p.accepted, ...p.warned].map((x) => ({ row: x.row, data: x.data })),
      update: [],
    });
    expect(r).toMatchObject({ created: 3, updated: 0 });
    expect(live().map((c) => c.name).sort()).toEqual(['吴敏', '李丽', '陈强']);
    expect(live().find((c) => c.name === '陈强')?.villageId).toBe(village.id);
    const entries = doc().audit.slice(auditBefore);
    expect(entries.every((e) => e.batchId === r.batchId)).toBe(true);
    expect(entries.at(-1)).toMatchObject({ action: 'import.commit', summary: '导入花名册“大良.xlsx”：新建 3 人，更新 0 人' });

    const batches = await call('import.batches', {});
    expect(batches[0]).toMatchObject({ id: r.batchId, createdIds: expect.any(Array) });

    expect(await call('import.undo', { batchId: r.batchId })).toEqual({ removed: 3, restored: 0 });
    expect(live()).toEqual([]);
    expect((await fail('import.undo', { batchId: r.batchId })).message).toMatch(/^该批次已于/);
  });

  it('is all-or-nothing: one bad row sent to commit leaves the vault unchanged', async () => {
    const p = await call('import.preview', { fileName: '大良.xlsx', base64: messyRosterBytes().toString('base64') });
    const good = [...p.accepted, ...p.warned].map((x) => ({ row: x.row, data: x.data }));
    const err = await fail('import.commit', { fileName: 'x.xlsx', create: [...good, { row: 99, data: { ...good[0].data, name: '' } }], update: [] });
    expect(err.message).toBe('第 99 行：姓名不能为空（name），本批未导入任何记录');
    expect(live()).toEqual([]);
  });

  it('updates people already on file when chosen, and undo restores them as they were', async () => {
    const p1 = await call('import.preview', { fileName: 'a.xlsx', base64: messyRosterBytes().toString('base64') });
    await call('import.commit', { fileName: 'a.xlsx', create: [...p1.accepted, ...p1.warned].map((x) => ({ row: x.row, data: x.data })), update: [] });
    const chenBefore = structuredClone(live().find((c) => c.name === '陈强')) as Cadre;
    // Same people again with a new phone number for 陈强.
    const { rows, merges } = (await import('../../tests/fixtures/roster.js')).messyRosterRows();
    rows[5][13] = '13600000000';
    const ws = (await import('../../tests/fixtures/roster.js')).sheetFrom(rows, merges);
    const bytes = (await import('../../tests/fixtures/roster.js')).workbookBytes({ 花名册: ws });
    const p2 = await call('import.preview', { fileName: 'b.xlsx', base64: bytes.toString('base64') });
    expect(p2.accepted).toEqual([]);
    const chen = p2.existing.find((e) => e.name === '陈强')!;
    expect(chen.diffs).toEqual([{ field: 'phone', label: '联系电话', before: '13800138000', after: '13600000000' }]);
    expect(p2.existing.filter((e) => e.diffs.length === 0).map((e) => e.name).sort()).toEqual(['吴敏', '李丽']);
    const r = await call('import.commit', {
      fileName: 'b.xlsx', create: [], update: [{ row: chen.row, cadreId: chen.cadreId, updatedAt: chen.updatedAt, data: chen.data }],
    });
    expect(r.updated).toBe(1);
    expect(live().find((c) => c.name === '陈强')?.phone).toBe('13600000000');
    // A stale preview is not applied over a newer record.
    expect((await fail('import.commit', { fileName: 'b.xlsx', create: [], update: [{ row: chen.row, cadreId: chen.cadreId, updatedAt: chen.updatedAt, data: chen.data }] })).message)
      .toBe(`第 ${chen.row} 行：陈强 的档案在预览之后被修改过，请重新预览后再导入`);
    await call('import.undo', { batchId: r.batchId });
    expect(live().find((c) => c.name === '陈强')).toEqual(chenBefore);
  });

  it('saves a named mapping template and applies it', async () => {
    await call('import.saveTemplate', { name: '容桂格式', mapping: { 工作单位: 'currentPosition' } });
    const ws = XLSX.utils.aoa_to_sheet([['姓名', '身份证号码', '工作单位'], ['新人', fullCadre(9).idNumber, '容桂街道']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const base64 = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const p = await call('import.preview', { fileName: 'c.xlsx', base64, template: '容桂格式' });
    expect(p.accepted[0].data.currentPosition).toBe('容桂街道');
    expect(await call('import.templates', {})).toEqual([{ name: '容桂格式', mapping: { 工作单位: 'currentPosition' } }]);
  });
});

describe('export', () => {
  it('exports 1,000 records and re-imports them with nothing lost; formula text stays text', async () => {
    const demo = buildDemoDocument({ cadres: 1000, seed: 7 });
    const s = t.app.requireSession();
    await s.mutate((d) => {
      d.villages.push(...demo.villages);
    });
    const injected = ['=HYPERLINK("http://x","点我")', '+1+2', '-3', '@SUM(A1)', '\t制表符', '\r回车'];
    const rows = demo.cadres.slice(0, 1000).map((c, i) => {
      const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = c;
      return { row: i + 1, data: { ...fields, currentPosition: i < injected.length ? injected[i] : fields.currentPosition } };
    });
    const existingIds = new Set(live().map((c) => c.idNumber));
    const fresh = rows.filter((r) => !existingIds.has(r.data.idNumber));
    await call('import.commit', { fileName: 'demo', create: fresh, update: [] });
    const ids = live().filter((c) => c.demo).map((c) => c.id);
    expect(ids.length).toBe(fresh.length);
    const out = await call('export.cadres', { ids, description: '镇街：大良' });
    expect(out.count).toBe(ids.length);

    // Raw cells: IDs are text cells, formula-looking text is escaped with a leading apostrophe.
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'), { type: 'buffer' });
    const ws = wb.Sheets['花名册'];
    const grid = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: true, defval: '' });
    expect(String(grid[1][0])).toMatch(new RegExp(`^共 ${ids.length} 人    范围：镇街：大良    导出日期：\\d{4}\\.\\d{2}\\.\\d{2}$`));
    const header = grid[2];
    const idCol = header.indexOf('身份证号码');
    expect(ws[XLSX.utils.encode_cell({ r: 3, c: idCol })].t).toBe('s');
    const posCol = header.indexOf('现任职务');
    const firstInjected = grid.slice(3).map((r) => r[posCol]).filter((v) => String(v).startsWith("'"));
    expect(firstInjected.length).toBeGreaterThanOrEqual(1);
    for (const c of Object.keys(ws).filter((k) => !k.startsWith('!'))) expect(ws[c].f).toBeUndefined();

    // Re-import: every row is a known person with no differences at all.
    const p = await call('import.preview', { fileName: 'export.xlsx', base64: out.base64 });
    const byIdNumber = new Map(live().map((c) => [c.idNumber, c]));
    expect(p.refused).toEqual([]);
    expect(p.accepted.length + p.warned.length).toBe(0);
    expect(p.existing.length).toBe(ids.length);
    expect(p.existing.filter((e) => e.diffs.length > 0)).toEqual([]);
    expect(p.existing.flatMap((e) => e.warnings)).toEqual([]);
    expect(p.existing.every((e) => e.data.villageId === byIdNumber.get(e.idNumber)?.villageId)).toBe(true);
    // As new records (nobody on file), every exported column comes back equal: blank cells included.
    const fresh2 = previewFile(Buffer.from(out.base64, 'base64'), 'export.xlsx', {}, { villages: doc().villages, cadres: [] });
    expect(fresh2.refused).toEqual([]);
    const back = new Map([...fresh2.accepted, ...fresh2.warned].map((r) => [r.data.idNumber, r.data]));
    const paths = IMPORT_FIELDS.filter((f) => f.export && !['seq', 'town', 'village'].includes(f.key)).map((f) => f.key).concat('villageId');
    const pick = (c: object) => Object.fromEntries(paths.map((p) => [p, p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c) ?? '']));
    for (const c of live().filter((x) => x.demo)) expect(pick(back.get(c.idNumber)!)).toEqual(pick(c));
    const byId = new Map(live().map((c) => [c.idNumber, c]));
    for (const text of injected) {
      expect(p.existing.some((e) => e.data.currentPosition === text && byId.get(e.idNumber)?.currentPosition === text)).toBe(true);
    }
  });

  it('offers a blank 花名册 template whose headers the importer recognizes', async () => {
    const t = await call('export.template', {});
    expect(t.fileName).toBe('干部花名册模板.xlsx');
    // Recognized as a 花名册 header, with nothing under it yet: the user is told just that.
    const err = await fail('import.preview', { fileName: t.fileName, base64: t.base64 });
    expect(err.message).toMatch(/^“干部花名册模板\.xlsx”的工作表“花名册”只有表头（第 \d+ 行），下面没有数据行；请在表头下方逐行填写后再导入$/);
  });
});

describe('LRMX import / export through the contract', () => {
  it('imports several files as one batch with a per-file report, exports one back', async () => {
    const a = fullCadre(31);
    const reports = await call('lrmx.import', {
      files: [
        { fileName: 'a.lrmx', base64: serializeLrmx(a).toString('base64') },
        { fileName: 'broken.lrmx', base64: Buffer.from(MALFORMED).toString('base64') },
      ],
    });
    expect(reports.reports.map((r) => r.status)).toEqual(['created', 'refused']);
    const c = live().find((x) => x.idNumber === a.idNumber)!;
    expect(c.photo).toBe(a.photo);
    const out = await call('lrmx.export', { id: c.id });
    expect(out.fileName).toBe(`${a.name}_任免审批表.lrmx`);
    expect(Buffer.from(out.base64, 'base64').toString('utf8')).toContain('<DaoLingNianYue>203503</DaoLingNianYue>');
    // Importing it again with 'update' keeps the village work fields and changes nothing else.
    await call('cadre.update', { id: c.id, data: { phone: '13500000000' } });
    const same = await call('lrmx.import', { files: [{ fileName: 'a1.lrmx', base64: out.base64 }], existing: 'update' });
    expect(same.reports[0]).toMatchObject({ status: 'skipped', message: `与 ${a.name} 的已有档案相同，无需更新` });
    const edited = Buffer.from(out.base64, 'base64').toString('utf8').replace(/<XianRenZhiWu>[^<]*<\/XianRenZhiWu>/, '<XianRenZhiWu>水藤村党委书记</XianRenZhiWu>');
    const again = await call('lrmx.import', { files: [{ fileName: 'a2.lrmx', base64: Buffer.from(edited).toString('base64') }], existing: 'update' });
    expect(again.reports[0].status).toBe('updated');
    expect(live().find((x) => x.id === c.id)).toMatchObject({ phone: '13500000000', currentPosition: '水藤村党委书记' });
    await call('import.undo', { batchId: reports.batchId ?? '' }).catch(() => undefined);
  });
});
