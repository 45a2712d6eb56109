import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import type { VaultDocument } from '../../shared/domain/document.js';
import { removeStaleTemps, writeFileAtomic } from './atomicWrite.js';
import { addBackup, backupDir, backupPath, listBackups, snapshot } from './backups.js';
import { decodeVault, deriveMasterKey, encodeVaultParts, newKdf, readHeader, type KdfParams, type VaultHeader } from './format.js';
import { acquireLock, type LockInfo, type LockResult } from './lockFile.js';
import { diskProblemOf, diskProblemText, readOnlyDiskMessage, type DiskProblem } from './diskProblems.js';
import { migrate } from '../store/migrations.js';
import { decodePayload, encodePayload } from './payload.js';
import { copiesUnderOtherPasswords, handleOldCopies } from './oldCopies.js';
import type { OldCopiesChoice, OldCopiesReport } from '../../shared/domain/oldCopies.js';
import { writeVaultInWorker } from './backgroundSave.js';
import { saveError } from './saveError.js';
import { settleAttachmentFiles } from '../attachments/fileStore.js';
import {
  applyJournal,
  COMPACT_BYTES,
  COMPACT_ENTRIES,
  fileIdOf,
  JournalWriter,
  readJournal,
  removeJournal,
  setAsideDamaged,
  vaultFileId,
  type JournalOp,
} from './journal.js';

const READ_ONLY_MESSAGE = '档案库以只读方式打开（另一个窗口或程序正在使用），不能保存修改';

/** Automatic snapshots on save: at most one per this interval, enough to step back without filling the disk. */
export const AUTO_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

function heldMessage(holder: LockInfo): string {
  return `档案库正被另一个程序使用（${holder.host || '未知计算机'} 上的进程 ${holder.pid}，自 ${holder.since || '?'} 起）`;
}

/**
 * An unlocked vault: the decrypted document in memory plus the key to save it.
 * The key is dropped by `close()`; nothing else keeps it.
 */
export class OpenVault {
  private master: Buffer | null;
  private releaseLock: (() => void) | null;
  private lastBackupAt = 0;
  /** The journal of the current vault file (journal.ts), created at the first journaled change. */
  private journal: JournalWriter | null = null;
  /** Set after an append failed: later changes save the whole vault, which makes the journal obsolete. */
  private journalBroken = false;
  /** Identifies the vault file on disk (one whole save); the journal extends exactly that file. */
  private fileId = '';
  /** Said to the user once after unlock: the journal was damaged and some changes could not be read. */
  journalProblem: string | undefined;
  private saving = 0;

  private constructor(
    readonly path: string,
    public doc: VaultDocument,
    master: Buffer,
    private kdf: KdfParams,
    readonly readOnly: boolean,
    readonly lockHolder: LockInfo | undefined,
    release: (() => void) | null,
    /** Set when the vault is read-only because its folder cannot be written (rather than held by another program). */
    readonly diskProblem?: DiskProblem,
  ) {
    this.master = master;
    this.releaseLock = release;
  }

  static async create(path: string, password: string, doc: VaultDocument): Promise<OpenVault> {
    if (existsSync(path)) throw new AppError('CONFLICT', `该位置已有档案库文件：${path}`);
    const kdf = newKdf();
    const master = await deriveMasterKey(password, kdf);
    let lock: LockResult;
    try {
      lock = acquireLock(path);
    } catch (e) {
      const problem = diskProblemOf(e);
      if (problem) throw new AppError('IO', `无法在此位置创建档案库：${diskProblemText(problem)}（${path}）`);
      throw e;
    }
    if (!lock.acquired) throw new AppError('READ_ONLY', heldMessage(lock.holder));
    // Checked again under the lock: another creator may have finished during our key derivation.
    if (existsSync(path)) {
      lock.release();
      throw new AppError('CONFLICT', `该位置已有档案库文件：${path}`);
    }
    const v = new OpenVault(path, doc, master, kdf, false, undefined, lock.release);
    v.lastBackupAt = Date.now(); // a brand-new vault has no earlier state worth a snapshot
    try {
      removeJournal(path); // one left by an earlier vault of this name must never extend this one
      v.writeNow();
    } catch (e) {
      v.close();
      throw e;
    }
    return v;
  }

  static async open(path: string, password: string): Promise<OpenVault> {
    const file = readVaultFile(path);
    const { header } = readHeader(file);
    const master = await deriveMasterKey(password, header.kdf);
    try {
      return OpenVault.openWithKey(path, file, master, header.kdf);
    } catch (e) {
      master.fill(0);
      throw e;
    }
  }

