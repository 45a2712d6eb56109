import { beforeAll, describe, expect, it } from 'vitest';
import type { Village } from '../../shared/domain/village.js';
import { OpenVault } from '../vault/vault.js';
import { TEST_PASSWORD, id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-handlers-');
const { call, fail } = t;

const base = (over: Record<string, unknown> = {}) => ({
  name: '王建国',
  sex: '男' as const,
  birth: '1975.03',
  idNumber: id18('19750312', '013'),
  politicalStatus: '中共党员',
  ...over,
});

describe('cadre handlers', () => {
  let village: Village;
  beforeAll(async () => {
    village = await call('village.create', { data: { name: '水藤村', townCode: '440606105' } });
  });

  it('creates a file, lists it with pinyin keys, and writes an audit entry', async () => {
    const c = await call('cadre.create', { data: base({ villageId: village.id, villagePost: '党组织书记', tags: ['优秀带头人'] }) });
    expect(c.id).toBeTruthy();
    expect(c.ethnicity).toBe('汉族'); // schema default
    const rows = await call('cadre.list', {});
    const row = rows.find((r) => r.id === c.id)!;
    expect(row).toMatchObject({ name: '王建国', initials: 'wjg', pinyin: 'wangjianguo', villageName: '水藤村', townCode: '440606105', villagePost: '党组织书记' });
    const audit = await call('audit.list', { recordId: c.id });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ action: 'cadres.create', summary: '新建干部档案：王建国', operator: '测试员' });
  });

  it('stores the code tables\' labels for short forms (汉 → 汉族, 党员 → 中共党员, 本科 → 大学)', async () => {
    const c = await call('cadre.create', {
      data: base({ name: '梁文斌', birth: '1983.05', idNumber: id18('19830508', '037'), ethnicity: '汉', politicalStatus: '党员', fullTimeEducation: { level: '本科', degree: '学士学位' }, family: [{ relation: '妻子', name: '何美玲', politicalStatus: '团员' }] }),
    });
    expect([c.ethnicity, c.politicalStatus, c.fullTimeEducation.level, c.fullTimeEducation.degree, c.family[0].politicalStatus]).toEqual(['汉族', '中共党员', '大学', '学士', '共青团员']);
    const odd = await call('cadre.update', { id: c.id, data: { politicalStatus: '农工党员（旧称）' } });
    expect(odd.politicalStatus).toBe('农工党员（旧称）'); // unknown spellings are kept, not lost
  });

  it('stores a lowercase x as X', async () => {
    const lower = id18('19491231', '002').toLowerCase();
    const c = await call('cadre.create', { data: base({ name: '李婉婷', sex: '女', birth: '1949.12', idNumber: lower }) });
    expect(c.idNumber).toBe(lower.toUpperCase());
  });

  it('refuses a bad check digit with the message on the idNumber field', async () => {
    const good = id18('19800521', '025');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const err = await fail('cadre.create', { data: base({ name: '陈志强', birth: '1980.05', idNumber: bad }) });
    expect(err.code).toBe('INVALID');
    expect(err.fields?.idNumber).toContain('校验位错误');
  });

  it('cross-checks birth and sex against the ID number, keyed by field', async () => {
    const err = await fail('cadre.create', { data: base({ name: '陈志强', sex: '女', birth: '1976.03', idNumber: id18('19750312', '015') }) });
    expect(err.fields?.birth).toBe('出生年月 1976.03 与身份证号码中的 1975.03 不一致');
    expect(err.fields?.sex).toBe('性别“女”与身份证号码（男）不一致');
  });

  it('reports family member errors with their row path', async () => {
    const err = await fail('cadre.create', { data: base({ name: '陈志强', idNumber: id18('19750312', '017'), family: [{ relation: '妻子', name: '', birth: '1977.13' }] }) });
    expect(err.fields?.['family.0.birth']).toBe('日期应写成 1975.03 的形式');
  });

  it('speaks Chinese for every kind of bad value, not zod\'s English defaults', async () => {
    const err = await fail('cadre.create', {
      data: base({ name: '陈志强', idNumber: id18('19750312', '019'), villagePost: '村长', tags: ['能人'], assessments: [{ year: 0, grade: '良好' }], negativeFlags: [{ kind: '赌博', date: '2020.01', source: '' }], relations: [{ kind: '朋友', name: '李' }] }),
    });
    expect(err.fields).toMatchObject({
      villagePost: expect.stringContaining('村职务应为'),
      'tags.0': expect.stringContaining('人才类别应为'),
      'assessments.0.year': '年度应在 1950–2100 之间',
      'assessments.0.grade': expect.stringContaining('考核等次应为'),
      'negativeFlags.0.kind': '请从十不选情形中选择',
      'relations.0.kind': expect.stringContaining('亲属关系应为'),
    });
    for (const m of Object.values(err.fields ?? {})) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a second live file with the same ID number', async () => {
    const err = await fail('cadre.create', { data: base({ name: '王建国二' }) });
    expect(err.code).toBe('CONFLICT');
    expect(err.fields?.idNumber).toBe('该身份证号码已属于 王建国');
  });

  it('updates only what changed and records before/after of the changed fields', async () => {
    const rows = await call('cadre.list', {});
    const id = rows.find((r) => r.name === '王建国')!.id;
    const updated = await call('cadre.update', { id, data: { phone: '13902281234', resume: [{ from: '1995.07', to: '', text: '水藤村党委书记' }] } });
    expect(updated.phone).toBe('13902281234');
    expect(updated.villagePost).toBe('党组织书记'); // untouched fields kept
    const audit = await call('audit.list', { recordId: id });
    const last = audit.entries[0];
    const [before, after] = [last.before, last.after] as Array<Record<string, unknown>>;
    expect(last.action).toBe('cadres.update');
    expect(Object.keys(after).sort()).toEqual(['phone', 'resume']);
    expect(before.phone).toBe('');
    expect(after.phone).toBe('13902281234');
  });

  it('clears the village when the update sends null', async () => {
    const rows = await call('cadre.list', {});
    const id = rows.find((r) => r.name === '王建国')!.id;
    const c = await call('cadre.update', { id, data: { villageId: null, villagePost: null } });
    expect(c.villageId).toBeUndefined();
    expect(c.villagePost).toBeUndefined();
    const row = (await call('cadre.list', {})).find((r) => r.id === id)!;
    expect(row.villageName).toBe('');
  });

  it('an invalid update changes nothing', async () => {
    const rows = await call('cadre.list', {});
    const id = rows.find((r) => r.name === '王建国')!.id;
    const err = await fail('cadre.update', { id, data: { phone: 'abc' } });
    expect(err.fields?.phone).toBe('联系电话只能包含数字和 -');
    const c = await call('cadre.get', { id });
    expect(c.phone).toBe('13902281234');
  });

  it('soft deletes to the 回收站 and restores, auditing both; refuses edits while deleted', async () => {
    const c = await call('cadre.create', { data: base({ name: '黄丽娟', sex: '女', birth: '1988.07', idNumber: id18('19880715', '026') }) });
    await call('cadre.delete', { id: c.id });
    expect((await call('cadre.list', {})).some((r) => r.id === c.id)).toBe(false);
    expect((await call('cadre.list', { deleted: true })).map((r) => r.id)).toEqual([c.id]);
    expect((await fail('cadre.update', { id: c.id, data: { phone: '1' } })).message).toBe('该干部档案在回收站中，请先恢复再修改');

    const restored = await call('cadre.restore', { id: c.id });
    expect(restored.deletedAt).toBeUndefined();
    expect((await call('cadre.list', {})).some((r) => r.id === c.id)).toBe(true);
    const audit = await call('audit.list', { recordId: c.id });
    expect(audit.entries.map((e) => e.action)).toEqual(['cadres.restore', 'cadres.delete', 'cadres.create']);
    expect(audit.entries[1].summary).toBe('移入回收站：黄丽娟');
  });

  it('will not restore a file whose ID number is now used by a live file', async () => {
    const idNumber = id18('19900101', '031');
    const first = await call('cadre.create', { data: base({ name: '周文斌', birth: '1990.01', idNumber }) });
    await call('cadre.delete', { id: first.id });
    await call('cadre.create', { data: base({ name: '周文斌', birth: '1990.01', idNumber }) });
    const err = await fail('cadre.restore', { id: first.id });
    expect(err.code).toBe('CONFLICT');
  });

  it('changes the list version with every saved change and only then', async () => {
    const v1 = (await call('cadre.listVersion', {})).version;
    expect((await call('cadre.listVersion', {})).version).toBe(v1);
    const rows = await call('cadre.list', {});
    await call('cadre.update', { id: rows[0].id, data: { expertise: '集体经济' } });
    const v2 = (await call('cadre.listVersion', {})).version;
    expect(v2).not.toBe(v1);
    await call('village.update', { id: village.id, data: { name: '水藤社区' } });
    expect((await call('cadre.listVersion', {})).version).not.toBe(v2);
  });

  it('says which file is missing', async () => {
    expect((await fail('cadre.get', { id: 'nope' })).message).toBe('找不到该干部档案（nope）');
  });

  it('survives a reopen: what was saved is on disk', async () => {
    const reopened = await OpenVault.open(t.vaultPath, TEST_PASSWORD).catch((e: Error) => e);
    // The live session holds the lock, so the second open is read-only but must see the data.
    if (reopened instanceof Error) throw reopened;
    expect(reopened.readOnly).toBe(true);
    expect(reopened.doc.cadres.map((c) => c.name)).toContain('黄丽娟');
    reopened.close();
  });
});
