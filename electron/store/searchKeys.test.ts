import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../shared/rules/search.js';
import { SearchKeys } from './searchKeys.js';

describe('SearchKeys', () => {
  it('works through the names a slice per turn and stops once the vault is locked', async () => {
    const names = ['王建国', '陈丽娟', '吕晓明', '黄志强', '区家豪'];
    expect(await new SearchKeys().warm(names, () => true, 2)).toBe(5);
    let turns = 0;
    expect(await new SearchKeys().warm(names, () => turns++ < 1, 2)).toBe(2);
  });

  it('gives the keys that let 干部档案 find a name by its 拼音', () => {
    const keys = new SearchKeys();
    const row = { name: '王建国', idNumber: '', phone: '', ...keys.of('王建国') };
    expect(matchesQuery(row, 'wjg')).toBe(true);
    expect(matchesQuery(row, 'wangjianguo')).toBe(true);
    expect(matchesQuery(row, 'cl')).toBe(false);
    expect(keys.of('王建国')).toBe(keys.of('王建国'));
  });
});
