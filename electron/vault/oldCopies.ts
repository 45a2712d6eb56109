/**
 * After a password change, the older copies of a vault — its backups and any `<vault>.damaged-*`
 * copy kept by a restore — must not open with the old (perhaps leaked) password any more. They
 * are either re-encrypted under the new password, one at a time, each written to a temp file,
 * read back and checked before it replaces the original (so at any moment every file opens with
 * the old or the new password, whole), or deleted, as the user chooses.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/contract/define.js';
import type { OldCopiesChoice, OldCopiesReport } from '../../shared/domain/oldCopies.js';
import { fsyncDir, writeFileAtomic } from './atomicWrite.js';
import { backupDir, listBackups } from './backups.js';
import { diskProblemOf, diskProblemText } from './diskProblems.js';
import { decodeVault, deriveMasterKey, encodeVaultParts, readHeader, type KdfParams } from './format.js';

export interface Keys {
  master: Buffer;
  kdf: KdfParams;
}

/** Every older copy of the vault at `vaultPath`: its backups (oldest first), then damaged copies beside it. */
export function oldCopiesOf(vaultPath: string): string[] {
  const dir = backupDir(vaultPath);
  const backups = listBackups(vaultPath).map((b) => join(dir, b.file));
  const prefix = `${basename(vaultPath)}.damaged-`;
  let beside: string[] = [];
  try {
    beside = readdirSync(dirname(vaultPath)).filter((n) => n.startsWith(prefix)).map((n) => join(dirname(vaultPath), n));
  } catch {
    /* the folder is unreadable: no copies to find there */
  }
  return [...backups, ...beside];
}

const isBackup = (vaultPath: string, file: string) => dirname(file) === backupDir(vaultPath);

/**
 * The KDF salt in a vault file's header, from its first 64 KB only (a backup may be 100 MB):
 * files sharing the vault's salt were encrypted under its current password. Null if unreadable.
 */
export function kdfSaltOf(file: string): string | null {
  const head = Buffer.alloc(64 * 1024 + 14);
  let n: number;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const len = head.readUInt32BE(10);
    if (n < 14 + len) return null;
    const salt = (JSON.parse(head.subarray(14, 14 + len).toString('utf8')) as { kdf?: { salt?: unknown } }).kdf?.salt;
    return typeof salt === 'string' ? salt : null;
  } catch {
    return null;
  }
}

/**
 * Older copies that are not under the vault's current password: left by a password change that
 * was cut short (power cut, crash) or could not rewrite them, or by 0.1.x, which never did.
 */
export function copiesUnderOtherPasswords(vaultPath: string, currentSalt: string): string[] {
  return oldCopiesOf(vaultPath).filter((f) => {
    const salt = kdfSaltOf(f);
    return salt !== null && salt !== currentSalt;
  }).map((f) => basename(f));
}

function why(e: unknown): string {
  const problem = diskProblemOf(e);
  if (problem) return diskProblemText(problem);
  if (e instanceof AppError) return e.message;
  return (e as Error)?.message ?? String(e);
}

/**
 * The key that opens `file` with the old password: the vault's own old key when the file shares
 * its KDF salt (every backup made since the last password change), otherwise derived afresh
 * (one scrypt per distinct salt). Null when the old password does not open it.
 */
async function oldKeyFor(bytes: Buffer, oldPassword: string, old: Keys, cache: Map<string, Buffer>): Promise<Buffer | null> {
  const { header } = readHeader(bytes);
  const salt = header.kdf.salt;
  let key = salt === old.kdf.salt ? old.master : cache.get(salt);
  if (!key) {
    key = await deriveMasterKey(oldPassword, header.kdf);
    cache.set(salt, key);
  }
  try {
    decodeVault(bytes, key);
    return key;
  } catch (e) {
    if (e instanceof AppError && e.code === 'WRONG_PASSWORD') return null;
    throw e;
  }
}

/**
 * Re-encrypts one copy in place: same payload bytes, same frame version, same modification time
 * (the restore list shows it), new password. The replacement is verified before the rename.
 */
function reencrypt(file: string, bytes: Buffer, oldKey: Buffer, next: Keys): void {
  const version = bytes.readUInt16BE(8);
  const { plaintext } = decodeVault(bytes, oldKey);
  const { atime, mtime } = statSync(file);
  writeFileAtomic(file, encodeVaultParts(plaintext, next.master, next.kdf, version), {
    beforeReplace: (tmp) => {
      const back = decodeVault(readFileSync(tmp), next.master).plaintext;
      if (!back.equals(plaintext)) throw new AppError('DAMAGED', '重新加密后读回校验不一致');
      utimesSync(tmp, atime, mtime);
    },
  });
}

/**
 * Runs the user's choice over every older copy. A copy that fails is left as it was (it still
 * opens with the old password, or with the one it was made with) and is named in the report;
 * the others are still handled, so one bad file does not leave the rest on the old password.
 */
export async function handleOldCopies(vaultPath: string, choice: OldCopiesChoice, oldPassword: string, old: Keys, next: Keys): Promise<OldCopiesReport> {
  const report: OldCopiesReport = { choice, done: 0, left: [] };
  const cache = new Map<string, Buffer>();
  try {
    for (const file of oldCopiesOf(vaultPath)) {
      // Each copy is seconds of work at 50 000 cadres: let other calls (status, the idle timer) in between.
      await new Promise((r) => setImmediate(r));
      try {
        const bytes = readFileSync(file);
        let key: Buffer | null = null;
        try {
          key = await oldKeyFor(bytes, oldPassword, old, cache);
        } catch {
          key = null; // damaged: no password opens it here
        }
        if (choice === 'delete') {
          // Every backup goes, whatever password it has; a damaged copy that the old password does
          // not open is kept: it may be all that is left of some data, and it is no backup.
          if (key || isBackup(vaultPath, file)) {
            unlinkSync(file);
            report.done++;
          } else report.left.push({ file: basename(file), reason: '已损坏或使用更早的密码，未删除（这是恢复时留下的损坏副本，如不需要可手动删除）' });
          continue;
        }
        if (!key) {
          report.left.push({ file: basename(file), reason: '已损坏或使用更早的密码（早于本次修改前的密码），无法改用新密码' });
          continue;
        }
        reencrypt(file, bytes, key, next);
        report.done++;
      } catch (e) {
        report.left.push({ file: basename(file), reason: `${choice === 'delete' ? '删除' : '重新加密'}失败：${why(e)}` });
      }
    }
    try {
      fsyncDir(backupDir(vaultPath));
    } catch {
      /* no backup folder */
    }
  } finally {
    for (const key of cache.values()) key.fill(0);
  }
  return report;
}
