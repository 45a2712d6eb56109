import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Crash-safe replace: unique temp file (0600) in the same folder → write → fsync →
 * rename over the target → fsync the folder. At any crash point the target is either the
 * old file or the new one, whole. (steno, lowdb's writer, uses a fixed temp name and no
 * fsync, which is why we do not use it.)
 */
export function writeFileAtomic(target: string, data: Buffer | readonly Buffer[], options: { beforeReplace?: (tmp: string) => void } = {}): void {
  const parts = Buffer.isBuffer(data) ? [data] : data;
  const dir = dirname(target);
  const tmp = tempPathFor(target);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      for (const part of parts) {
        let off = 0;
        while (off < part.length) off += writeSync(fd, part, off, part.length - off);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // e.g. read the temp file back and check it decrypts, so only a verified file replaces the target
    options.beforeReplace?.(tmp);
    renameWithRetry(tmp, target);
  } catch (e) {
    // A full disk or a refused rename must not leave a half-written temp file behind.
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  try {
    fsyncDir(dir);
  } catch (e) {
    throw new ReplacedButNotSynced(e);
  }
}

/**
 * The target was already replaced when syncing its folder failed: the new content is in place
 * but may not survive a power cut. Callers must not say "nothing was saved".
 */
export class ReplacedButNotSynced extends Error {
  readonly code: string | undefined;
  constructor(readonly reason: unknown) {
    super(`replaced, folder fsync failed: ${(reason as Error)?.message ?? String(reason)}`);
    this.code = (reason as NodeJS.ErrnoException)?.code;
  }
}

/**
 * On Windows a rename over a file that an antivirus scanner or the search indexer has just
 * opened fails for a moment with EPERM/EACCES/EBUSY; retrying briefly is the known remedy.
 * Elsewhere such errors are real and surface at once.
 */
export function renameWithRetry(from: string, to: string, platform: NodeJS.Platform = process.platform, rename: (a: string, b: string) => void = renameSync): void {
  const transient = new Set(['EPERM', 'EACCES', 'EBUSY']);
  for (let attempt = 0; ; attempt++) {
    try {
      rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (platform !== 'win32' || !transient.has(code) || attempt >= 10) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * (attempt + 1));
    }
  }
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Is a process with this pid running on this machine? EPERM means it runs under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every temp name this app writes: `.<file>.<pid>.<12 hex>.tmp` (atomic writes and lock creation). */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Temp files of writers that died mid-save (power cut, killed process) are never renamed;
 * remove those in `dir` whose pid is gone so they do not pile up beside the vault. Returns how many.
 */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      /* another process cleaned it */
    }
  }
  return removed;
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS renames are journaled there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
