/**
 * Word speed: 100 干部任免审批表 in one .docx (示例 cadres with the fixture photo), and one.
 * Target: 100 cadres ≤ 5 s.
 */
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { rmbDocx } from '../../electron/docx/rmbDocx.js';
import { fullCadre, photoBase64 } from '../fixtures/print/fullCadre.js';

export const name = 'docx';

const opts = { refDate: '2026.11', familyColumn: '出生年月' as const, font: '宋体' as const };

export async function run(): Promise<Record<string, unknown>> {
  let t = performance.now();
  await rmbDocx([fullCadre()], opts);
  const oneColdMs = Math.round(performance.now() - t);
  const photo = photoBase64();
  const cadres = buildDemoDocument({ cadres: 100, seed: 7 }).cadres.slice(0, 100).map((c) => ({ ...c, photo }));
  t = performance.now();
  const cpu = process.cpuUsage();
  const r = await rmbDocx(cadres, opts);
  const hundredMs = Math.round(performance.now() - t);
  // CPU time as well as wall time: on a busy machine the wall clock mostly measures the neighbours.
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  return { oneCadreColdMs: oneColdMs, hundred: { cadres: cadres.length, bytes: r.bytes.length, ms: hundredMs, cpuMs, targetMs: 5000, ok: hundredMs <= 5000 } };
}
