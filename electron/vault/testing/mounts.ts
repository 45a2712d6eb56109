/**
 * Real file systems that refuse writes, for the disk tests (not shipped behaviour): a tmpfs that
 * can be remounted read-only or filled up, and a file bind-mounted over another (a rename over a
 * mount point fails with EBUSY). Needs root and the right to mount (true here and in CI);
 * `mountSupport` says why not where it is missing, and the tests skip with that reason.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** null when mounting works; otherwise the reason it does not. */
export const mountSupport: string | null = (() => {
  if (process.platform !== 'linux') return `mount tests need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mount tests need root';
  const probe = mkdtempSync(join(tmpdir(), 'cadre-mount-probe-'));
  try {
    run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run('umount', [probe]);
    return null;
  } catch (e) {
    return `mount -t tmpfs fails here: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

const mounted: string[] = [];

/** A fresh empty tmpfs of `bytes` (rounded up to pages), world-readable so a dropped-privilege child can enter. */
export function tmpfs(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-disk-'));
  run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

export function remountReadOnly(dir: string): void {
  run('mount', ['-o', 'remount,ro', dir]);
}

/** `source` appears at `target` (an existing file); renaming anything over `target` then fails with EBUSY. */
export function bindFile(source: string, target: string): void {
  run('mount', ['--bind', source, target]);
  mounted.push(target);
}

/** Writes a filler file until the file system says ENOSPC; returns its path (delete it to free the space). */
export function fillUp(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0xaa);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
          // The last chunk may have gone in partly; fill the final bytes one by one.
          try {
            for (;;) writeSync(fd, chunk, 0, 1);
          } catch {
            return filler;
          }
        }
        throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Unmounts everything this module mounted (latest first) and removes the mount points. */
export function unmountAll(): void {
  for (const dir of mounted.splice(0).reverse()) {
    try {
      run('umount', [dir]);
    } catch {
      run('umount', ['-l', dir]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