  /** For callers that already derived the key (tests re-opening many times). */
  static openWithKey(path: string, file: Buffer, master: Buffer, kdf: KdfParams): OpenVault {
    const doc = parseDocument(decodeVault(file, master).plaintext);
    const fileId = fileIdOf(file);
    const replay = readJournal(path, fileId, master);
    if (replay) applyJournal(doc, replay.ops);
    const finish = (v: OpenVault) => {
      v.fileId = fileId;
      if (!replay) return v;
      if (v.readOnly) {
        // Another program's (or an unwritable folder's) journal: read, never written.
        v.journalProblem = replay.damage;
        return v;
      }
      if (replay.damage) {
        // Keep what could be read in the vault file itself, then the damaged journal aside.
        const kept = setAsideDamaged(path);
        v.writeNow();
        v.journalProblem = `${replay.damage}。损坏的日志已另存为 ${kept}，其余档案完好；如有缺失，请核对最近的修改或从备份恢复。`;
      } else {
        v.journal = JournalWriter.resume(path, replay, v.key());
      }
      return v;
    };
    let lock: LockResult;
    try {
      lock = acquireLock(path);
    } catch (e) {
      // A write-protected USB stick, a full disk or a folder we may only read: the official can
      // still read and print, so open without the lock rather than not at all.
      const problem = diskProblemOf(e);
      if (!problem) throw e;
      return finish(new OpenVault(path, doc, master, kdf, true, undefined, null, problem));
    }
    if (!lock.acquired) return finish(new OpenVault(path, doc, master, kdf, true, lock.holder, null));
    removeStaleTemps(dirname(path));
    removeStaleTemps(backupDir(path));
    const v = new OpenVault(path, doc, master, kdf, false, undefined, lock.release);
    try {
      finish(v);
    } catch (e) {
      v.releaseLock?.();
      throw e;
    }
    try {
      // Names only (no file is read): a restored backup's files come back, crash leftovers go.
      // After the journal's replay, so its catalogue is the one settled against.
      settleAttachmentFiles(path, v.doc.attachments ?? []);
    } catch (e) {
      console.error('[cadre-desk] 整理附件文件夹失败：', (e as Error).message);
    }
    return v;
  }

  private key(): Buffer {
    if (!this.master) throw new AppError('LOCKED', '档案库已锁定，请重新解锁');
    return this.master;
  }

  /** Why this vault cannot be saved, for the banner and for refused changes. */
  get readOnlyMessage(): string {
    return this.diskProblem ? readOnlyDiskMessage(this.diskProblem) : READ_ONLY_MESSAGE;
  }

  private requireWritable(): void {
    if (this.readOnly) throw new AppError('READ_ONLY', this.readOnlyMessage);
  }

  /** Encrypts and durably replaces the vault file; snapshots the previous one first. */
  save(): void {
    this.requireWritable();
    this.autoBackup();
    this.writeNow();
  }

  /** save(), with the pack + encrypt + write done in a worker thread (backgroundSave.ts). */
  async saveInBackground(): Promise<void> {
    this.requireWritable();
    this.autoBackup();
    const write = writeVaultInWorker(this.path, this.doc, this.key(), this.kdf);
    this.inFlight = write.catch(() => undefined);
    this.saving++;
    try {
      await write;
    } finally {
      this.saving--;
      this.afterWholeSave();
    }
  }

  /** True when a change may go to the journal instead of a whole save (see journal.ts). */
  canJournal(): boolean {
    return !this.readOnly && this.master !== null && !this.journalBroken && Date.now() - this.lastBackupAt <= AUTO_BACKUP_INTERVAL_MS;
  }

  /** Seals one change into the journal, durably; throws (in Chinese) when the disk refuses. */
  appendJournal(ops: JournalOp[]): void {
    this.requireWritable();
    try {
      if (!this.journal) this.journal = JournalWriter.create(this.path, this.fileId, this.key());
      this.journal.append(ops);
    } catch (e) {
      this.journalBroken = true;
      throw saveError(e, this.path);
    }
  }

  /** Changes in the journal, not yet in the vault file. */
  get journaled(): number {
    return this.journal?.entries ?? 0;
  }

  get journalFull(): boolean {
    return !!this.journal && (this.journal.bytes > COMPACT_BYTES || this.journal.entries >= COMPACT_ENTRIES);
  }

  get isOpen(): boolean {
    return this.master !== null;
  }

