/**
 * The encrypted attachment files beside the vault: `<vault>.files/<id>`, and their backup copies
 * in `<vault>.backups/files/<id>`. Files never change once written (a rotation is catalogue
 * metadata), so a backup copies each id once: that is what makes backups incremental.
 *
 * Nothing here reads a file at unlock: settling the folder on open looks at names only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import type { Attachment } from '../../shared/domain/attachment.js';
import { fsyncDir, removeStaleTemps, writeFileAtomic } from '../vault/atomicWrite.js';
import { ATTACHMENT_ID, decryptAttachment, encryptAttachment } from './fileCrypto.js';

export function filesDir(vaultPath: string): string {
  return join(dirname(vaultPath), `${basename(vaultPath)}.files`);
}

/** Same folder as electron/vault/backups.ts backupDir, plus /files (not imported: backups.ts imports us). */
export function backupFilesDir(vaultPath: string): string {
  return join(dirname(vaultPath), `${basename(vaultPath)}.backups`, 'files');
}

function checkId(id: string): string {
  if (!ATTACHMENT_ID.test(id)) throw new AppError('DAMAGED', '档案库中的附件编号无效');
  return id;
}

export const attachmentPath = (vaultPath: string, id: string): string => join(filesDir(vaultPath), checkId(id));

/** Encrypts and durably writes one new file (temp, fsync, rename, folder fsync) before the catalogue names it. */
export function writeAttachmentFile(vaultPath: string, id: string, plain: Buffer, rootKey: string): void {
  const dir = filesDir(vaultPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(join(dir, checkId(id)), encryptAttachment(plain, rootKey, id));
}

export function readAttachmentFile(vaultPath: string, a: Pick<Attachment, 'id'>, rootKey: string | undefined): Buffer {
  let file: Buffer;
  try {
    file = readFileSync(attachmentPath(vaultPath, a.id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', '附件文件不见了（可能被删除或移动），请从备份恢复');
    throw new AppError('IO', `无法读取附件文件：${(e as Error).message}`);
  }
  if (!rootKey) throw new AppError('DAMAGED', '档案库中缺少附件密钥');
  return decryptAttachment(file, rootKey, a.id);
}

/** Removes one file for good (a failed add, or an entry emptied from the 回收站). */
export function deleteAttachmentFile(vaultPath: string, id: string): void {
  try {
    unlinkSync(attachmentPath(vaultPath, id));
  } catch {
    /* already gone */
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => ATTACHMENT_ID.test(n));
  } catch {
    return [];
  }
}

/** Copies `from` to `to` durably: temp file, fsync, rename, so a half-copied file never carries the id. */
function copyDurably(from: string, to: string): void {
  writeFileAtomic(to, readFileSync(from));
}

export interface SettleReport {
  /** Files the catalogue names that came back from the backup copies (after a restore). */
  restored: number;
  /** Files no catalogue entry names (a crash between writing a file and saving its entry), moved out. */
  swept: number;
  /** Catalogued files neither here nor in the backups: verify names them. */
  missing: number;
}

/**
 * Run on every writable open, by names only. Brings back from the backup copies any file the
 * catalogue names but the folder lacks (a restored backup's files), and moves out files no entry
 * names: into the backup copies when they have none there (a state replaced by a restore may be
 * restored again), deleted when they have one.
 */
export function settleAttachmentFiles(vaultPath: string, catalogue: readonly Pick<Attachment, 'id'>[]): SettleReport {
  const dir = filesDir(vaultPath);
  const spare = backupFilesDir(vaultPath);
  const wanted = new Set(catalogue.map((a) => a.id));
  const report: SettleReport = { restored: 0, swept: 0, missing: 0 };
  const present = new Set(namesIn(dir));
  if (!present.size && !wanted.size) return report;
  removeStaleTemps(dir);
  for (const id of wanted) {
    if (present.has(id) || !ATTACHMENT_ID.test(id)) continue;
    if (existsSync(join(spare, id))) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      copyDurably(join(spare, id), join(dir, id));
      report.restored++;
    } else report.missing++;
  }
  for (const id of present) {
    if (wanted.has(id)) continue;
    if (existsSync(join(spare, id))) unlinkSync(join(dir, id));
    else {
      mkdirSync(spare, { recursive: true, mode: 0o700 });
      renameSync(join(dir, id), join(spare, id));
      fsyncDir(spare);
    }
    report.swept++;
  }
  if (report.swept) fsyncDir(dir);
  return report;
}

/**
 * Copies into the backup copies every catalogued file they lack, after checking its tag (a
 * damaged file must not become the only "good" copy). Unchanged files are never copied twice.
 * Returns how many were copied and which failed their check.
 */
export function backupAttachmentFiles(vaultPath: string, catalogue: readonly Pick<Attachment, 'id'>[], rootKey: string | undefined): { copied: number; damaged: string[] } {
  const out = { copied: 0, damaged: [] as string[] };
  if (!catalogue.length || !rootKey) return out;
  const spare = backupFilesDir(vaultPath);
  mkdirSync(spare, { recursive: true, mode: 0o700 });
  for (const a of catalogue) {
    if (!ATTACHMENT_ID.test(a.id) || existsSync(join(spare, a.id))) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(filesDir(vaultPath), a.id));
      decryptAttachment(bytes, rootKey, a.id);
    } catch {
      out.damaged.push(a.id);
      continue;
    }
    writeFileAtomic(join(spare, a.id), bytes);
    out.copied++;
  }
  return out;
}

export type AttachmentProblem = { id: string; cadreId: string; title: string; problem: 'missing' | 'damaged' | 'changed' };

/**
 * Reads and checks every catalogued file (tag, then the plaintext's SHA-256 against the entry).
 * `onProgress` lets a caller show how far it got: 2 GB of scans take a while.
 */
export function checkAttachmentFiles(
  vaultPath: string,
  catalogue: readonly Attachment[],
  rootKey: string | undefined,
  sha256: (b: Buffer) => string,
  onProgress?: (done: number, total: number) => void,
): { checked: number; bytes: number; problems: AttachmentProblem[] } {
  const problems: AttachmentProblem[] = [];
  let bytes = 0;
  catalogue.forEach((a, i) => {
    const path = attachmentPath(vaultPath, a.id);
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch {
      problems.push({ id: a.id, cadreId: a.cadreId, title: a.title, problem: 'missing' });
      return;
    }
    bytes += file.length;
    try {
      const plain = decryptAttachment(file, rootKey ?? '', a.id);
      if (sha256(plain) !== a.sha256) problems.push({ id: a.id, cadreId: a.cadreId, title: a.title, problem: 'changed' });
    } catch {
      problems.push({ id: a.id, cadreId: a.cadreId, title: a.title, problem: 'damaged' });
    }
    onProgress?.(i + 1, catalogue.length);
  });
  return { checked: catalogue.length, bytes, problems };
}
