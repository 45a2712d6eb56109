/** A hint, not a gate: length and character classes, in the words the setup screen shows. */
export function passwordStrength(pw: string): { score: 0 | 1 | 2 | 3; label: string } {
  if (pw.length < 8) return { score: 0, label: '太短（至少 8 位）' };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (pw.length >= 12 && classes >= 3) return { score: 3, label: '强' };
  if (pw.length >= 10 && classes >= 2) return { score: 2, label: '中' };
  return { score: 1, label: '弱（建议 12 位以上并混合字母、数字、符号）' };
}
