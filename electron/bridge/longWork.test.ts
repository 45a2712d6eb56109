/**
 * Browser mode while a 10 000-row 花名册 is read: other calls are still answered, the event
 * stream carries the job's progress, and 取消 (job.cancel) stops it with 已取消.
 *
 * The hard figure (worst wait ≤ 250 ms) is in `npm run bench` (responsiveness): on a shared
 * 2-core test machine a scheduler hiccup alone can exceed it. This test holds a looser bound,
 * 1 000 ms, which reading the file on the answering thread broke by seconds (4.1 s measured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract/index.js';
import { emptyDocument } from '../../shared/domain/document.js';
import { callFromThread, pollDuring } from '../../tests/fixtures/poller.js';
import { buildDemoDocument } from '../demo/generate.js';
import { exportRoster } from '../importer/export.js';
import { Session } from '../store/session.js';
import { OpenVault } from '../vault/vault.js';
import { closeIdleWorkers } from '../workers/pool.js';
import { startBridge, type Bridge } from './server.js';

const LOOSE_BOUND_MS = 1000;

let dir = '';
let bridge: Bridge;
let roster = '';
const events: AppEvent[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-longwork-'));
  bridge = await startBridge({ rendererDir: dir, vaultPath: join(dir, 'v.cdv') });
  const demo = buildDemoDocument({ cadres: 10_000, seed: 5 });
  roster = exportRoster(demo.cadres, demo.villages).toString('base64');
  const doc = emptyDocument();
  doc.villages = demo.villages;
  bridge.app.open(new Session(await OpenVault.create(join(dir, 'v.cdv'), 'test-password-1', doc), '测试员'));
  bridge.app.events.on('event', (e: AppEvent) => events.push(e));
}, 120_000);

afterAll(async () => {
  await bridge?.close();
  await closeIdleWorkers();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, input: unknown) {
  const res = await fetch(`${bridge.url}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cadre-token': bridge.token },
    body: JSON.stringify({ method, input }),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

describe('a 10 000-row 花名册 preview in browser mode', () => {
  it('leaves vault.status answered (polled every 50 ms) and streams its progress', { timeout: 180_000 }, async () => {
    events.length = 0;
    const preview = await callFromThread(bridge.url, bridge.token, 'import.preview', { fileName: '花名册.xlsx', base64: roster, job: 'preview-10k' });
    const r = await pollDuring(bridge.url, bridge.token, preview.start);
    console.log(`[longWork] 10k preview ${r.longCallMs} ms; vault.status worst ${r.worstWaitMs} ms, median ${r.medianWaitMs} ms over ${r.polls} polls`);
    expect(r.polls).toBeGreaterThan(5);
    expect(r.worstWaitMs).toBeLessThanOrEqual(LOOSE_BOUND_MS);

    const progress = events.filter((e) => e.type === 'progress' && e.job === 'preview-10k');
    expect(progress.map((e) => e.type === 'progress' && e.stage)).toContain('读取');
    const checking = progress.filter((e) => e.type === 'progress' && e.stage === '校验');
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.at(-1)).toMatchObject({ done: 10_000, total: 10_000 });
  });

  it('取消: job.cancel stops the read, which answers 已取消', { timeout: 180_000 }, async () => {
    events.length = 0;
    const pending = call('import.preview', { fileName: '花名册.xlsx', base64: roster, job: 'preview-cancel' });
    while (!events.some((e) => e.type === 'progress' && e.job === 'preview-cancel')) await new Promise((r) => setTimeout(r, 20));
    expect(await call('job.cancel', { job: 'preview-cancel' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await pending).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消' } });
    // Nothing is left running under that name.
    expect(await call('job.cancel', { job: 'preview-cancel' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('取消 pressed before the read reached this side still stops it when it arrives', { timeout: 180_000 }, async () => {
    expect(await call('job.cancel', { job: 'preview-early' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await call('import.preview', { fileName: '花名册.xlsx', base64: roster, job: 'preview-early' })).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: '已取消' },
    });
  });
});