  /**
   * After a whole save (or a failed one): if the vault file on disk changed, the journal extends
   * a file that is gone, and everything in it is in the new file: drop it.
   */
  private afterWholeSave(): void {
    let id: string;
    try {
      id = vaultFileId(this.path);
    } catch {
      return;
    }
    if (id === this.fileId) return;
    this.fileId = id;
    this.journalBroken = false;
    this.journal?.forget();
    this.journal = null;
    try {
      removeJournal(this.path);
    } catch {
      /* obsolete by its base: never applied, replaced by the next journal */
    }
  }

  private inFlight: Promise<void> = Promise.resolve();


  private autoBackup(): void {
    if (Date.now() - this.lastBackupAt > AUTO_BACKUP_INTERVAL_MS && existsSync(this.path)) {
      try {
        this.backup();
      } catch (e) {
        // The file on disk failed verification (or the backup folder is not writable): the
        // good copy is the one in memory, so saving it matters more than the snapshot.
        console.error('[cadre-desk] 自动备份失败，继续保存：', (e as Error).message);
      }
    }
  }

  private writeNow(master = this.key(), kdf = this.kdf): void {
    const plaintext = encodePayload(this.doc);
    try {
      writeFileAtomic(this.path, encodeVaultParts(plaintext, master, kdf));
    } catch (e) {
      throw saveError(e, this.path);
    } finally {
      this.afterWholeSave();
    }
  }

  backup(keep = this.doc.settings.backupsToKeep) {
    this.requireWritable();
    // A backup is a copy of the vault file: the journaled changes go into it first.
    if (this.journaled > 0) this.writeNow();
    let info;
    try {
      info = snapshot(this.path, this.key(), keep);
    } catch (e) {
      const problem = diskProblemOf(e);
      if (problem) throw new AppError('IO', `备份失败：${diskProblemText(problem)}。档案库文件未受影响。（${backupDir(this.path)}）`);
      throw e;
    }
    this.lastBackupAt = Date.now();
    return info;
  }

  backups() {
    return listBackups(this.path);
  }

  /**
   * Re-encrypts under a new password (fresh KDF salt), then deals with the older copies so that
   * none still opens with the old password: re-encrypted one by one, each verified, or deleted
   * (`oldCopies.ts`). The vault goes first: if the process dies midway, the vault opens with the
   * new password and each copy with the old or the new one, never neither. The key in memory
   * changes only once the new file is on disk.
   */
  async changePassword(oldPassword: string, newPassword: string, oldBackups: OldCopiesChoice = 'reencrypt'): Promise<OldCopiesReport> {
    this.requireWritable();
    const check = await deriveMasterKey(oldPassword, this.kdf);
    const current = this.key();
    if (check.length !== current.length || !timingSafeEqual(check, current)) throw new AppError('WRONG_PASSWORD', '原密码错误');
    check.fill(0);
    const kdf = newKdf();
    const master = await deriveMasterKey(newPassword, kdf);
    // A save still being written under the old key must land before the file is re-keyed
    // (checked again after each wait; from the last check on nothing awaits).
    for (let p = this.inFlight; ; p = this.inFlight) {
      await p;
      if (p === this.inFlight) break;
    }
    const opensWithNew = () => {
      try {
        decodeVault(readVaultFile(this.path), master);
        return true;
      } catch {
        return false;
      }
    };
    try {
      // Keeps the state before the change among the backups (re-encrypted below with the rest).
      if (oldBackups === 'reencrypt') this.backup();
      this.writeNow(master, kdf);
    } catch (e) {
      // Only a failed folder fsync comes after the rename: then the new password is already in force.
      if (!opensWithNew()) {
        master.fill(0);
        if (e instanceof AppError) throw new AppError(e.code, `密码未修改：${e.message}`);
        throw e;
      }
    }
    if (!opensWithNew()) {
      master.fill(0);
      throw new AppError('IO', '密码未修改：写入后读回校验失败，请检查磁盘后重试');
    }
    // Asked to delete the backups, the user gets none until the next automatic snapshot is due.
    if (oldBackups === 'delete') this.lastBackupAt = Date.now();
    const oldKdf = this.kdf;
    this.master = master;
    this.kdf = kdf;
    try {
      return await handleOldCopies(this.path, oldBackups, oldPassword, { master: current, kdf: oldKdf }, { master, kdf });
    } finally {
      current.fill(0);
    }
  }

  /** Backups (and damaged copies) not encrypted under the current password, by file name. */
  copiesUnderOtherPasswords(): string[] {
    return copiesUnderOtherPasswords(this.path, this.kdf.salt);
  }

