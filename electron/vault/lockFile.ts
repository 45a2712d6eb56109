import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { processAlive, tempPathFor } from './atomicWrite.js';
import { hostname, uptime } from 'node:os';

/**
 * One writer per vault: `<vault>.lock` holds the owner's pid. A second instance opens
 * read-only; a lock left by a dead process (same host) is taken over.
 */
export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** When the holder's computer booted (unix seconds): a lock from before a reboot is stale even if its pid is in use again. */
  boot?: number;
}

/** This computer's boot time in unix seconds; drifts by a second or so between calls. */
export function bootTime(): number {
  return Math.round(Date.now() / 1000 - uptime());
}

export type LockResult = { acquired: true; release: () => void } | { acquired: false; holder: LockInfo };

export function lockPathFor(vaultPath: string): string {
  return `${vaultPath}.lock`;
}

/**
 * Creates the lock with its content in one step: the content goes to a private temp file that
 * is then hard-linked to the lock name (link fails if the name exists). A plain `wx` open would
 * leave a moment where the lock exists but is empty, and a racing reader would call it stale.
 */
function createExclusive(lockPath: string, content: string): boolean {
  const tmp = tempPathFor(lockPath);
  writeNewFile(tmp, content);
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  } finally {
    unlinkSync(tmp);
  }
  // FAT/exFAT (a vault on a USB stick) has no hard links: fall back to an exclusive create.
  try {
    writeNewFile(lockPath, content);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Creates `path` (which must not exist) holding `content`. A full disk lets the file be created
 * but not written: the empty file is removed again, so a refused lock leaves nothing behind.
 */
function writeNewFile(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    try {
      writeFileSync(fd, content);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

function readLock(lockPath: string): { raw: string; info: LockInfo | undefined } | null {
  let raw: string;
  try {
    raw = readFileSync(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    return { raw, info: Number.isInteger(info.pid) ? info : undefined };
  } catch {
    return { raw, info: undefined };
  }
}

/**
 * Moves a stale lock out of the way, but only if it is still the very lock we judged stale:
 * two processes taking over at once must not both win (the second would otherwise delete
 * the first one's fresh lock).
 */
function removeIfUnchanged(lockPath: string, staleRaw: string): void {
  const aside = tempPathFor(lockPath);
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved === staleRaw) {
    unlinkSync(aside);
    return;
  }
  // We grabbed another taker's fresh lock: put it back unless a third party now holds the name.
  try {
    linkSync(aside, lockPath);
  } catch {
    /* the name is taken again; that holder wins */
  }
  unlinkSync(aside);
}

export function acquireLock(vaultPath: string, ownerToken = randomBytes(8).toString('hex')): LockResult {
  const lockPath = lockPathFor(vaultPath);
  const me = { pid: process.pid, host: hostname(), since: new Date().toISOString(), boot: bootTime(), token: ownerToken };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(lockPath, content)) {
      return {
        acquired: true,
        release: () => {
          const cur = readLock(lockPath);
          if (cur?.raw === content) {
            try {
              unlinkSync(lockPath);
            } catch {
              /* already gone */
            }
          }
        },
      };
    }
    const cur = readLock(lockPath);
    if (!cur) continue; // released between our attempt and the read
    const holder = cur.info;
    // After a power cut and reboot, the dead holder's pid often belongs to some other process.
    const beforeReboot = holder?.boot !== undefined && Math.abs(holder.boot - me.boot) > 120;
    const stale = !holder || (holder.host === me.host && (beforeReboot || !processAlive(holder.pid)));
    if (!stale) return { acquired: false, holder };
    removeIfUnchanged(lockPath, cur.raw);
  }
  const cur = readLock(lockPath);
  return { acquired: false, holder: cur?.info ?? { pid: -1, host: '', since: '' } };
}
