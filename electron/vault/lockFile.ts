import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * One writer per vault: `<vault>.lock` holds the owner's pid. A second instance opens
 * read-only; a lock left by a dead process (same host) is taken over.
 */
export interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export type LockResult = { acquired: true; release: () => void } | { acquired: false; holder: LockInfo };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(vaultPath: string, ownerToken = `${process.pid}`): LockResult {
  const lockPath = `${vaultPath}.lock`;
  const me: LockInfo & { token: string } = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: ownerToken };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return {
        acquired: true,
        release: () => {
          try {
            const cur = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number; token: string };
            if (cur.pid === me.pid && cur.token === me.token) unlinkSync(lockPath);
          } catch {
            /* lock already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        holder = undefined; // unreadable lock: treat as stale
      }
      const stale = !holder || (holder.host === me.host && !alive(holder.pid));
      if (!stale && holder) return { acquired: false, holder };
      try {
        unlinkSync(lockPath);
      } catch {
        /* raced with another taker */
      }
    }
  }
  return { acquired: false, holder: { pid: -1, host: '', since: '' } };
}
