/** 计算年龄时间 as officials write it: this month ("2026.11") by default. */
export function defaultRefMonth(now = new Date()): string {
  return `${now.getFullYear()}.${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function isRefDate(s: string): boolean {
  return /^\d{4}\.(0[1-9]|1[0-2])(\.(0[1-9]|[12]\d|3[01]))?$/.test(s);
}
