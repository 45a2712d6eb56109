import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { writeFileAtomic } from './atomicWrite.js';
import { backupPath, listBackups, snapshot } from './backups.js';
import { decodeVault, deriveMasterKey, encodeVault, newKdf, readHeader, type KdfParams } from './format.js';
import { acquireLock, type LockInfo } from './lockFile.js';
import { migrate } from '../store/migrations.js';

/**
 * An unlocked vault: the decrypted document in memory plus the key to save it.
 * The key is dropped by `close()`; nothing else keeps it.
 */
export class OpenVault {
  private master: Buffer | null;
  private releaseLock: (() => void) | null;
  private lastBackupAt = 0;

  private constructor(
    readonly path: string,
    public doc: VaultDocument,
    master: Buffer,
    private kdf: KdfParams,
    readonly readOnly: boolean,
    readonly lockHolder: LockInfo | undefined,
    release: (() => void) | null,
  ) {
    this.master = master;
    this.releaseLock = release;
  }

  static async create(path: string, password: string, doc: VaultDocument): Promise<OpenVault> {
    if (existsSync(path)) throw new AppError('CONFLICT', `该位置已有档案库文件：${path}`);
    const kdf = newKdf();
    const master = await deriveMasterKey(password, kdf);
    const lock = acquireLock(path);
    if (!lock.acquired) throw new AppError('READ_ONLY', '档案库正被另一个程序使用');
    const v = new OpenVault(path, doc, master, kdf, false, undefined, lock.release);
    v.writeNow();
    return v;
  }

  static async open(path: string, password: string): Promise<OpenVault> {
    const file = readVaultFile(path);
    const { header } = readHeader(file);
    const master = await deriveMasterKey(password, header.kdf);
    return OpenVault.openWithKey(path, file, master, header.kdf);
  }

  /** For callers that already derived the key (tests re-opening many times). */
  static openWithKey(path: string, file: Buffer, master: Buffer, kdf: KdfParams): OpenVault {
    const doc = parseDocument(decodeVault(file, master).plaintext);
    const lock = acquireLock(path);
    return lock.acquired
      ? new OpenVault(path, doc, master, kdf, false, undefined, lock.release)
      : new OpenVault(path, doc, master, kdf, true, lock.holder, null);
  }

  private key(): Buffer {
    if (!this.master) throw new AppError('LOCKED', '档案库已锁定，请重新解锁');
    return this.master;
  }

  /** Encrypts and durably replaces the vault file; snapshots the previous one first. */
  save(): void {
    if (this.readOnly) throw new AppError('READ_ONLY', '档案库以只读方式打开（另一个窗口或程序正在使用），不能保存修改');
    const keep = this.doc.settings.backupsToKeep;
    // At most one automatic snapshot per 10 minutes: enough to step back without filling the disk.
    if (Date.now() - this.lastBackupAt > 10 * 60 * 1000 && existsSync(this.path)) {
      this.backup(keep);
    }
    this.writeNow();
  }

  private writeNow(): void {
    const plaintext = Buffer.from(JSON.stringify(this.doc), 'utf8');
    writeFileAtomic(this.path, encodeVault(plaintext, this.key(), this.kdf));
  }

  backup(keep = this.doc.settings.backupsToKeep) {
    const info = snapshot(this.path, this.key(), keep);
    this.lastBackupAt = Date.now();
    return info;
  }

  backups() {
    return listBackups(this.path);
  }

  /** Re-encrypts under a new password. Old backups keep their old password (said in the UI). */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    const check = await deriveMasterKey(oldPassword, this.kdf);
    if (!check.equals(this.key())) throw new AppError('WRONG_PASSWORD', '原密码错误');
    const kdf = newKdf();
    const master = await deriveMasterKey(newPassword, kdf);
    this.backup();
    this.master = master;
    this.kdf = kdf;
    this.writeNow();
  }

  /** Reloads the last good state from disk (after a failed save left memory ahead of disk). */
  reload(): void {
    this.doc = parseDocument(decodeVault(readVaultFile(this.path), this.key()).plaintext);
  }

  close(): void {
    this.master?.fill(0);
    this.master = null;
    this.releaseLock?.();
    this.releaseLock = null;
  }
}

export function readVaultFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NO_VAULT', `找不到档案库文件：${path}`);
    throw new AppError('IO', `无法读取档案库文件：${(e as Error).message}`);
  }
}

function parseDocument(plaintext: Buffer): VaultDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new AppError('DAMAGED', '文件已损坏：解密后的内容无法解析');
  }
  return migrate(raw);
}

/**
 * Restores a backup as the current vault: the backup must open with `password` (the one it
 * was made with). The current vault is itself snapshotted first, so a restore can be undone.
 */
export async function restoreBackup(vaultPath: string, file: string, password: string): Promise<void> {
  const src = readVaultFile(backupPath(vaultPath, file));
  const { header } = readHeader(src);
  const master = await deriveMasterKey(password, header.kdf);
  decodeVault(src, master);
  writeFileAtomic(vaultPath, src);
}
