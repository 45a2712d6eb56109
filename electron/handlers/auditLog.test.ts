import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogPage } from '../../shared/contract/audit.js';
import type { Cadre } from '../../shared/domain/cadre.js';
import type { Village } from '../../shared/domain/village.js';
import { TEST_PASSWORD, id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('audit-log-');
const { call, fail } = t;

/** Local wall-clock time, as the PC's clock would show it. */
const at = (y: number, m: number, d: number, h = 10) => vi.setSystemTime(new Date(y, m - 1, d, h, 0, 0));
const search = (input: Record<string, unknown>) => call('audit.search', { offset: 0, limit: 100, ...input });
const summaries = (p: AuditLogPage) => p.entries.map((e) => e.summary);

describe('audit.search and audit.export', () => {
  let village: Village;
  let cadre: Cadre;
  let other: Cadre;

  // A week of real work through the contract, by two operators on different days.
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(2026, 11, 1);
    village = await call('village.create', { data: { name: '水藤村', townCode: '440606105' } });
    at(2026, 11, 2, 9);
    cadre = await call('cadre.create', { data: { name: '王建国', sex: '男', birth: '1975.03', idNumber: id18('19750312', '013'), politicalStatus: '中共党员', phone: '0757-22221234', villageId: village.id } });
    at(2026, 11, 2, 23);
    other = await call('cadre.create', { data: { name: '何美玲', sex: '女', birth: '1988.07', idNumber: id18('19880715', '024'), politicalStatus: '中共党员' } });
    // Another official opens the vault on the 3rd.
    await call('vault.unlock', { password: TEST_PASSWORD, operator: '陈志强' });
    at(2026, 11, 3);
    await call('cadre.update', { id: cadre.id, data: { phone: '0757-22225678' } });
    at(2026, 11, 4);
    await call('cadre.delete', { id: other.id });
    await call('village.update', { id: village.id, data: { note: '2026 年换届' } });
  });
  afterAll(() => vi.useRealTimers());

  it('lists everything newest first with the total, the operators and no chain hashes', async () => {
    const p = await search({});
    expect(p.total).toBe(6);
    expect(summaries(p)).toEqual(['修改村（社区）：杏坛水藤村', '移入回收站：何美玲', '修改干部档案：王建国', '新建干部档案：何美玲', '新建干部档案：王建国', '新建村（社区）：杏坛水藤村']);
    expect(p.entries[5]).toMatchObject({ action: 'villages.create', operator: '测试员', business: 'villages' });
    expect(p.operators).toEqual(['测试员', '陈志强']);
    expect(p.entries[0]).not.toHaveProperty('hash');
    expect(p.entries[0]).not.toHaveProperty('prevHash');
    // A file edited after it was created must not rewrite its creation entry.
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, entries: 6 });
    expect(p.entries.find((e) => e.summary === '新建干部档案：王建国')?.after).toMatchObject({ phone: '0757-22221234' });
  });

  it('keeps the changed fields of an edit and links records that still exist', async () => {
    const edit = (await search({ text: '修改干部档案' })).entries[0];
    expect(edit).toMatchObject({ operator: '陈志强', business: 'cadres', before: { phone: '0757-22221234' }, after: { phone: '0757-22225678' }, link: `/cadres/${cadre.id}` });
    // The new file's 所在村 reads as the village's name.
    expect((await search({ text: '新建干部档案：王建国' })).names).toEqual({ [village.id]: '杏坛水藤村' });
    const p = await search({ business: 'villages' });
    expect(p.entries.every((e) => e.link === `/villages/${village.id}`)).toBe(true);
  });

  it('filters by day, both ends inclusive, in local days and the officials\' date forms', async () => {
    expect(summaries(await search({ from: '2026.11.02', to: '2026.11.02' }))).toEqual(['新建干部档案：何美玲', '新建干部档案：王建国']);
    expect((await search({ from: '2026.11.03' })).total).toBe(3);
    expect((await search({ to: '2026-11-1' })).total).toBe(1);
    expect((await search({ from: '2026年11月5日' })).total).toBe(0);
  });

  it('refuses a date it cannot read or a range the wrong way round, naming the field', async () => {
    const bad = await fail('audit.search', { from: '11月1日', offset: 0, limit: 10 });
    expect(bad.code).toBe('INVALID');
    expect(bad.fields?.from).toContain('起始日期');
    const reversed = await fail('audit.search', { from: '2026.11.04', to: '2026.11.01', offset: 0, limit: 10 });
    expect(reversed.message).toBe('起始日期 2026.11.04 晚于截止日期 2026.11.01');
  });

  it('filters by operator, by 业务 and by words of the summary, combined', async () => {
    expect((await search({ operator: '陈志强' })).total).toBe(3);
    expect(summaries(await search({ business: 'cadres' }))).toEqual(['移入回收站：何美玲', '修改干部档案：王建国', '新建干部档案：何美玲', '新建干部档案：王建国']);
    expect(summaries(await search({ business: 'cadres', operator: '测试员' }))).toEqual(['新建干部档案：何美玲', '新建干部档案：王建国']);
    expect(summaries(await search({ text: '王建国' }))).toEqual(['修改干部档案：王建国', '新建干部档案：王建国']);
    expect(summaries(await search({ text: '新建 何美玲' }))).toEqual(['新建干部档案：何美玲']);
    expect((await search({ text: cadre.id })).total).toBe(2); // by 记录编号 too
    expect((await search({ business: 'shadow' })).total).toBe(0);
  });

  it('pages with the total of all matches', async () => {
    const first = await search({ offset: 0, limit: 4 });
    const second = await search({ offset: 4, limit: 4 });
    expect([first.total, second.total]).toEqual([6, 6]);
    expect(first.entries).toHaveLength(4);
    expect(second.entries).toHaveLength(2);
    expect([...first.entries, ...second.entries].map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect((await fail('audit.search', { offset: 0, limit: 501 })).code).toBe('INVALID');
  });

  it('exports the filtered entries to Excel with Chinese columns', async () => {
    const out = await call('audit.export', { from: '2026.11.03' });
    expect(out.count).toBe(3);
    expect(out.fileName).toMatch(/^操作日志_\d{8}\.xlsx$/);
    const wb = XLSX.read(Buffer.from(out.base64, 'base64'));
    expect(wb.SheetNames).toEqual(['操作日志']);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['操作日志'], { header: 1 });
    expect(rows[0]).toEqual(['时间', '操作人', '业务', '操作', '说明', '记录编号']);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual(['2026.11.04 10:00:00', '陈志强', '干部档案', '移入回收站', '移入回收站：何美玲', other.id]);
    expect(rows[3]).toEqual(['2026.11.03 10:00:00', '陈志强', '干部档案', '修改', '修改干部档案：王建国', cadre.id]);
    expect(rows[1].slice(1, 4)).toEqual(['陈志强', '村居信息', '修改']);
  });

  it('writes a value a spreadsheet would run as plain text', async () => {
    await call('vault.unlock', { password: TEST_PASSWORD, operator: '=1+2' });
    const v = await call('village.create', { data: { name: '龙潭村', townCode: '440606105' } });
    await call('village.update', { id: v.id, data: { note: '=HYPERLINK("http://x")' } });
    // Edited in the same session it was created in: the creation entry still verifies.
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });
    const out = await call('audit.export', { operator: '=1+2' });
    const sheet = XLSX.read(Buffer.from(out.base64, 'base64')).Sheets['操作日志'];
    expect(out.count).toBe(2);
    expect(sheet['B2']).toMatchObject({ t: 's', v: "'=1+2" });
    expect(sheet['B2'].f).toBeUndefined();
  });
});
