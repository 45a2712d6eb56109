import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeVault } from './format.js';
import { decodePayload } from './payload.js';
import { fsyncDir, writeFileAtomic } from './atomicWrite.js';
import type { BackupInfo } from '../../shared/contract/vault.js';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { backupAttachmentFiles } from '../attachments/fileStore.js';

/** Backups live beside the vault in `<name>.backups/`. */
export function backupDir(vaultPath: string): string {
  return join(dirname(vaultPath), `${basename(vaultPath)}.backups`);
}

const BACKUP_NAME = /^\d{8}T\d{6}Z-(\d{6,})-vault\.cdv$/;
const seqOf = (file: string) => Number(BACKUP_NAME.exec(file)?.[1] ?? 0);

/** Oldest first. Ordered by sequence number, not time, so a clock set back cannot reorder them. */
export function listBackups(vaultPath: string): BackupInfo[] {
  const dir = backupDir(vaultPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
  } catch {
    return [];
  }
  return names.sort((a, b) => seqOf(a) - seqOf(b)).map((file) => {
    const st = statSync(join(dir, file));
    return { file, at: st.mtime.toISOString(), bytes: st.size };
  });
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Writes `bytes` as the newest backup (durably, 0600) and deletes all but the newest `keep`.
 * Callers decide what is good enough to keep; see `snapshot`.
 */
export function addBackup(vaultPath: string, bytes: Buffer, keep: number): BackupInfo {
  const dir = backupDir(vaultPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const existing = listBackups(vaultPath);
  const lastSeq = existing.length ? seqOf(existing[existing.length - 1].file) : 0;
  const file = `${stamp()}-${String(lastSeq + 1).padStart(6, '0')}-vault.cdv`;
  writeFileAtomic(join(dir, file), bytes);
  const all = listBackups(vaultPath);
  for (const b of all.slice(0, Math.max(0, all.length - keep))) unlinkSync(join(dir, b.file));
  fsyncDir(dir);
  const st = statSync(join(dir, file));
  return { file, at: st.mtime.toISOString(), bytes: st.size };
}

/**
 * Snapshots the vault file as it is on disk, after checking that exactly those bytes decrypt
 * and parse. A vault that does not verify is never rotated in (it would push out a good one).
 */
export function snapshot(vaultPath: string, master: Buffer, keep: number): BackupInfo {
  const current = readFileSync(vaultPath);
  const { plaintext } = decodeVault(current, master); // throws if the file on disk is not good
  let doc: Partial<VaultDocument>;
  try {
    doc = decodePayload(plaintext) as Partial<VaultDocument>;
  } catch {
    throw new AppError('DAMAGED', '当前档案库内容无法解析，未做备份');
  }
  // The files this state catalogues, each copied once (they never change), before the snapshot names them.
  backupAttachmentFiles(vaultPath, doc.attachments ?? [], doc.attachmentKey);
  // Unchanged since a backup already kept (e.g. right after restoring one): a second copy
  // would only push an older, different state out of the rotation.
  const same = listBackups(vaultPath).find((b) => b.bytes === current.length && sameSave(join(backupDir(vaultPath), b.file), current));
  if (same) return same;
  return addBackup(vaultPath, current, keep);
}

/**
 * Every save draws a fresh random salt and nonce into its header, so two files of equal length
 * whose first 4 KB (header, digest, key-check) match are copies of the same save: no need to
 * read a 100 MB backup to the end to know.
 */
function sameSave(file: string, current: Buffer): boolean {
  const n = Math.min(4096, current.length);
  const head = Buffer.alloc(n);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, n, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(current.subarray(0, n));
}

export function backupPath(vaultPath: string, file: string): string {
  if (file !== basename(file) || !file.endsWith('.cdv')) throw new AppError('INVALID', '备份文件名无效');
  return join(backupDir(vaultPath), file);
}