  /** Reloads the last good state from disk (after a failed save left memory ahead of disk). */
  reload(): void {
    const file = readVaultFile(this.path);
    const doc = parseDocument(decodeVault(file, this.key()).plaintext);
    const replay = readJournal(this.path, fileIdOf(file), this.key());
    if (replay) applyJournal(doc, replay.ops);
    this.doc = doc;
  }

  close(): void {
    // Folds the journal into the vault file, unless a save is under way (then the journal stays
    // and is replayed at the next unlock: nothing depends on this happening).
    if (this.journaled > 0 && this.saving === 0 && this.master && !this.readOnly) {
      try {
        this.writeNow();
      } catch (e) {
        console.error('[cadre-desk] 锁定时合并修改日志失败，下次解锁时重放：', (e as Error).message);
      }
    }
    this.journal?.forget();
    this.journal = null;
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
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('IO', `无法读取档案库文件：没有读取该文件的权限（${path}）`);
    if (code === 'EBUSY') throw new AppError('IO', `无法读取档案库文件：文件正被其他程序或系统占用，请稍后再试（${path}）`);
    throw new AppError('IO', `无法读取档案库文件：${(e as Error).message}`);
  }
}

export function parseDocument(plaintext: Buffer): VaultDocument {
  return migrate(decodePayload(plaintext));
}

/** Decrypts a vault without taking its lock or keeping the key: for read-only tools (CLI verify, export). */
export async function readVault(path: string, password: string): Promise<{ doc: VaultDocument; header: VaultHeader; journalProblem?: string }> {
  const file = readVaultFile(path);
  const { header } = readHeader(file);
  const master = await deriveMasterKey(password, header.kdf);
  try {
    const doc = parseDocument(decodeVault(file, master).plaintext);
    // Changes journaled since the last whole save are part of the vault's content.
    const replay = readJournal(path, fileIdOf(file), master);
    if (replay) applyJournal(doc, replay.ops);
    return { doc, header, journalProblem: replay?.damage };
  } finally {
    master.fill(0);
  }
}

/**
 * Restores a backup as the current vault. The backup must open with `password` (the one it was
 * made with). Takes the vault's lock for the replace, so a vault open in another program is
 * never swapped under it. The file being replaced is kept first (as the newest backup, or as
 * `<vault>.damaged-<time>` if it is not even a readable frame), so a restore can be undone.
 */
export async function restoreBackup(vaultPath: string, file: string, password: string): Promise<void> {
  const from = backupPath(vaultPath, file);
  if (!existsSync(from)) throw new AppError('NOT_FOUND', `找不到备份文件：${file}`);
  const src = readVaultFile(from);
  const { header } = readHeader(src);
  const master = await deriveMasterKey(password, header.kdf);
  try {
    parseDocument(decodeVault(src, master).plaintext);
  } finally {
    master.fill(0);
  }
  replaceVaultWith(vaultPath, src);
}

/**
 * The replace half of a restore, for bytes the caller has already verified open with their
 * password (the app's restore verifies before it lets go of the open session).
 */
export function replaceVaultWith(vaultPath: string, src: Buffer): void {
  // A full or write-protected disk: say so, in the words of a failed save.
  const refused = (e: unknown) => {
    const problem = diskProblemOf(e);
    return problem ? new AppError('IO', `恢复失败：${diskProblemText(problem)}。档案库文件保持恢复前的状态。（${vaultPath}）`) : e;
  };
  let lock: LockResult;
  try {
    lock = acquireLock(vaultPath);
  } catch (e) {
    throw refused(e);
  }
  if (!lock.acquired) throw new AppError('READ_ONLY', `${heldMessage(lock.holder)}，请先关闭它再恢复备份`);
  try {
    if (existsSync(vaultPath)) {
      const current = readFileSync(vaultPath);
      let frameOk = true;
      try {
        readHeader(current);
      } catch {
        frameOk = false;
      }
      // keep = all: a restore must never rotate away the backups the user may still want.
      const newest = listBackups(vaultPath).at(-1);
      const alreadyKept = newest !== undefined && readFileSync(backupPath(vaultPath, newest.file)).equals(current);
      if (frameOk && !alreadyKept) addBackup(vaultPath, current, Number.MAX_SAFE_INTEGER);
      else if (!frameOk) copyFileSync(vaultPath, `${vaultPath}.damaged-${Date.now()}`);
    }
    writeFileAtomic(vaultPath, src);
    // Obsolete now (it extended the replaced file); removed so it is not even looked at.
    removeJournal(vaultPath);
  } catch (e) {
    throw refused(e);
  } finally {
    lock.release();
  }
}
