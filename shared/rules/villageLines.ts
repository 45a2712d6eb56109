/**
 * Quick bulk entry of villages without a spreadsheet: one per line, "镇街 名称 类型".
 * The type may be left out; a name ending in 社区 is then a 社区, anything else a 村.
 * Pure, so the form previews exactly what the handler will create.
 */
import { townCodeFrom, townName, type TownCode } from '../domain/towns.js';

export interface VillageLine {
  line: number;
  townCode: TownCode;
  name: string;
  kind: '村' | '社区';
}

export interface VillageLineError {
  line: number;
  text: string;
  message: string;
}

export interface ParsedVillageLines {
  rows: VillageLine[];
  errors: VillageLineError[];
}

/** `existing`: live villages already in the vault, to refuse duplicates up front. */
export function parseVillageLines(text: string, existing: readonly { townCode: string; name: string }[] = []): ParsedVillageLines {
  const taken = new Set(existing.map((v) => `${v.townCode}|${v.name}`));
  const seen = new Map<string, number>();
  const rows: VillageLine[] = [];
  const errors: VillageLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const fail = (message: string) => errors.push({ line, text: trimmed, message: `第 ${line} 行：${message}` });
    const parts = trimmed.split(/[\s\u3000,，、\t]+/).filter(Boolean);
    if (parts.length < 2) return fail('应写成“镇街 名称 类型”，例如“杏坛 逢简村 村”');
    if (parts.length > 3) return fail(`多了“${parts.slice(3).join(' ')}”，名称中间不要有空格`);
    const [townText, name, kindText] = parts;
    const townCode = townCodeFrom(townText);
    if (!townCode) return fail(`镇街“${townText}”不是顺德区的十个镇街之一`);
    if (name.length > 40) return fail('名称不能超过 40 个字');
    let kind: '村' | '社区';
    if (kindText === undefined) kind = name.endsWith('社区') ? '社区' : '村';
    else if (kindText === '村' || kindText === '村委会') kind = '村';
    else if (kindText === '社区' || kindText === '居委会') kind = '社区';
    else return fail(`类型“${kindText}”应为 村 或 社区`);
    const key = `${townCode}|${name}`;
    if (taken.has(key)) return fail(`${townName(townCode)}已有“${name}”`);
    const earlier = seen.get(key);
    if (earlier !== undefined) return fail(`与第 ${earlier} 行重复`);
    seen.set(key, line);
    rows.push({ line, townCode, name, kind });
  });
  return { rows, errors };
}
