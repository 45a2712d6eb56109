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
import { Worker } from 'node:worker_threads';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { exportRoster } from '../../electron/importer/export.js';
import { closePdfBrowser } from '../../electron/print/pdf.js';
import { Session } from '../../electron/store/session.js';
import { OpenVault } from '../../electron/vault/vault.js';
import { emptyDocument, type VaultDocument } from '../../shared/domain/document.js';

export const name = 'responsiveness';

const POLL_MS = 50;
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

/**
 * Polls `vault.status` every 50 ms while `long` runs. The poller lives in its own thread: in this
 * process the bridge and the bench share one event loop, so a poller here would stop its own
 * clock whenever the bridge blocks and never see the wait.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, every } = workerData;
const waits = [];
let pending = 0;
let stopping = false;
const once = async () => {
  pending++;
  const t = performance.now();
  const res = await fetch(url + 'api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cadre-token': token },
    body: JSON.stringify({ method: 'vault.status', input: {} }),
  });
  await res.json();
  waits.push(performance.now() - t);
  pending--;
  if (stopping && pending === 0) parentPort.postMessage(waits);
};
const timer = setInterval(once, every);
parentPort.on('message', () => {
  clearInterval(timer);
  stopping = true;
  if (pending === 0) parentPort.postMessage(waits);
});
`;

export async function pollDuring(bridge: Bridge, long: () => Promise<unknown>) {
  const poller = new Worker(POLLER, { eval: true, workerData: { url: bridge.url, token: bridge.token, every: POLL_MS } });
  const done = new Promise<number[]>((r) => poller.once('message', r));
  await new Promise((r) => setTimeout(r, 2 * POLL_MS));
  const t = performance.now();
  try {
    await long();
  } finally {
    poller.postMessage('stop');
  }
  const longMs = performance.now() - t;
  const waits = await done;
  await poller.terminate();
  const sorted = [...waits].sort((a, b) => a - b);
  return {
    longCallMs: Math.round(longMs),
    polls: waits.length,
    worstWaitMs: Math.round(sorted.at(-1) ?? 0),
    medianWaitMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    over250: waits.filter((w) => w > TARGET_MS).length,
    targetMet: (sorted.at(-1) ?? 0) <= TARGET_MS,
  };
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

export async function run(): Promise<Record<string, unknown>> {
  const machine = { cpus: cpus().length, loadAvgAtStart: loadavg().map((x) => +x.toFixed(1)) };

  const demo10k = buildDemoDocument({ cadres: 10_000, seed: 5 });
  const roster = exportRoster(demo10k.cadres, demo10k.villages).toString('base64');
  const small = emptyDocument();
  small.villages = demo10k.villages;
  const preview10k = await withBridge(small, (b) =>
    pollDuring(b, () => call(b, 'import.preview', { fileName: '花名册.xlsx', base64: roster })),
  );

  const save50k = await withBridge(buildDemoDocument({ cadres: 50_000, seed: 2023 }), (b) =>
    pollDuring(b, () => call(b, 'import.saveTemplate', { name: '基准', mapping: { A: 'name' } })),
  );

  let pdf100: Record<string, unknown>;
  try {
    pdf100 = await withBridge(buildDemoDocument({ cadres: 100, seed: 7 }), async (b) => {
      const doc = b.app.requireSession().doc;
      const ids = doc.cadres.slice(0, 100).map((c) => c.id);
      await call(b, 'print.rmbPdf', { ids: ids.slice(0, 1) }); // Chromium started: measure the work, not the launch
      return pollDuring(b, () => call(b, 'print.rmbPdf', { ids }));
    });
  } finally {
    await closePdfBrowser();
  }
  return { machine, preview10k, save50k, pdf100, targetMs: TARGET_MS, loadAvgAtEnd: loadavg().map((x) => +x.toFixed(1)) };
}
