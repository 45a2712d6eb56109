import { describe, expect, it } from 'vitest';
import { parseVillageLines } from './villageLines.js';

describe('parseVillageLines', () => {
  it('reads town, name and type, inferring the type from the name when left out', () => {
    const r = parseVillageLines('杏坛 逢简村 村\n\n乐从镇，水藤村\n大良街道 金榜社区\n容桂 马东 社区');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, townCode: '440606105', name: '逢简村', kind: '村' },
      { line: 3, townCode: '440606103', name: '水藤村', kind: '村' },
      { line: 4, townCode: '440606005', name: '金榜社区', kind: '社区' },
      { line: 5, townCode: '440606006', name: '马东', kind: '社区' },
    ]);
  });

  it('names the line and the problem', () => {
    const r = parseVillageLines('佛山 某村\n杏坛\n杏坛 逢简村 镇\n杏坛 逢简村\n杏坛 逢简村', [{ townCode: '440606103', name: '水藤村' }]);
    expect(r.errors.map((e) => e.message)).toEqual([
      '第 1 行：镇街“佛山”不是顺德区的十个镇街之一',
      '第 2 行：应写成“镇街 名称 类型”，例如“杏坛 逢简村 村”',
      '第 3 行：类型“镇”应为 村 或 社区',
      '第 5 行：与第 4 行重复',
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([4]);
  });

  it('refuses a village the vault already has in the same town, not in another town', () => {
    const r = parseVillageLines('乐从 水藤村\n杏坛 水藤村', [{ townCode: '440606103', name: '水藤村' }]);
    expect(r.errors.map((e) => e.message)).toEqual(['第 1 行：乐从已有“水藤村”']);
    expect(r.rows).toHaveLength(1);
  });
});
