/** The ten 镇街 of 顺德区 (administrative division codes, prefix 440606). */
export const TOWNS = [
  { code: '440606005', name: '大良' },
  { code: '440606006', name: '容桂' },
  { code: '440606003', name: '伦教' },
  { code: '440606004', name: '勒流' },
  { code: '440606101', name: '陈村' },
  { code: '440606102', name: '北滘' },
  { code: '440606103', name: '乐从' },
  { code: '440606104', name: '龙江' },
  { code: '440606105', name: '杏坛' },
  { code: '440606106', name: '均安' },
] as const;

export type TownCode = (typeof TOWNS)[number]['code'];
export const TOWN_CODES = TOWNS.map((t) => t.code) as [TownCode, ...TownCode[]];

const byCode = new Map<string, string>(TOWNS.map((t) => [t.code, t.name]));
export function townName(code: string | undefined): string {
  return (code && byCode.get(code)) || '';
}

/** Accepts "大良", "大良街道", "勒流镇", or the code itself. */
export function townCodeFrom(text: string): TownCode | undefined {
  const t = text.trim().replace(/(街道|街道办事处|镇)$/, '');
  const hit = TOWNS.find((x) => x.name === t || x.code === t);
  return hit?.code;
}
