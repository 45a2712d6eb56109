/** 批量导出任免审批表: time to build the .zip for one 镇街's worth and for the 5 000 cap, on 示例 data. */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { MAX_LRMX_PER_ZIP, buildLrmxZip } from '../../electron/lrmx/exportMany.js';

export const name = 'lrmxExportMany';

function time(count: number) {
  const doc = buildDemoDocument({ cadres: count, seed: 20231 });
  const cadres = doc.cadres.slice(0, count);
  const t = performance.now();
  const zip = buildLrmxZip(cadres, doc.villages, { date: '2026.11.25', demo: true });
  return { cadres: cadres.length, ms: Math.round(performance.now() - t), zipBytes: zip.bytes.length };
}

export function run(): Record<string, unknown> {
  return { town500: time(500), cap: time(MAX_LRMX_PER_ZIP) };
}
