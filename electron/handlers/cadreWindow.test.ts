import { beforeAll, describe, expect, it } from 'vitest';
import type { CadreWindow } from '../../shared/contract/cadreWindow.js';
import type { Village } from '../../shared/domain/village.js';
import { id18, useTestApp } from '../../tests/fixtures/testApp.js';

const t = useTestApp('cadre-window-');
const { call } = t;

const NAMES = ['王建国', '汪佳琪', '黄志强', '陈建华', '江佳', '吕小明', '陈丽娟', '梁家豪', '林嘉欣', '张俊杰', '区志强', '曾国良'];
const names = (w: CadreWindow) => w.rows.map((r) => r.name);

describe('cadre.window: the 干部档案 list a window at a time', () => {
  const ids = new Map<string, string>();
  let daliang: Village;
  beforeAll(async () => {
    daliang = await call('village.create', { data: { name: '金榜社区', townCode: '440606005', kind: '社区' } });
    const ronggui = await call('village.create', { data: { name: '细滘村', townCode: '440606006' } });
    for (const [i, name] of NAMES.entries()) {
      const year = 1960 + i * 3;
      const male = i % 3 !== 0;
      const c = await call('cadre.create', {
        data: { name, sex: male ? '男' : '女', birth: `${year}.05`, idNumber: id18(`${year}0512`, String(10 + i * 2 + (male ? 1 : 0)).padStart(3, '0')), politicalStatus: '中共党员', villageId: i % 2 ? daliang.id : ronggui.id, phone: `1390228${String(i).padStart(4, '0')}` },
      });
      ids.set(name, c.id);
    }
    await call('cadre.delete', { id: ids.get('曾国良')! });
  });

  it('pages through the live files in file order, with counts', async () => {
    const first = await call('cadre.window', { offset: 0, limit: 4 });
    expect(first).toMatchObject({ offset: 0, shown: 11, total: 11, located: -1 });
    expect(names(first)).toEqual(NAMES.slice(0, 4));
    const last = await call('cadre.window', { offset: 8, limit: 4 });
    expect(names(last)).toEqual(NAMES.slice(8, 11));
    const trash = await call('cadre.window', { deleted: true });
    expect(names(trash)).toEqual(['曾国良']);
  });

  it('searches by pinyin initials, full pinyin, mixed, ID and phone fragments on the privileged side', async () => {
    const q = async (query: string) => names(await call('cadre.window', { query }));
    expect(await q('wjg')).toEqual(['王建国']);
    expect(await q('chen')).toEqual(['陈建华', '陈丽娟']);
    expect(await q('lvxm')).toEqual(['吕小明']);
    expect(await q('陈')).toEqual(['陈建华', '陈丽娟']);
    expect(await q('13902280005')).toEqual(['吕小明']);
    expect(await q('zgl')).toEqual([]); // in the 回收站
  });

  it('filters, sorts and says where a given file is', async () => {
    const w = await call('cadre.window', {
      filters: { towns: ['440606005'], villages: [], posts: [], ageBands: [], sex: '男', education: [], political: [], tags: [] },
      sort: { key: 'age', dir: 'asc' },
      locate: ids.get('汪佳琪'),
    });
    const expected = NAMES.slice(0, 11).filter((_, i) => i % 2 === 1 && i % 3 !== 0).reverse();
    expect(names(w)).toEqual(expected);
    expect(w.shown).toBe(expected.length);
    expect(w.total).toBe(11);
    expect(w.located).toBe(expected.indexOf('汪佳琪'));
  });

  it('gives the ids of the whole shown list and of the whole view, in display order', async () => {
    const sort = { key: 'name', dir: 'desc' } as const;
    const shown = await call('cadre.windowIds', { query: 'chen', sort });
    expect(shown.names).toEqual(['陈丽娟', '陈建华']);
    expect(shown.ids).toEqual(['陈丽娟', '陈建华'].map((n) => ids.get(n)));
    const all = await call('cadre.windowIds', { query: 'chen', sort, scope: 'all' });
    expect(all.ids).toHaveLength(11);
    const paged = await call('cadre.window', { sort, limit: 500 });
    expect(all.names).toEqual(names(paged));
  });

  it('shows an edit at once, and the changed version', async () => {
    const before = await call('cadre.window', { query: 'wjg' });
    await call('cadre.update', { id: ids.get('王建国')!, data: { phone: '13800000000' } });
    const after = await call('cadre.window', { query: 'wjg' });
    expect(after.rows[0].phone).toBe('13800000000');
    expect(after.version).not.toBe(before.version);
    await call('village.update', { id: daliang.id, data: { name: '金榜新社区' } });
    const moved = await call('cadre.window', { query: 'wjq' });
    expect(moved.rows[0].villageName).toBe('金榜新社区');
  });
});
