/**
 * The worker pool from source (as vitest and tsx run it) and from the compiled output (as the
 * Electron app runs it): a task gives the same answer as in this thread, reports progress, keeps
 * an AppError's code and Chinese message, and a cancelled task ends with 已取消.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/define.js';
import { buildDemoDocument } from '../demo/generate.js';
import { exportRoster } from '../importer/export.js';
import { previewFile } from '../importer/preview.js';
import { messyRosterBytes } from '../../tests/fixtures/roster.js';
import { closeIdleWorkers, runInWorker, type Progress } from './pool.js';

afterAll(() => closeIdleWorkers());

const bytesOf = (b: Buffer) => new Uint8Array(b);

describe('worker pool (from source)', () => {
  it('reads a 花名册 in a worker exactly as this thread would, reporting 读取 then 校验', async () => {
    const file = messyRosterBytes();
    const seen: Progress[] = [];
    const inWorker = await runInWorker('import.preview', { bytes: bytesOf(file), fileName: '花名册.xlsx', opts: {} }, {
      bulk: { villages: [], cadres: [] },
      onProgress: (p) => seen.push(p),
    });
    const here = previewFile(file, '花名册.xlsx', {}, { villages: [], cadres: [] });
    expect(inWorker).toEqual(here);
    expect(inWorker.refused.length).toBeGreaterThan(0);
    expect(seen[0].stage).toBe('读取');
    expect(seen.at(-1)).toMatchObject({ stage: '校验', done: seen.at(-1)!.total });
  });

  it('hands a refusal back with its code and Chinese message', async () => {
    // A zip that is not a workbook: the reader's own refusal.
    const notExcel = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]);
    const err = await runInWorker('import.preview', { bytes: bytesOf(notExcel), fileName: '花名册.xlsx', opts: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'INVALID', message: expect.stringContaining('“花名册.xlsx”') });
  });

  it('a cancelled job ends with 已取消 (CANCELLED) and the next job still runs', async () => {
    const demo = buildDemoDocument({ cadres: 3000, seed: 3 });
    const roster = exportRoster(demo.cadres, demo.villages);
    const ctrl = new AbortController();
    const started = runInWorker('import.preview', { bytes: bytesOf(roster), fileName: 'big.xlsx', opts: {} }, {
      bulk: { villages: demo.villages, cadres: [] },
      signal: ctrl.signal,
      onProgress: () => ctrl.abort(),
    });
    const err = await started.catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CANCELLED', message: '已取消' });
    const again = await runInWorker('import.preview', { bytes: bytesOf(messyRosterBytes()), fileName: '花名册.xlsx', opts: {} });
    expect(again.sheet).toBe('花名册');
  });
});

describe('worker pool (built output, as the Electron app runs it)', () => {
  const out = mkdtempSync(join(tmpdir(), 'cadre-workers-dist-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs worker.js from the compiled files', { timeout: 240_000 }, () => {
    // Only what the pool reaches is compiled, with the app's own compiler settings.
    execFileSync(
      process.execPath,
      [resolve('node_modules/typescript/bin/tsc'), '--outDir', out, '--rootDir', '.', '--module', 'NodeNext', '--moduleResolution', 'NodeNext',
        '--target', 'ES2022', '--lib', 'ES2023', '--types', 'node', '--strict', '--esModuleInterop', '--skipLibCheck', '--resolveJsonModule',
        'electron/workers/pool.ts', 'electron/workers/worker.ts'],
      { stdio: 'pipe' },
    );
    const pool = pathToFileURL(join(out, 'electron/workers/pool.js')).href;
    const script = `
      import { runInWorker, closeIdleWorkers } from ${JSON.stringify(pool)};
      import { readFileSync } from 'node:fs';
      const bytes = new Uint8Array(readFileSync(${JSON.stringify(join(out, 'roster.xlsx'))}));
      const p = await runInWorker('import.preview', { bytes, fileName: '花名册.xlsx', opts: {} });
      await closeIdleWorkers();
      console.log(JSON.stringify({ sheet: p.sheet, refused: p.refused.length, accepted: p.accepted.length }));
    `;
    writeFileSync(join(out, 'roster.xlsx'), messyRosterBytes());
    // The compiled files import 'xlsx' etc.: resolve them from this checkout's node_modules.
    execFileSync('ln', ['-s', resolve('node_modules'), join(out, 'node_modules')]);
    execFileSync('cp', [resolve('package.json'), join(out, 'package.json')]);
    writeFileSync(join(out, 'run.mjs'), script);
    const printed = execFileSync(process.execPath, [join(out, 'run.mjs')], { cwd: out, encoding: 'utf8' });
    const here = previewFile(messyRosterBytes(), '花名册.xlsx', {}, { villages: [], cadres: [] });
    expect(JSON.parse(printed.trim())).toEqual({ sheet: '花名册', refused: here.refused.length, accepted: here.accepted.length });
  });
});
