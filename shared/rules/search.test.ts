import { describe, expect, it } from 'vitest';
import { compileQuery, matchesQuery, narrows, pinyinKeys, type Searchable } from './search.js';

function row(name: string, idNumber = '44060619750312013X', phone = '13902281234'): Searchable {
  return { name, idNumber, phone, ...pinyinKeys(name) };
}

describe('pinyinKeys', () => {
  it('gives full pinyin and initials without tones', () => {
    expect(pinyinKeys('王建国')).toEqual({ pinyin: 'wangjianguo', initials: 'wjg', syllables: 'wang jian guo' });
  });
  it('reads surnames with their surname sound (单 shan, 曾 zeng, 区 ou)', () => {
    expect(pinyinKeys('单志强').pinyin).toBe('shanzhiqiang');
    expect(pinyinKeys('曾伟明').initials).toBe('zwm');
    expect(pinyinKeys('区家豪').pinyin).toBe('oujiahao');
  });
  it('spells ü as v so 吕 is found by typing lv', () => {
    expect(pinyinKeys('吕小明')).toEqual({ pinyin: 'lvxiaoming', initials: 'lxm', syllables: 'lv xiao ming' });
  });
});

describe('matchesQuery', () => {
  const wang = row('王建国');
  const others = [row('汪佳琪', '440606198807150028', '13800000001'), row('黄志强', '440606196502010011', '075722223333')];

  it('finds 王建国 by initials, full pinyin, a pinyin prefix and the name', () => {
    for (const q of ['wjg', 'WJG', 'wangjianguo', 'wangjian', 'wang jian guo', '王建国', '建国', 'jianguo']) {
      expect(matchesQuery(wang, q), q).toBe(true);
    }
  });

  it('finds by full syllables and initials mixed, as people type: lvxm, wangjg, wjguo', () => {
    const lv = row('吕晓明');
    for (const q of ['lvxm', 'lvxiaom', 'lxiaoming', 'lvxiaoming', 'lvx', 'l']) expect(matchesQuery(lv, q), q).toBe(true);
    for (const q of ['wangjg', 'wjguo', 'wanjg', 'wangjianguo', 'wjiang']) expect(matchesQuery(wang, q), q).toBe(true);
    // Order and start still matter; a syllable typed wrong is not skipped.
    for (const q of ['xmlv', 'xm', 'lvxn', 'lvxiaomingg', 'lvm']) expect(matchesQuery(lv, q), q).toBe(false);
    for (const q of ['wgj', 'wangg', 'wjgg']) expect(matchesQuery(wang, q), q).toBe(false);
    expect(others.filter((r) => matchesQuery(r, 'wangjg'))).toEqual([]);
  });

  it('does not match unrelated people', () => {
    expect(matchesQuery(wang, 'hzq')).toBe(false);
    expect(matchesQuery(wang, '黄')).toBe(false);
    expect(matchesQuery(wang, 'jg')).toBe(false); // initials only match from the start
    expect(others.filter((r) => matchesQuery(r, 'wjg'))).toEqual([]);
  });

  it('finds by an ID number fragment, lowercase x included', () => {
    expect(matchesQuery(wang, '19750312')).toBe(true);
    expect(matchesQuery(wang, '013x')).toBe(true);
    expect(matchesQuery(wang, '013X')).toBe(true);
    expect(matchesQuery(wang, '19990101')).toBe(false);
  });

  it('finds by phone fragment from three digits on', () => {
    expect(matchesQuery(wang, '2281234')).toBe(true);
    expect(matchesQuery(others[1], '22223333')).toBe(true);
    expect(matchesQuery(wang, '99999')).toBe(false);
  });

  it('matches everyone on an empty query', () => {
    expect(matchesQuery(wang, '')).toBe(true);
    expect(matchesQuery(wang, '   ')).toBe(true);
  });

  it('compileQuery gives the same answers as matchesQuery', () => {
    const all = [wang, ...others];
    for (const q of ['w', 'wjg', 'huang', '0028', '王', 'zz']) {
      const p = compileQuery(q);
      expect(all.map(p), q).toEqual(all.map((r) => matchesQuery(r, q)));
    }
  });
});

describe('narrows', () => {
  it('allows re-filtering a result only when no new row could match', () => {
    expect(narrows('', 'w')).toBe(true);
    expect(narrows('che', 'chen')).toBe(true);
    expect(narrows('c', 'ch')).toBe(true);
    expect(narrows('王', '王建')).toBe(true);
    expect(narrows('197', '1975')).toBe(true);
    // "ji" matches by prefix only; "jia" also matches inside the pinyin (wangjianguo).
    expect(narrows('ji', 'jia')).toBe(false);
    expect(narrows('13', '139')).toBe(false); // phone fragments count from three digits
    expect(narrows('chen', 'che')).toBe(false);
    expect(narrows('wang', 'wang1')).toBe(false);
  });

  it('agrees with a full scan on the rows it keeps', () => {
    const rows = ['王建国', '汪佳琪', '黄志强', '陈建华', '江佳'].map((n, i) => row(n, `44060619750312${String(i).padStart(3, '0')}X`, `1390228${i}234`));
    const pairs: Array<[string, string]> = [['jia', 'jian'], ['wan', 'wang'], ['440', '4406'], ['ji', 'jia'], ['139', '1390228']];
    for (const [a, b] of pairs) {
      const full = rows.filter(compileQuery(b));
      const narrowed = narrows(a, b) ? rows.filter(compileQuery(a)).filter(compileQuery(b)) : full;
      expect(narrowed, `${a} → ${b}`).toEqual(full);
    }
  });
});
