import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeVault } from './format.js';
import { fsyncDir } from './atomicWrite.js';
import type { BackupInfo } from '../../shared/contract/vault.js';
import { AppError } from '../../shared/contract/define.js';

/** Backups live beside the vault in `<name>.backups/`, newest last by name. */
export function backupDir(vaultPath: string): string {
  return join(dirname(vaultPath), `${basename(vaultPath)}.backups`);
}

export function listBackups(vaultPath: string): BackupInfo[] {
  const dir = backupDir(vaultPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.cdv'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((file) => {
      const st = statSync(join(dir, file));
      return { file, at: st.mtime.toISOString(), bytes: st.size };
    });
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Copies the current vault into the backup folder after checking it decrypts, then keeps
 * only the newest `keep`. A vault that does not verify is never rotated in.
 */
export function snapshot(vaultPath: string, master: Buffer, keep: number): BackupInfo {
  const current = readFileSync(vaultPath);
  decodeVault(current, master); // throws if the file on disk is not good
  const dir = backupDir(vaultPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const existing = listBackups(vaultPath);
  const seq = String(existing.length ? Number(existing[existing.length - 1].file.split('-')[1] ?? 0) + 1 : 1).padStart(6, '0');
  const file = `${stamp()}-${seq}-vault.cdv`;
  copyFileSync(vaultPath, join(dir, file));
  fsyncDir(dir);
  const all = listBackups(vaultPath);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) unlinkSync(join(dir, old.file));
  const st = statSync(join(dir, file));
  return { file, at: st.mtime.toISOString(), bytes: st.size };
}

export function backupPath(vaultPath: string, file: string): string {
  if (file !== basename(file) || !file.endsWith('.cdv')) throw new AppError('INVALID', '备份文件名无效');
  return join(backupDir(vaultPath), file);
}
