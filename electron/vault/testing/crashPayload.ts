/**
 * The content the crash test's writer puts in save number n: big enough (~200 KB) that a kill
 * often lands mid-write, and derived from n so a reader can tell a whole state from a torn one.
 */
export function payloadFor(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 2000; i++) out[`k${i}`] = `${n}:${i}:${'档案'.repeat(20)}`;
  return out;
}
