/**
 * Crash mid-save: a child process saves the vault in a loop and is killed with SIGKILL at a
 * random moment, 100 times. After every kill the vault must open to a whole state: the last one
 * the child reported saved, or the one it was writing — never a torn mix, never unreadable.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/domain/document.js';
import { backupDir, listBackups } from './backups.js';
import { decodeVault, deriveMasterKey, readHeader } from './format.js';
import { OpenVault } from './vault.js';
import { decodePayload } from './payload.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { payloadFor } from './testing/crashPayload.js';

const ROUNDS = 100;
const WORKER_ROUNDS = 40;
const child = resolve('electron/vault/testing/vaultChild.ts');
let dir: string;
let path: string;
let masterHex: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-crash-'));
  path = join(dir, 'vault.cdv');
  const doc = emptyDocument();
  doc.meta.createdAt = 'crash#0';
  doc.importTemplates = [{ name: 'round-0', mapping: payloadFor(0) }];
  (await OpenVault.create(path, 'crash-test-pass', doc)).close();
  masterHex = (await deriveMasterKey('crash-test-pass', readHeader(readFileSync(path)).header.kdf)).toString('hex');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs one writer and kills it; resolves with its last reported save.
 * `timing` is how the kill is aimed:
 * - a number: that many ms after the writer is ready (anywhere in its save loop);
 * - 'lateInCycle': after a save is reported, at 50–100 % of the time one save takes (measured
 *   from the reports so far). A worker save spends most of its cycle handing the document over
 *   and encrypting, and writes its temp file only at the end: kills timed at random missed the
 *   write in all 40 rounds of one clean run, so these are aimed at the end of the cycle.
 */
function killedWriter(mode: string, timing: number | 'lateInCycle'): Promise<{ lastSaved: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, mode, path, masterHex], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    const savedAt: number[] = [];
    p.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (armed) return;
      if (timing !== 'lateInCycle') {
        if (stdout.includes('ready\n')) {
          armed = true;
          setTimeout(() => p.kill('SIGKILL'), timing);
        }
        return;
      }
      if (!stdout.includes('ready\n')) return;
      const after = stdout.slice(stdout.indexOf('ready\n'));
      const reports = after.match(/^saved \d+$/gm)?.length ?? 0;
      while (savedAt.length < reports) savedAt.push(performance.now());
      if (savedAt.length >= 3) {
        armed = true;
        const cycle = (savedAt[savedAt.length - 1] - savedAt[0]) / (savedAt.length - 1);
        setTimeout(() => p.kill('SIGKILL'), cycle * (0.5 + Math.random() * 0.5));
      }
    });
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    p.on('error', fail);
    p.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return fail(new Error(`writer ended by itself (code ${code}): ${stderr || stdout}`));
      const saved = [...stdout.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
      done({ lastSaved: saved.length ? saved[saved.length - 1] : null, stdout });
    });
  });
}

/**
 * The app saves in a worker thread (saveInBackground); the CLI and tools save on their own thread.
 * Worker-thread writers start a worker per process (from source, ~1–3 s on a busy machine), so
 * they get fewer rounds.
 */
it.each([
  ['same-thread saves', 'saveLoop', ROUNDS],
  ['worker-thread saves', 'saveLoopWorker', WORKER_ROUNDS],
])('the vault always opens to the old or the new whole state (%s: %s, %i SIGKILLs)', { timeout: 400_000 }, async (_label, mode, rounds) => {
  const master = Buffer.from(masterHex, 'hex');
  let onDisk = Number((decodePayload(decodeVault(readFileSync(path), master).plaintext) as VaultDocument).meta.createdAt.split('#')[1]);
  let tornWrites = 0;
  let killedBeforeAnySave = 0;
  for (let round = 0; round < rounds; round++) {
    const { lastSaved } = await killedWriter(mode, mode === 'saveLoopWorker' ? 'lateInCycle' : Math.floor(Math.random() * 80));
    if (lastSaved === null) killedBeforeAnySave++;
    const reported = lastSaved ?? onDisk;
    // A temp file left behind means the kill landed between creating and renaming it.
    if (readdirSync(dir).some((n) => n.endsWith('.tmp'))) tornWrites++;

    const doc = decodePayload(decodeVault(readFileSync(path), master).plaintext) as VaultDocument;
    const n = Number(String(doc.meta.createdAt).split('#')[1]);
    expect([reported, reported + 1], `round ${round}: disk has save ${n}, writer had reported ${reported}`).toContain(n);
    expect(doc.importTemplates[0].name).toBe(`round-${n}`);
    expect(doc.importTemplates[0].mapping).toEqual(payloadFor(n));
    onDisk = n;
  }
  console.log(`[crash] ${mode}: ${rounds} kills: ${tornWrites} left a half-written temp file, ${killedBeforeAnySave} before the first save completed; final save #${onDisk}`);
  // Proof the kills really hit mid-write, so the test is not passing by luck of timing.
  expect(tornWrites).toBeGreaterThan(0);

  // Every verified snapshot that survived the kills still opens.
  for (const b of listBackups(path)) decodeVault(readFileSync(join(backupDir(path), b.file)), master);
  // The next opener sweeps the dead writers' temp files and takes over their stale lock.
  const v = OpenVault.openWithKey(path, readFileSync(path), Buffer.from(master), readHeader(readFileSync(path)).header.kdf);
  expect(v.readOnly).toBe(false);
  v.close();
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  expect(readdirSync(backupDir(path)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
