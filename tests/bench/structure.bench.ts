/**
 * 示例 generator and 结构分析 at 50 000 cadres:
 *   generateMs = buildDemoDocument (what 载入示例数据 and every other benchmark start from)
 *   analyzeMs  = analyzeStructure over the whole district (the analysis.structure handler), median and p95 of 20 runs
 *   docMB      = size of the generated document as JSON (what the vault encrypts)
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { analyzeStructure } from '../../shared/rules/structure.js';

export const name = 'structure';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number) => Math.round(x * 10) / 10;

export function run(): Record<string, unknown> {
  const t0 = performance.now();
  const doc = buildDemoDocument({ cadres: 50_000, seed: 1 });
  const generateMs = performance.now() - t0;
  const times: number[] = [];
  let members = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    members = analyzeStructure(doc.cadres, doc.villages, '2026.06.01').district.members;
    times.push(performance.now() - t);
  }
  return {
    cadres: doc.cadres.length,
    villages: doc.villages.length,
    teamMembers: members,
    generateMs: round(generateMs),
    analyzeMedianMs: round(pct(times, 0.5)),
    analyzeP95Ms: round(pct(times, 0.95)),
    docMB: round(Buffer.byteLength(JSON.stringify(doc)) / 1e6),
  };
}
