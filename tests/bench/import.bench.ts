/**
 * 10k-row 花名册: parse → validate → commit (one encrypted save), target ≤ 3 s in total;
 * and 100 LRMX files in one import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDocument } from '../../shared/domain/document.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { commitBatch } from '../../electron/importer/batch.js';
import { exportRoster } from '../../electron/importer/export.js';
import { previewFile } from '../../electron/importer/preview.js';
import { importLrmxFiles } from '../../electron/lrmx/importFiles.js';
import { serializeLrmx } from '../../electron/lrmx/lrmx.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { fullCadre } from '../fixtures/lrmx.js';

export const name = 'import';

const secs = (ms: number) => Math.round(ms) / 1000;
/** CPU seconds of this process: on a shared, busy machine wall time alone says little. */
const cpu = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-import-'));
  try {
    const demo = buildDemoDocument({ cadres: 10_000, seed: 5 });
    const roster = exportRoster(demo.cadres, demo.villages);
    const doc = emptyDocument();
    doc.villages = demo.villages;
    const vault = await OpenVault.create(join(dir, 'v.cdv'), 'bench-password-1', doc);
    const session = new Session(vault, '基准测试');

    let c0 = process.cpuUsage();
    let t = performance.now();
    const p = previewFile(roster, 'bench.xlsx', {}, { villages: session.doc.villages, cadres: session.doc.cadres });
    const parseValidate = performance.now() - t;
    const parseValidateCpu = cpu(c0);
    const rows = [...p.accepted, ...p.warned].map((r) => ({ row: r.row, data: r.data }));
    c0 = process.cpuUsage();
    t = performance.now();
    await commitBatch(session, { fileName: 'bench.xlsx', kind: 'xlsx', create: rows, update: [] });
    const commit = performance.now() - t;
    const commitCpu = cpu(c0);

    const files = Array.from({ length: 100 }, (_, i) => ({ fileName: `${i}.lrmx`, bytes: serializeLrmx(fullCadre(100 + i)) }));
    t = performance.now();
    const plan = importLrmxFiles(files, session.doc.cadres, 'skip');
    await commitBatch(session, { fileName: '100 个 LRMX', kind: 'lrmx', create: plan.create, update: [] });
    const lrmx = performance.now() - t;
    vault.close();
    return {
      rosterRows: demo.cadres.length,
      rosterBytes: roster.length,
      accepted: rows.length,
      refused: p.refused.length,
      parseValidateSeconds: secs(parseValidate),
      commitSeconds: secs(commit),
      totalSeconds: secs(parseValidate + commit),
      parseValidateCpuSeconds: Math.round(parseValidateCpu * 1000) / 1000,
      commitCpuSeconds: Math.round(commitCpu * 1000) / 1000,
      loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
      targetSeconds: 3,
      lrmxFiles: files.length,
      lrmxCreated: plan.create.length,
      lrmxImportSeconds: secs(lrmx),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
