/**
 * Does the app still answer while it works? Through the browser-mode bridge (real HTTP, as the
 * page calls it), `vault.status` is polled every 50 ms while one long call runs:
 *   preview  — a 10 000-row 花名册 `import.preview`
 *   save     — a save of a 50 000-cadre vault (`import.saveTemplate`, which saves the whole document)
 *   pdf      — `print.rmbPdf` of 100 审批表 (headless Chromium engine)
 * Reported: the worst and median wait of the small call, and how long the long call took.
 * Target (issue 12): worst wait ≤ 250 ms each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { exportRoster } from '../../electron/importer/export.js';
import { closePdfBrowser } from '../../electron/print/pdf.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';
import { callFromThread, pollDuring, type PollReport } from '../fixtures/poller.js';

export const name = 'responsiveness';

const TARGET_MS = 250;

async function call(bridge: Bridge, method: string, input: unknown = {}): Promise<unknown> {
  const res = await fetch(`${bridge.url}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cadre-token': bridge.token },
    body: JSON.stringify({ method, input }),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

async function withBridge<T>(doc: VaultDocument, fn: (b: Bridge) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-resp-'));
  const bridge = await startBridge({ rendererDir: dir, vaultPath: join(dir, 'v.cdv') });
  try {
    const vault = await OpenVault.create(join(dir, 'v.cdv'), 'bench-password-1', doc);
    bridge.app.open(new Session(vault, '基准测试'));
    return await fn(bridge);
  } finally {
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What handing a 50 000-cadre document to a worker costs this thread: every slice is cloned
 * (serialized) synchronously by postMessage. Total, and the longest single slice (the longest
 * this thread is busy in one go).
 */
function cloneCost(doc: VaultDocument, slice = 500) {
  const { port1, port2 } = new MessageChannel();
  let total = 0;
  let worst = 0;
  for (const k of Object.keys(doc)) {
    const v = (doc as unknown as Record<string, unknown>)[k];
    const list = Array.isArray(v) ? (v as unknown[]) : null;
    const parts: unknown[] = list ? Array.from({ length: Math.ceil(list.length / slice) }, (_, i) => list.slice(i * slice, (i + 1) * slice)) : [v];
    for (const part of parts) {
      const t = performance.now();
      port1.postMessage(part);
      const d = performance.now() - t;
      total += d;
      worst = Math.max(worst, d);
    }
  }
  port1.close();
  port2.close();
  const t = performance.now();
  structuredClone(doc.cadres);
  return { sliceItems: slice, totalMs: Math.round(total), worstSliceMs: Math.round(worst), wholeCadreListInOneCloneMs: Math.round(performance.now() - t) };
}

export async function run(): Promise<Record<string, unknown>> {
  const machine = { cpus: cpus().length, loadAvgAtStart: loadavg().map((x) => +x.toFixed(1)) };

  const demo10k = buildDemoDocument({ cadres: 10_000, seed: 5 });
  const roster = exportRoster(demo10k.cadres, demo10k.villages).toString('base64');
  const small = emptyDocument();
  small.villages = demo10k.villages;
  const preview10k = await withBridge(small, async (b) => {
    const preview = await callFromThread(b.url, b.token, 'import.preview', { fileName: '花名册.xlsx', base64: roster });
    return pollDuring(b.url, b.token, preview.start);
  });

  const doc50k = buildDemoDocument({ cadres: 50_000, seed: 2023 });
  const handOver50k = cloneCost(doc50k);
  const save50k = await withBridge(doc50k, async (b) => {
    const save = await callFromThread(b.url, b.token, 'import.saveTemplate', { name: '基准', mapping: { A: 'name' } });
    return pollDuring(b.url, b.token, save.start);
  });

  let pdf100: PollReport;
  try {
    pdf100 = await withBridge(buildDemoDocument({ cadres: 100, seed: 7 }), async (b) => {
      const doc = b.app.requireSession().doc;
      const ids = doc.cadres.slice(0, 100).map((c) => c.id);
      await call(b, 'print.rmbPdf', { ids: ids.slice(0, 1) }); // Chromium started: measure the work, not the launch
      const pdf = await callFromThread(b.url, b.token, 'print.rmbPdf', { ids });
      return pollDuring(b.url, b.token, pdf.start);
    });
  } finally {
    await closePdfBrowser();
  }
  const met = (r: { worstWaitMs: number }) => ({ ...r, targetMet: r.worstWaitMs <= TARGET_MS });
  return { machine, preview10k: met(preview10k), save50k: met(save50k), pdf100: met(pdf100), handOver50k, targetMs: TARGET_MS, loadAvgAtEnd: loadavg().map((x) => +x.toFixed(1)) };
}
