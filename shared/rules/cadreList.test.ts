import { describe, expect, it } from 'vitest';
import type { CadreRow } from '../contract/cadre.js';
import { describeFilters, facetPredicate, NO_FILTERS, sortRows, toListRows, type CadreFilters } from './cadreList.js';

const row = (over: Partial<CadreRow>): CadreRow => ({
  id: over.name ?? 'x', name: 'x', sex: '男', birth: '1975.03', idNumber: '', phone: '', ethnicity: '汉族', politicalStatus: '中共党员',
  education: '大专', villageName: '', townCode: '', postSince: '', tags: [], pinyin: '', initials: '', syllables: '', ...over,
});

const rows = toListRows(
  [
    row({ name: '王建国', townCode: '440606105', villageId: 'v1', villagePost: '党组织书记', birth: '1975.03', tags: ['优秀带头人'] }),
    row({ name: '陈丽娟', sex: '女', townCode: '440606005', villageId: 'v2', villagePost: '村委会主任', birth: '1990.12', education: '大学', tags: ['青年'] }),
    row({ name: '黄志强', townCode: '440606005', villageId: 'v3', villagePost: '后备干部', birth: '1960.01', politicalStatus: '群众', education: '高中', tags: ['后备'] }),
    row({ name: '阿强', birth: '1981.06' }),
  ],
  '2026.11.25',
);
const names = (f: Partial<CadreFilters>) => rows.filter(facetPredicate({ ...NO_FILTERS, ...f })).map((r) => r.name);

describe('toListRows', () => {
  it('derives age at the reference date and the 镇街 name', () => {
    expect(rows.map((r) => r.age)).toEqual([51, 35, 66, 45]);
    expect(rows[1].townName).toBe('大良');
    expect(rows[0].tagText).toBe('优秀带头人');
  });
});

describe('facetPredicate', () => {
  it('keeps everything without filters', () => {
    expect(names({})).toHaveLength(4);
  });
  it('ORs inside a facet and ANDs across facets', () => {
    expect(names({ towns: ['440606005'] })).toEqual(['陈丽娟', '黄志强']);
    expect(names({ towns: ['440606005', '440606105'] })).toEqual(['王建国', '陈丽娟', '黄志强']);
    expect(names({ towns: ['440606005'], sex: '女' })).toEqual(['陈丽娟']);
    expect(names({ posts: ['党组织书记', '后备干部'] })).toEqual(['王建国', '黄志强']);
    expect(names({ villages: ['v1'] })).toEqual(['王建国']);
    expect(names({ education: ['大学', '高中'] })).toEqual(['陈丽娟', '黄志强']);
    expect(names({ political: ['群众'] })).toEqual(['黄志强']);
    expect(names({ tags: ['后备', '青年'] })).toEqual(['陈丽娟', '黄志强']);
  });
  it('puts ages in the bands of the 结构分析 (≤35, 36–45, 46–55, >55)', () => {
    expect(names({ ageBands: ['le35'] })).toEqual(['陈丽娟']);
    expect(names({ ageBands: ['36-45'] })).toEqual(['阿强']);
    expect(names({ ageBands: ['46-55'] })).toEqual(['王建国']);
    expect(names({ ageBands: ['gt55'] })).toEqual(['黄志强']);
  });
});

describe('sortRows', () => {
  it('sorts names in pinyin order and numbers as numbers, both ways', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['阿强', '陈丽娟', '黄志强', '王建国']);
    expect(sortRows(rows, { key: 'age', dir: 'desc' }).map((r) => r.age)).toEqual([66, 51, 45, 35]);
  });
  it('sorts 镇街 in the official order (大良 first), not by sound', () => {
    expect(sortRows(rows, { key: 'townName', dir: 'asc' }).map((r) => r.townName)).toEqual(['大良', '大良', '杏坛', '']);
  });
  it('leaves the order alone without a sort and does not mutate the input', () => {
    const before = rows.map((r) => r.name);
    sortRows(rows, { key: 'name', dir: 'desc' });
    expect(sortRows(rows, null).map((r) => r.name)).toEqual(before);
  });
});

describe('describeFilters', () => {
  it('says the filters and search in Chinese, for the list and exports', () => {
    const d = describeFilters({ ...NO_FILTERS, towns: ['440606005', '440606006'], sex: '女', ageBands: ['le35'] }, (id) => id, ' wjg ');
    expect(d).toBe('镇街：大良、容桂；年龄：35岁及以下；性别：女；搜索：“wjg”');
    expect(describeFilters(NO_FILTERS, (id) => id, '')).toBe('');
  });
});
