/**
 * Vault figures at 20 000 and 50 000 synthetic cadres (示例 data from buildDemoDocument):
 *   unlock   = read + scrypt + decrypt + JSON.parse + migrate, the full OpenVault.open
 *   save     = JSON.stringify + encrypt + temp write + fsync + rename + fsync(dir), OpenVault.save
 *   plain    = JSON.stringify + writeFileSync + fsync of the same document, no encryption
 * Saves and plain writes are interleaved and medians reported, so a busy machine hurts both alike.
 * Targets (issue 3): unlock ≤ 1 s at 50k; save ≤ 1.25 × plain.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoDocument } from '../../electron/demo/generate.js';
import { writeFileAtomic } from '../../electron/vault/atomicWrite.js';
import { deriveMasterKey, encodeVaultParts, readHeader } from '../../electron/vault/format.js';
import { OpenVault, readVaultFile } from '../../electron/vault/vault.js';

export const name = 'vault';

const PASSWORD = 'bench-password-2026';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => Math.round(x);
function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function plainWrite(path: string, doc: unknown): void {
  const text = JSON.stringify(doc);
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Wall time and CPU time (all threads, so scrypt's pool thread counts) of one call. */
async function clock(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

async function measure(cadres: number, dir: string, rounds: number) {
  const doc = buildDemoDocument({ cadres, seed: 2023 });
  const path = join(dir, `vault-${cadres}.cdv`);
  const plainPath = join(dir, `plain-${cadres}.json`);
  const vault = await OpenVault.create(path, PASSWORD, doc); // first write; later saves are steady-state
  const kdf = readHeader(readVaultFile(path)).header.kdf;
  const master = await deriveMasterKey(PASSWORD, kdf);
  const phase = { stringify: [] as number[], encrypt: [] as number[], atomicWrite: [] as number[], plainIO: [] as number[] };
  const save: number[] = [];
  const saveCpu: number[] = [];
  const plain: number[] = [];
  const plainCpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // The whole operations, interleaved.
    const s = await clock(() => vault.save());
    save.push(s.wall);
    saveCpu.push(s.cpu);
    const p = await clock(() => plainWrite(plainPath, doc));
    plain.push(p.wall);
    plainCpu.push(p.cpu);
    // The same work in phases, to see where a gap comes from.
    let text = '';
    let parts: Buffer[] = [];
    phase.stringify.push(timed(() => (text = JSON.stringify(doc))));
    phase.encrypt.push(timed(() => (parts = encodeVaultParts(text, master, kdf)))); // includes UTF-8 encoding, as plainIO does
    phase.atomicWrite.push(timed(() => writeFileAtomic(join(dir, 'phase.cdv'), parts)));
    phase.plainIO.push(
      timed(() => {
        const fd = openSync(plainPath, 'w', 0o600);
        writeSync(fd, text);
        fsyncSync(fd);
        closeSync(fd);
      }),
    );
  }
  const snapshot = timed(() => vault.backup(3));
  vault.close();

  const scrypt: number[] = [];
  const unlock: number[] = [];
  const unlockCpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    scrypt.push((await clock(() => deriveMasterKey(PASSWORD, kdf))).wall);
    const u = await clock(async () => (await OpenVault.open(path, PASSWORD)).close());
    unlock.push(u.wall);
    unlockCpu.push(u.cpu);
  }
  const unlockMs = median(unlock);
  const saveMs = median(save);
  const plainMs = median(plain);
  const med = Object.fromEntries(Object.entries(phase).map(([k, v]) => [`${k}Ms`, ms(median(v))]));
  return {
    cadres,
    vaultMB: +(statSync(path).size / 1e6).toFixed(1),
    plainJsonMB: +(statSync(plainPath).size / 1e6).toFixed(1),
    unlockMs: ms(unlockMs),
    unlockCpuMs: ms(median(unlockCpu)),
    unlockParts: { scryptMs: ms(median(scrypt)), readDecryptParseMigrateMs: ms(unlockMs - median(scrypt)) },
    saveMs: ms(saveMs),
    saveCpuMs: ms(median(saveCpu)),
    plainWriteMs: ms(plainMs),
    ratio: +(saveMs / plainMs).toFixed(2),
    // Best runs and CPU time: less at the mercy of other processes on a shared machine.
    ratioOfBest: +(Math.min(...save) / Math.min(...plain)).toFixed(2),
    plainCpuMs: ms(median(plainCpu)),
    ratioCpu: +(median(saveCpu) / median(plainCpu)).toFixed(2),
    unlockBestMs: ms(Math.min(...unlock)),
    phases: med,
    phaseRatio: +((med.stringifyMs + med.encryptMs + med.atomicWriteMs) / (med.stringifyMs + med.plainIOMs)).toFixed(2),
    snapshotMs: ms(snapshot),
    unlockTargetMet: cadres < 50_000 ? undefined : unlockMs <= 1000,
    saveTargetMet: saveMs <= 1.25 * plainMs,
    samples: { unlock: unlock.map(ms), save: save.map(ms), plain: plain.map(ms) },
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-'));
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, loadAvgAtStart: loadavg().map((x) => +x.toFixed(1)), node: process.version };
  try {
    const at20k = await measure(20_000, dir, 5);
    const at50k = await measure(50_000, dir, 5);
    return { machine, at20k, at50k, loadAvgAtEnd: loadavg().map((x) => +x.toFixed(1)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
