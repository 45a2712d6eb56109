import { describe, expect, it } from 'vitest';
import { compileQuery, pinyinKeys } from './search.js';
import { createSearchMemory } from './searchMemory.js';

const NAMES = ['王建国', '汪佳琪', '黄志强', '陈建华', '江佳', '吕小明', '陈丽娟', '梁家豪', '林嘉欣', '张俊杰', '区志强', '曾国良'];
const rows = NAMES.map((name, i) => ({
  name,
  ...pinyinKeys(name),
  idNumber: `4406061975${String(i).padStart(2, '0')}12013X`,
  phone: `1390228${String(i * 37).padStart(4, '0')}`,
}));

describe('search memory', () => {
  it('gives exactly what a full scan gives while typing and erasing', () => {
    const memory = createSearchMemory(rows, 4);
    const sequences = ['chenjian', 'jia', 'ji', 'jian', 'wjg', 'lv', '4406061975031', '13902280', '陈建', 'chen', 'z'];
    for (const word of sequences) {
      for (let i = 1; i <= word.length; i++) {
        const q = word.slice(0, i);
        expect(memory.search(q).map((r) => r.name), `typing ${q}`).toEqual(rows.filter(compileQuery(q)).map((r) => r.name));
      }
      for (let i = word.length - 1; i >= 0; i--) {
        const q = word.slice(0, i);
        expect(memory.search(q).map((r) => r.name), `erasing to ${q}`).toEqual(rows.filter(compileQuery(q)).map((r) => r.name));
      }
    }
  });

  it('finds 吕小明 by lv and 区志强 by ou', () => {
    const memory = createSearchMemory(rows);
    expect(memory.search('lvxiao').map((r) => r.name)).toEqual(['吕小明']);
    expect(memory.search('lxm').map((r) => r.name)).toEqual(['吕小明']);
    expect(memory.search('ouzhi').map((r) => r.name)).toEqual(['区志强']);
  });
});
